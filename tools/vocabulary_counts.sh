#!/usr/bin/env bash
# How many places write each fact of the suite's vocabulary (issue 19, «one vocabulary»): every line printed is
# «<files> files <lines> lines <fact>». The goal is 1 file per fact — the one module that defines it. Tests are not counted
# (they state worked examples on purpose). Reproduce: `tools/vocabulary_counts.sh` (add -v to list the lines).
set -euo pipefail
cd "${ADDONS:-$(dirname "$0")/../addons}"   # ADDONS=<dir>: count another tree (e.g. a `git archive` of main)
VERBOSE=${1:-}

count() {   # count <label> <extended regex> [file glob …]: matching code lines outside tests/
    local label=$1 regex=$2
    shift 2
    local globs=("$@")
    [ ${#globs[@]} -eq 0 ] && globs=(--include=*.py)
    local hits
    hits=$(grep -rnE "${globs[@]}" -e "$regex" . | grep -v "/tests/" | grep -vE ":[0-9]+:\s*#" || true)
    local n=0 files=0
    if [ -n "$hits" ]; then
        n=$(printf '%s\n' "$hits" | wc -l)
        files=$(printf '%s\n' "$hits" | cut -d: -f1 | sort -u | wc -l)
    fi
    printf '%3d files %3d lines  %s\n' "$files" "$n" "$label"
    if [ "$VERBOSE" = "-v" ] && [ -n "$hits" ]; then printf '       %s\n' "$hits" | cut -c1-160; fi
}

echo "== vocabulary counts ($(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
# the «owed» formula: accrued + correction − written_off [− paid], in SQL or Python, however aliased
count "owed formula accrued + correction - written_off [- paid]" \
    "accrued *\+ *[a-z_.]*correction *(-|−) *[a-z_.]*(written_off|paid)"
# the last closed month read from the closes
count "last closed month SQL (max(period) FROM ukkr_monthly_close)" "max\([a-z_.]*period\) *FROM +ukkr_monthly_close"
# a period 'YYYY-MM' parsed by hand: its regex, int(period[:4]) / int(period[5:7]), a parse/next/previous/bounds def
count "period regex YYYY-MM" "\(?\\\\d\{4\}\)?-\(?(\\\\d\{2\}|0\[1-9\]\|1\[0-2\])\)?\\$"
count "period arithmetic int(period[:4]), int(period[5:7])" "int\([^)]*period[^)]*\[:4\]\), *int\("
count "period function defs (parse/next/previous/bounds/end/add)" \
    "^def _?(parse_period|next_period|previous_period|period_bounds|period_end|is_period)\(|^def add_months\(period"
# debtor categories (owner/social/commercial/organisations) and the organisations' payer kinds
count "debtor categories definitions" "^(CATEGORIES|CATEGORY_SELECTION|CATEGORY_LABELS|POPULATION_LABELS) *="
count "ORGANISATIONS definitions / literals" "^ORGANISATIONS *=|'legal', 'sole_trader', 'budget'|\"legal\", \"sole_trader\", \"budget\""
# proportional kopeck splits
count "kopeck-split algorithms" "^def split_proportionally|largest = max\(range\(len\(shares"
# chart-of-accounts lookups by code
count "chart-of-accounts lookups" "\"account\.account\"\]\.?(sudo\(\)\.)?search\(|Account\.search\(\[\(\"code\""
# record numbers written by UPDATE … lpad(id) in create()
count "record numbering UPDATE ... lpad(id)" "lpad\(id"
# group xml ids written out (constants, has_group(…), fields' groups=…)
count "group xml ids written out" "ukkr_debt_plan\.group_"
# limitation expiry (the general three years from the day after the due date) computed
count "limitation expiry computed (3 years from the day after due)" \
    "replace\(year=start\.year \+ 3|add_years\(due_date \+ timedelta\(days=1\)"
# money formatting 12 345,67
count "money formatting (thousands + decimal comma)" "\"\{:,\.2f\}\"\.format"
# dead constants
count "dead constants BUCKETS/INDIVIDUAL_BANDS/LEGAL_ENTITY_BANDS" \
    "^(BUCKETS|INDIVIDUAL_BANDS|LEGAL_ENTITY_BANDS) *=" --include=ukkr_personal_account.py --include=penalty_calc.py
# SQL current_date / now() in views (business dates must come as parameters)
count "SQL current_date in ukkr_collections views" "current_date" --include=ukkr_debt_tranche.py
# two readers of the Bank of Russia key-rate files
count "key-rate file parsers" "^def (parse|parse_key_rates)\(content, filename"
# the rules facade importing from a model file; the reports calling the close's private computation
count "rules facade importing a model file" "from \.ukkr_[a-z_]+ import" --include=ukkr_rules.py
count "reports calling the close's private _compute_state" "Close\._compute_state|\._compute_state\(december"
# the close and the write-off calling each other (the write-off must not use the close)
count "write-off using the close (import or model)" "ukkr_monthly_close import|\"ukkr\.monthly\.close\"\]" --include=ukkr_write_off.py
