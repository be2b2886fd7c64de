#!/usr/bin/env bash
# Developer loop: re-run one module's Odoo tests in the database kept by `UKKR_KEEP_TEST_DB=1 make test-module`.
# Usage: tools/retest.sh MODULE
source "$(dirname "$0")/common.sh"
MODULE="${1:?usage: tools/retest.sh MODULE}"
LOG="$RUN_DIR/retest.log"
bash "$ROOT/tools/pg.sh" start >/dev/null
db_exists "${UKKR_TEST_DB:-ukkr_test}" || die "нет базы ${UKKR_TEST_DB:-ukkr_test}: сначала UKKR_KEEP_TEST_DB=1 make test-module MODULE=$MODULE"
rm -f "$LOG"
set +e
odoo -d "${UKKR_TEST_DB:-ukkr_test}" -u "$MODULE" --test-enable --stop-after-init --http-port="$(free_port)" \
    --log-level=info --logfile="$LOG"
set -e
grep -E " odoo\.addons\.ukkr_[a-z_]+\.tests\.[a-z_0-9]+: (Ran|FAIL|ERROR)" "$LOG" || true
grep -E "(psycopg2\.errors|Error:|AssertionError|line [0-9]+, in test)" "$LOG" | grep "odoo.addons.ukkr" | head -20 || true
