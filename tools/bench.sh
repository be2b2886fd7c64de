#!/usr/bin/env bash
# make bench: the heavy steps at district/city scale beside raw-SQL lower bounds, in its own database ukkr_bench.
# UKKR_BENCH_ACCOUNTS (20000), UKKR_BENCH_MONTHS (36), UKKR_BENCH_REPEAT (3). Table: artifacts/bench.txt.
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
say "Канбан дел через JSON-RPC: сервер на порту $PORT"
"${ODOO_CMD[@]}" -d "$BENCH_DB" --db-filter="^$BENCH_DB\$" --http-port="$PORT" --workers=0 --max-cron-threads=0 \
    --logfile="$RUN_DIR/bench-odoo.log" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
wait_http "http://127.0.0.1:$PORT/web/login" 180 "$SERVER" "$RUN_DIR/bench-odoo.log" \
    || die "Odoo не ответил на :$PORT — $RUN_DIR/bench-odoo.log"
"$VENV/bin/python" tools/bench.py kanban "http://127.0.0.1:$PORT" "$BENCH_DB" bench_manager bench "$REPEAT" \
    || die "замер канбана не удался"
kill "$SERVER"; wait "$SERVER" 2>/dev/null
echo
"$VENV/bin/python" tools/bench.py table
echo "make bench: $(( $(date +%s) - STARTED )) s in all; table in artifacts/bench.txt" | tee -a artifacts/bench.txt
