#!/usr/bin/env bash
# Local stack for development, tests and CI: Kafka 3.9 (KRaft) + PostgreSQL 15 + RabbitMQ.
#
#   deploy/stack.sh up     [kafka|postgres|rabbitmq ...]   start (idempotent) and wait until they answer
#   deploy/stack.sh down   [kafka|postgres|rabbitmq ...]   stop (idempotent)
#   deploy/stack.sh status [kafka|postgres|rabbitmq ...]   one line per service; exit 1 if any is down
#   deploy/stack.sh env                                    print the connection env vars (eval-able)
#
# Everything runtime lives in .stack/ (logs in .stack/logs/).  Must run as root.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

ALL_SERVICES=(kafka postgres rabbitmq)

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

services_from_args() {
    if (($# == 0)); then printf '%s\n' "${ALL_SERVICES[@]}"; return; fi
    local s
    for s in "$@"; do
        case $s in
            kafka|postgres|rabbitmq) echo "$s" ;;
            *) echo "unknown service: $s (expected: ${ALL_SERVICES[*]})" >&2; exit 2 ;;
        esac
    done
}

print_env() {
    cat <<EOF
export KAFKA_BOOTSTRAP_SERVERS=localhost:${KAFKA_PORT:-9092}
export DATABASE_URL=postgresql://log_analysis:log_analysis@localhost:${PG_PORT:-5432}/log_analysis
export RABBITMQ_URL=amqp://guest:guest@localhost:${RABBITMQ_PORT:-5672}/
EOF
}

cmd=${1:-}
[[ -n $cmd ]] || usage
shift
mapfile -t SERVICES < <(services_from_args "$@")

case $cmd in
    up)
        require_root_or_user
        t_all=$(now_ms)
        declare -A T0
        # Launch everything first (non-blocking), then wait for each: the JVM, the Erlang VM
        # and the postmaster boot in parallel.
        for s in "${SERVICES[@]}"; do
            T0[$s]=$(now_ms)
            "$DEPLOY_DIR/$s.sh" start
        done
        for s in "${SERVICES[@]}"; do
            "$DEPLOY_DIR/$s.sh" wait
            SVC=$s log "ready in $(elapsed "${T0[$s]}")"
        done
        log "stack up in $(elapsed "$t_all") (logs: $STACK_LOGS)"
        ;;
    down)
        require_root_or_user
        for s in "${SERVICES[@]}"; do
            "$DEPLOY_DIR/$s.sh" down
        done
        ;;
    status)
        rc=0
        for s in "${SERVICES[@]}"; do
            "$DEPLOY_DIR/$s.sh" status || rc=1
        done
        exit $rc
        ;;
    env) print_env ;;
    -h|--help|help) usage ;;
    *) usage ;;
esac
