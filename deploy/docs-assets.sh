#!/usr/bin/env bash
# Vendored front-end assets of the API documentation pages (/docs and /redoc, web/docs_pages.py).
#
#   deploy/docs-assets.sh fetch    # re-fetch the pinned versions, check SHA256SUMS, install
#   deploy/docs-assets.sh verify   # offline: the files in web/static/docs match SHA256SUMS
#   deploy/docs-assets.sh rehash   # after bumping a version below: fetch, install, rewrite sums
#
# The files are committed and ship in the wheel, so the service needs no CDN and no network at
# run time; this recipe only says where they came from and lets anyone reproduce them. Needs npm
# (and the npm registry) for fetch/rehash only.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/web/static/docs"
SUMS="$DEST/SHA256SUMS"

# Pinned, not ranges: a new upstream release must be a reviewed change (rehash), never a
# surprise. ReDoc stays on 2.x: 3.x's bundle is twice the size, an ES module, and reports
# telemetry to Redocly unless told not to.
SWAGGER_UI="swagger-ui-dist@5.35.0"
REDOC="redoc@2.5.4"

# "package|path inside the tarball|name in web/static/docs". Only what the pages load, plus the
# licences: Swagger UI is Apache-2.0, whose section 4 asks for its LICENSE and NOTICE to travel
# with it; each bundle's .LICENSE.txt lists the licences of the code bundled into it.
FILES=(
    "$SWAGGER_UI|swagger-ui-bundle.js|swagger-ui-bundle.js"
    "$SWAGGER_UI|swagger-ui-bundle.js.LICENSE.txt|swagger-ui-bundle.js.LICENSE.txt"
    "$SWAGGER_UI|swagger-ui.css|swagger-ui.css"
    "$SWAGGER_UI|favicon-16x16.png|favicon-16x16.png"
    "$SWAGGER_UI|favicon-32x32.png|favicon-32x32.png"
    "$SWAGGER_UI|LICENSE|swagger-ui-LICENSE.txt"
    "$SWAGGER_UI|NOTICE|swagger-ui-NOTICE.txt"
    "$REDOC|bundles/redoc.standalone.js|redoc.standalone.js"
    "$REDOC|bundles/redoc.standalone.js.LICENSE.txt|redoc.standalone.js.LICENSE.txt"
    "$REDOC|LICENSE|redoc-LICENSE.txt"
)

# Fetch every package into a scratch directory and copy the listed files into $1 (staging).
stage() {
    local staging=$1 work spec tarball entry pkg src name
    work="$(mktemp -d)"
    # shellcheck disable=SC2064  # expand now: $work is local to this function
    trap "rm -rf '$work'" RETURN
    for spec in "$SWAGGER_UI" "$REDOC"; do
        # npm pack checks the tarball against the registry's integrity hash; prints its name.
        tarball="$(cd "$work" && npm pack --silent "$spec" | tail -n 1)"
        mkdir -p "$work/$spec"
        tar -xzf "$work/$tarball" -C "$work/$spec"
    done
    for entry in "${FILES[@]}"; do
        IFS='|' read -r pkg src name <<<"$entry"
        cp "$work/$pkg/package/$src" "$staging/$name"
    done
}

# Check staged files against the committed sums before anything reaches the tree, so a
# republished or tampered tarball cannot replace what was reviewed.
check_sums() {
    (cd "$1" && sha256sum --check --strict --quiet "$SUMS")
}

install_staged() {
    local staging=$1 entry name
    for entry in "${FILES[@]}"; do
        name="${entry##*|}"
        install -m 0644 "$staging/$name" "$DEST/$name"
    done
}

write_sums() {
    local entry names=()
    for entry in "${FILES[@]}"; do
        names+=("${entry##*|}")
    done
    # LC_ALL=C: the same order on every machine, so the file diffs cleanly.
    (cd "$DEST" && printf '%s\n' "${names[@]}" | LC_ALL=C sort | xargs sha256sum >"$SUMS.tmp")
    mv "$SUMS.tmp" "$SUMS"
}

main() {
    local command=${1:-fetch} staging
    mkdir -p "$DEST"
    case $command in
    verify)
        check_sums "$DEST"
        echo "web/static/docs matches SHA256SUMS"
        ;;
    fetch | rehash)
        staging="$(mktemp -d)"
        # shellcheck disable=SC2064
        trap "rm -rf '$staging'" EXIT
        stage "$staging"
        if [[ $command == fetch ]]; then
            check_sums "$staging"
        fi
        install_staged "$staging"
        if [[ $command == rehash ]]; then
            write_sums
            echo "SHA256SUMS rewritten: review the diff, and the new versions' changelogs"
        fi
        echo "installed $SWAGGER_UI and $REDOC into web/static/docs"
        ;;
    *)
        echo "usage: $0 [fetch|verify|rehash]" >&2
        exit 2
        ;;
    esac
}

main "$@"
