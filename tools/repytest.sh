#!/usr/bin/env bash
# Developer loop: run pytest (tests/) against the database kept by `UKKR_KEEP_TEST_DB=1 make test`, with a
# throw-away server on a free port. Usage: tools/repytest.sh [pytest arguments, e.g. tests/test_browser_cases.py]
source "$(dirname "$0")/common.sh"
cd "$ROOT"
TEST_DB="${UKKR_TEST_DB:-ukkr_test}"
bash tools/pg.sh start >/dev/null
db_exists "$TEST_DB" || die "нет базы $TEST_DB: сначала UKKR_KEEP_TEST_DB=1 make test"
PORT="$(free_port)"
LOG="$RUN_DIR/repytest-server.log"
# the same topology as make test (tools/common.sh PROD_TOPOLOGY)
ODOO_QUEUE_JOB_CHANNELS="$QUEUE_CHANNELS" "${ODOO_CMD[@]}" "${PROD_TOPOLOGY[@]}" -d "$TEST_DB" --http-port="$PORT" \
    --longpolling-port="$(free_port)" --db-filter="^$TEST_DB\$" --logfile="$LOG" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null' EXIT
wait_http "http://127.0.0.1:$PORT/web/login" 120 "$SERVER" "$LOG"
wait_crons "$TEST_DB" 240 "$SERVER" || die "планировщик (cron) не выполнил задания за 240 с — $LOG"
UKKR_SERVER_PID="$SERVER" UKKR_TEST_WORKERS="$TEST_WORKERS" UKKR_SERVER_LOG="$LOG" \
UKKR_URL="http://127.0.0.1:$PORT" UKKR_DB="$TEST_DB" UKKR_USERS="$RUN_DIR/test-users.tsv" \
    UKKR_ARTIFACTS="$ROOT/artifacts" "$VENV/bin/python" -m pytest -p no:cacheprovider -q "${@:-tests}"
