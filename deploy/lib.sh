# shellcheck shell=bash disable=SC2034  # variables here are used by the sourcing scripts
# Common helpers for the local stack scripts (sourced, not executed).
#
# Paths are computed from this file's location, so a fresh clone anywhere works.

DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$DEPLOY_DIR/.." && pwd)"
STACK_DIR="${STACK_DIR:-$REPO_ROOT/.stack}"
STACK_LOGS="$STACK_DIR/logs"
VENV_PY="$REPO_ROOT/.venv/bin/python"

mkdir -p "$STACK_LOGS"

_ts() { date -u +%H:%M:%S; }
log()  { printf '[%s] %-8s %s\n' "$(_ts)" "${SVC:-stack}" "$*"; }
warn() { printf '[%s] %-8s WARNING: %s\n' "$(_ts)" "${SVC:-stack}" "$*" >&2; }

# now_ms: milliseconds since epoch (for per-service timing).
now_ms() { date +%s%3N; }
elapsed() { local start=$1; local d=$(( $(now_ms) - start )); printf '%d.%01ds' $((d / 1000)) $(((d % 1000) / 100)); }

# die_with_log SERVICE LOGFILE MESSAGE: clear failure message + last 30 lines of the log.
die_with_log() {
    local svc=$1 logfile=$2; shift 2
    {
        echo
        echo "ERROR: $svc: $*"
        echo "ERROR: $svc log file: $logfile"
        if [[ -f $logfile ]]; then
            echo "----- last 30 lines of $logfile -----"
            tail -n 30 "$logfile"
            echo "----- end of $logfile -----"
        else
            echo "(log file does not exist)"
        fi
    } >&2
    exit 1
}

# port_open HOST PORT: true if something accepts TCP connections there.
port_open() {
    local host=$1 port=$2
    (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
}

# pid_alive PID
pid_alive() { [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null; }

# stop_pid PID: SIGTERM (a clean shutdown for Kafka and the Erlang VM alike), then SIGKILL after
# 60 s. Callers verify first that PID is a process this repo started.
stop_pid() {
    local pid=$1 i
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 120; i++)); do
        pid_alive "$pid" || return 0
        sleep 0.5
    done
    warn "pid $pid still running after 60s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 1
}

# wait_for TIMEOUT_S DESCRIPTION CMD...: poll CMD until success or timeout (returns 1).
wait_for() {
    local timeout=$1 desc=$2; shift 2
    local deadline=$(( $(date +%s) + timeout ))
    while true; do
        if "$@"; then return 0; fi
        if (( $(date +%s) >= deadline )); then
            warn "timed out after ${timeout}s waiting for $desc"
            return 1
        fi
        sleep 0.5
    done
}

# user_can_use_dir USER DIR: can USER traverse to and write into DIR?
user_can_use_dir() {
    local user=$1 dir=$2
    runuser -u "$user" -- test -x "$dir" -a -w "$dir" 2>/dev/null
}

# service_dir USER NAME: directory for a daemon that runs as USER.
# Prefer $STACK_DIR/NAME (owned by USER).  If USER cannot traverse the repo path
# (e.g. the clone lives under /root, mode 700) fall back to a per-STACK_DIR directory
# under USER's home and leave a symlink at $STACK_DIR/NAME.  (Hashing STACK_DIR, not the
# repo: two stack dirs of one clone, e.g. tests with STACK_DIR=/tmp/..., never share data.)
service_dir() {
    local user=$1 name=$2
    local want="$STACK_DIR/$name"
    if [[ -L $want ]]; then
        readlink -f "$want"; return 0
    fi
    mkdir -p "$want"
    chown "$user:" "$want"
    if user_can_use_dir "$user" "$want"; then
        echo "$want"; return 0
    fi
    rmdir "$want" 2>/dev/null || true
    local home; home=$(getent passwd "$user" | cut -d: -f6)
    local hash; hash=$(printf '%s' "$STACK_DIR" | sha1sum | cut -c1-10)
    local alt="$home/log-analysis-stack-$hash/$name"
    mkdir -p "$alt"
    chown -R "$user:" "$home/log-analysis-stack-$hash"
    ln -sfn "$alt" "$want"
    warn "$user cannot reach $STACK_DIR; using $alt (symlinked from $want)"
    echo "$alt"
}

require_root_or_user() {
    if [[ $(id -u) -ne 0 ]]; then
        echo "ERROR: deploy/stack.sh must run as root (it starts postgres/rabbitmq as their own users)." >&2
        exit 1
    fi
}
