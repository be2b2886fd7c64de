#!/usr/bin/env bash
# make bench (first part): the ledger's import and close at district scale, in its own database ukkr_bench.
source "$(dirname "$0")/common.sh"
cd "$ROOT"
BENCH_DB="${UKKR_BENCH_DB:-ukkr_bench}"
bash tools/setup.sh
bash tools/pg.sh start
psql -qc "DROP DATABASE IF EXISTS \"$BENCH_DB\" WITH (FORCE)" >/dev/null
say "База $BENCH_DB: модули без демо-данных"
odoo -d "$BENCH_DB" -i ukkr_collections --without-demo=all --stop-after-init --no-http --log-level=warn \
    --logfile="$RUN_DIR/bench-install.log" || die "установка не удалась — $RUN_DIR/bench-install.log"
mkdir -p "$ROOT/artifacts"
odoo_script "$BENCH_DB" tools/bench_ledger.py --accounts "${UKKR_BENCH_ACCOUNTS:-20000}" "$@" \
    | tee "$ROOT/artifacts/bench-ledger.txt"
