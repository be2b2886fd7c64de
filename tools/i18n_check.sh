#!/usr/bin/env bash
# Refresh the suite's i18n/ru.po from the code in a kept database (`UKKR_KEEP_TEST_DB=1 make test-module …` first):
#   tools/i18n_check.sh [TABLE.py]      — exports each module, keeps the translations, adds TABLE's (T = {en: ru});
# prints what stays untranslated and exits 1 while anything does (tools/i18n_fill.py does the merge).
source "$(dirname "$0")/common.sh"
TABLE="${1:-}"
DB="${UKKR_TEST_DB:-ukkr_test}"
bash "$ROOT/tools/pg.sh" start >/dev/null
status=0
for module in ukkr_debt_plan ukkr_collections ukkr_reports; do
    exported="$(mktemp --suffix=.po)"
    odoo -d "$DB" --i18n-export="$exported" --language=ru_RU --modules="$module" --stop-after-init \
        --log-level=warn >/dev/null 2>&1 || die "экспорт переводов $module не удался"
    echo "== $module"
    "$VENV/bin/python" "$ROOT/tools/i18n_fill.py" "$exported" "$ROOT/addons/$module/i18n/ru.po" $TABLE || status=1
    rm -f "$exported"
done
exit $status
