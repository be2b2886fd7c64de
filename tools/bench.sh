#!/usr/bin/env bash
# make bench: the heavy steps at district/city scale beside raw-SQL lower bounds, in its own database ukkr_bench.
# UKKR_BENCH_ACCOUNTS (20000), UKKR_BENCH_MONTHS (36), UKKR_BENCH_REPEAT (3). Table: artifacts/bench.txt.
# City scale: UKKR_BENCH_ACCOUNTS=200000 UKKR_BENCH_MONTHS=12 make bench. The server steps run against the
# production topology: UKKR_BENCH_WORKERS (4) prefork workers; the load test UKKR_BENCH_SESSIONS (20) sessions for
# UKKR_BENCH_LOAD_SECONDS (60), then again while an import and a close run as jobs; first paint in chromium
# (UKKR_BENCH_NO_BROWSER=1 skips it).
source "$(dirname "$0")/common.sh"
cd "$ROOT"
BENCH_DB="${UKKR_BENCH_DB:-ukkr_bench}"
ACCOUNTS="${UKKR_BENCH_ACCOUNTS:-20000}"
MONTHS="${UKKR_BENCH_MONTHS:-36}"
REPEAT="${UKKR_BENCH_REPEAT:-3}"
STARTED=$(date +%s)
bash tools/setup.sh
bash tools/pg.sh start
mkdir -p "$ROOT/artifacts"
rm -f "$ROOT/artifacts/bench-results.json"
psql -qc "DROP DATABASE IF EXISTS \"$BENCH_DB\" WITH (FORCE)" >/dev/null
MODULES=ukkr_collections
[ -f addons/ukkr_reports/models/__init__.py ] && MODULES=ukkr_collections,ukkr_reports
say "База $BENCH_DB: модули $MODULES без демо-данных"
odoo -d "$BENCH_DB" -i "$MODULES" --without-demo=all --stop-after-init --no-http --log-level=warn \
    --logfile="$RUN_DIR/bench-install.log" || die "установка не удалась — $RUN_DIR/bench-install.log"
say "Подготовка: $ACCOUNTS лицевых счетов × $MONTHS месяцев"
odoo_script "$BENCH_DB" tools/bench.py setup "$ACCOUNTS" "$MONTHS" || die "подготовка не удалась"
say "Замеры ($REPEAT прогона каждого шага)"
odoo_script "$BENCH_DB" tools/bench.py measure "$REPEAT" || die "замеры не удались"
PORT=$(free_port)
# the production topology (tools/production_conf.sh): prefork HTTP workers, a cron worker, the queue-job runner
WORKERS="${UKKR_BENCH_WORKERS:-4}"
say "Канбан дел и нагрузка через JSON-RPC: сервер --workers=$WORKERS (prefork) на порту $PORT"
ODOO_QUEUE_JOB_CHANNELS="root:1" "${ODOO_CMD[@]}" -d "$BENCH_DB" --db-filter="^$BENCH_DB\$" --http-port="$PORT" \
    --longpolling-port="$(free_port)" --workers="$WORKERS" --max-cron-threads=1 --load=base,web,queue_job \
    --logfile="$RUN_DIR/bench-odoo.log" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
wait_http "http://127.0.0.1:$PORT/web/login" 180 "$SERVER" "$RUN_DIR/bench-odoo.log" \
    || die "Odoo не ответил на :$PORT — $RUN_DIR/bench-odoo.log"
"$VENV/bin/python" tools/bench.py kanban "http://127.0.0.1:$PORT" "$BENCH_DB" bench_manager bench "$REPEAT" \
    || die "замер канбана не удался"
SESSIONS="${UKKR_BENCH_SESSIONS:-20}"
say "Нагрузка: $SESSIONS сессий четырёх ролей (канбан дел и сводная), ${UKKR_BENCH_LOAD_SECONDS:-60} с"
"$VENV/bin/python" tools/bench.py load "http://127.0.0.1:$PORT" "$BENCH_DB" "$SESSIONS" "${UKKR_BENCH_LOAD_SECONDS:-60}" \
    || die "нагрузочный замер не удался"
say "Нагрузка во время фоновых заданий: загрузка месяца и закрытие месяца"
"$VENV/bin/python" tools/bench.py load "http://127.0.0.1:$PORT" "$BENCH_DB" "$SESSIONS" 0 jobs \
    || die "нагрузочный замер с заданиями не удался"
if [ -z "${UKKR_BENCH_NO_BROWSER:-}" ]; then
    say "Первая отрисовка в chromium: канбан дел, сводная по задолженности, карточка лицевого счёта"
    "$VENV/bin/python" tools/bench_paint.py "http://127.0.0.1:$PORT" "$BENCH_DB" bench_manager bench \
        || die "замер отрисовки в chromium не удался"
fi
kill "$SERVER"; wait "$SERVER" 2>/dev/null
echo
"$VENV/bin/python" tools/bench.py table
echo "make bench: $(( $(date +%s) - STARTED )) s in all; table in artifacts/bench.txt" | tee -a artifacts/bench.txt
