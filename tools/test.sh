#!/usr/bin/env bash
# make test: a fresh throw-away database with demo data, the three modules installed with --test-enable (Odoo's
# own test runner), then tests/ with pytest against a live server (Playwright + Debian chromium).
# Ends with one line «N passed, N failed» counting both; exits non-zero on any failure or when no test ran.
source "$(dirname "$0")/common.sh"
cd "$ROOT"
MODULES="ukkr_debt_plan,ukkr_collections,ukkr_reports"
ONLY_MODULE=""
if [ "${1:-}" = "--module" ]; then ONLY_MODULE="${2:?MODULE=имя_модуля}"; MODULES="$ONLY_MODULE"; fi
TEST_DB="${UKKR_TEST_DB:-ukkr_test}"
LOG="$RUN_DIR/test-odoo.log"
ART="$ROOT/artifacts"
mkdir -p "$RUN_DIR/data" "$ART"
rm -f "$LOG" "$RUN_DIR/test-deps.log" "$RUN_DIR/test-server.log" "$RUN_DIR/pytest.xml"

bash tools/setup.sh --browser
# on exit: the test server is stopped, and so is the cluster if this run started it (make run's is left alone)
SERVER=""
STOP_PG=""
cleanup() {
    if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; fi
    if [ -n "$STOP_PG" ]; then bash "$ROOT/tools/pg.sh" stop >/dev/null 2>&1; fi
    return 0
}
trap cleanup EXIT
bash tools/pg.sh status >/dev/null 2>&1 || STOP_PG=1
bash tools/pg.sh start
psql -qc "DROP DATABASE IF EXISTS \"$TEST_DB\" WITH (FORCE)" >/dev/null

# Odoo 11 tests every module it installs with --test-enable: install the dependencies first, without tests, so
# that only our modules' tests run in the second step.
DEPS="$("$VENV/bin/python" - "$MODULES" <<'PYEOF'
import ast, sys
ours = sys.argv[1].split(",")
deps = []
for module in ours:
    manifest = ast.literal_eval(open("addons/%s/__manifest__.py" % module).read())
    deps += [d for d in manifest["depends"] if not d.startswith("ukkr_") and d not in deps]
print(",".join(deps))
PYEOF
)"
say "База $TEST_DB с демо-данными: зависимости ($DEPS)"
odoo -d "$TEST_DB" -i "$DEPS" --stop-after-init --load-language=ru_RU --no-http --log-level=warn \
    --logfile="$RUN_DIR/test-deps.log" || die "установка зависимостей не удалась — $RUN_DIR/test-deps.log"
say "Тесты модулей Odoo ($MODULES)"
PORT="$(free_port)"
set +e
odoo -d "$TEST_DB" -i "$MODULES" --test-enable --stop-after-init --http-port="$PORT" \
    --log-level=info --logfile="$LOG"
ODOO_RC=$?
set -e
ODOO_RAN=$(grep -E ' odoo\.addons\.ukkr_[a-z_]+\.tests\.[a-z_0-9]+: Ran [0-9]+ tests?' "$LOG" \
    | sed -E 's/.*: Ran ([0-9]+) tests?.*/\1/' | awk '{s+=$1} END {print s+0}')
ODOO_FAILED=$(grep -cE ' odoo\.addons\.ukkr_[a-z_]+\.tests\.[a-z_0-9]+: (FAIL|ERROR): ' "$LOG" || true)
grep -E ' (ERROR|CRITICAL) ' "$LOG" | grep -v 'odoo.sql_db: bad query' | head -40 || true
[ "$ODOO_RC" = 0 ] || { [ "$ODOO_FAILED" -gt 0 ] || ODOO_FAILED=1; echo "Odoo завершился с кодом $ODOO_RC — $LOG"; }
ODOO_PASSED=$((ODOO_RAN - ODOO_FAILED < 0 ? 0 : ODOO_RAN - ODOO_FAILED))
echo "Odoo: тестов выполнено $ODOO_RAN, с ошибками $ODOO_FAILED"

PY_PASSED=0; PY_FAILED=0
if [ -z "$ONLY_MODULE" ] && [ "$ODOO_RC" = 0 ]; then
    say "Подготовка базы $TEST_DB для pytest: язык, пользователи, демо-район"
    odoo_script "$TEST_DB" tools/ukkr_setup.py --demo 1 --accounts "${UKKR_TEST_ACCOUNTS:-120}" --users-file "$RUN_DIR/test-users.tsv"
    PORT="$(free_port)"
    # the production topology (tools/production_conf.sh): prefork HTTP workers, a cron worker and the queue-job
    # runner in the master process, with their own longpolling port
    say "Сервер как в рабочем режиме: --workers=2, cron, очередь заданий (queue_job)"
    ODOO_QUEUE_JOB_CHANNELS="$QUEUE_CHANNELS" "${ODOO_CMD[@]}" "${PROD_TOPOLOGY[@]}" -d "$TEST_DB" \
        --db-filter="^$TEST_DB\$" --http-port="$PORT" --longpolling-port="$(free_port)" \
        --logfile="$RUN_DIR/test-server.log" &
    SERVER=$!
    wait_http "http://127.0.0.1:$PORT/web/login" 180 "$SERVER" "$RUN_DIR/test-server.log" \
        || die "тестовый сервер Odoo не ответил — $RUN_DIR/test-server.log"
    # the cron worker's first pass runs whatever the install left due (within ~70 s of the start): tests begin
    # after it, as they would on a production server that has been up for a minute
    wait_crons "$TEST_DB" 240 "$SERVER" || die "планировщик (cron) не выполнил задания за 240 с — $RUN_DIR/test-server.log"
    say "pytest tests/ (сервер http://127.0.0.1:$PORT, база $TEST_DB)"
    set +e
    UKKR_URL="http://127.0.0.1:$PORT" UKKR_DB="$TEST_DB" UKKR_USERS="$RUN_DIR/test-users.tsv" UKKR_ARTIFACTS="$ART" \
        UKKR_SERVER_PID="$SERVER" UKKR_TEST_WORKERS="$TEST_WORKERS" UKKR_SERVER_LOG="$RUN_DIR/test-server.log" \
        "$VENV/bin/python" -m pytest tests -p no:cacheprovider -q --junitxml="$RUN_DIR/pytest.xml"
    PY_RC=$?
    set -e
    kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true
    SERVER=""
    read -r PY_TOTAL PY_BAD < <("$VENV/bin/python" - "$RUN_DIR/pytest.xml" <<'PYEOF'
import sys, xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except Exception:
    print(0, 1); sys.exit()
suites = [root] if root.tag == "testsuite" else list(root)
tests = sum(int(s.get("tests", 0)) - int(s.get("skipped", 0)) for s in suites)
bad = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
print(tests, bad)
PYEOF
)
    PY_FAILED=$PY_BAD
    PY_PASSED=$((PY_TOTAL - PY_BAD))
    { [ "$PY_RC" = 0 ] || [ "$PY_FAILED" -gt 0 ]; } || PY_FAILED=1
    [ "$PY_TOTAL" -gt 0 ] || { echo "pytest не выполнил ни одного теста"; PY_FAILED=$((PY_FAILED + 1)); }
fi

[ -n "${UKKR_KEEP_TEST_DB:-}" ] || psql -qc "DROP DATABASE IF EXISTS \"$TEST_DB\" WITH (FORCE)" >/dev/null || true
PASSED=$((ODOO_PASSED + PY_PASSED))
FAILED=$((ODOO_FAILED + PY_FAILED))
if [ "$ODOO_RAN" -eq 0 ]; then
    echo "Ни один тест модулей УККР не выполнен (Odoo 11 запускает тесты только в базе с демо-данными)"
    FAILED=$((FAILED + 1))
fi
echo "Odoo: $ODOO_PASSED passed, $ODOO_FAILED failed · pytest: $PY_PASSED passed, $PY_FAILED failed"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
