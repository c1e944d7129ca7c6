#!/usr/bin/env bash
# Debian's Chromium and its chromedriver, for the real-browser tests (tests/integration/web/test_browser.py).
#   deploy/browser.sh ensure    install them once (apt-get), then print their versions
#   deploy/browser.sh status    exit 1 unless both are installed
# Browser downloads (playwright's, Selenium Manager's) do not reach this network; Debian's packages do.
# Log: .stack/logs/browser.log
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
SVC=browser

BROWSER_LOG="$STACK_LOGS/browser.log"
CHROMIUM="${CHROMIUM_BINARY:-/usr/bin/chromium}"
CHROMEDRIVER="${CHROMEDRIVER_BINARY:-/usr/bin/chromedriver}"

installed() { [[ -x $CHROMIUM && -x $CHROMEDRIVER ]]; }

ensure() {
    if ! installed; then
        log "chromium or chromedriver missing; installing via apt-get (one-time)"
        local t0; t0=$(now_ms)
        { apt-get update -qq \
            && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
                chromium chromium-driver fonts-dejavu-core; } >>"$BROWSER_LOG" 2>&1 \
            || die_with_log browser "$BROWSER_LOG" "apt-get install chromium chromium-driver failed"
        log "installed chromium and chromedriver ($(elapsed "$t0"))"
    fi
    installed || die_with_log browser "$BROWSER_LOG" "no $CHROMIUM or $CHROMEDRIVER after installing"
    log "$("$CHROMIUM" --version 2>/dev/null | head -n1); $("$CHROMEDRIVER" --version | head -n1)"
}

case ${1:-} in
    ensure) ensure ;;
    status) if installed; then log "installed"; else log "not installed"; exit 1; fi ;;
    *) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
