#!/usr/bin/env bash
# Builds the runtime: Python 3.7 venv with pinned libraries, Odoo 11.0 + OCA wheels (--no-deps), lessc from npm,
# wkhtmltopdf (and chromium for browser tests) from Debian. Idempotent; offline when everything is already there.
source "$(dirname "$0")/common.sh"
cd "$ROOT"
WITH_BROWSER="${1:-}"
mkdir -p "$RUN_DIR" || die "не удалось создать папку $RUN_DIR (права на запись в $ROOT?) — cannot create $RUN_DIR"

PY37="$(find_python37)" || die "Python 3.7 не найден: установите его (pyenv install 3.7.16) или укажите PYTHON37=/путь/к/python3.7 — Python 3.7 not found"
command -v npm >/dev/null || die "npm не найден: установите Node.js и npm (apt-get install nodejs npm) — npm not found"

stamp_of() { cat requirements.txt requirements-odoo.txt | sha1sum | cut -c1-16; }
STAMP="$VENV/.ukkr-stamp-$(stamp_of)"
if [ ! -f "$STAMP" ]; then
    say "Python-окружение: $VENV ($("$PY37" --version 2>&1))"
    [ -x "$VENV/bin/python" ] || "$PY37" -m venv "$VENV" || die "не удалось создать venv в $VENV"
    # a failed pip names its cause: the network only when pip could not reach the index
    pip_failed() {
        local what="$1" cause="ошибка pip, см. строки выше"
        # pip says «from versions: none» when it could not read the index at all
        if grep -qiE 'NewConnectionError|Max retries exceeded|Temporary failure in name resolution|Network is unreachable|timed out|from versions: none' "$RUN_DIR/pip.log"; then
            cause="нет сети до PyPI или индекс пакетов недоступен"
        elif grep -qiE 'No matching distribution|Could not find a version' "$RUN_DIR/pip.log"; then
            cause="нужной версии пакета нет в индексе"
        fi
        tail -5 "$RUN_DIR/pip.log" >&2
        die "pip не смог установить $what ($cause) — подробности: $RUN_DIR/pip.log"
    }
    pipq() { "$VENV/bin/pip" install -q --disable-pip-version-check "$@" 2>&1 | grep -v '^WARNING: Location' || true; }
    pipq 'pip==23.3.2' 'setuptools<58' wheel
    "$VENV/bin/pip" install -q --disable-pip-version-check -r requirements.txt >"$RUN_DIR/pip.log" 2>&1 \
        || pip_failed requirements.txt
    "$VENV/bin/pip" install -q --disable-pip-version-check --no-deps -r requirements-odoo.txt >>"$RUN_DIR/pip.log" 2>&1 \
        || pip_failed "Odoo 11 / OCA (requirements-odoo.txt)"
    "$VENV/bin/python" -c 'import odoo, psycopg2, xlsxwriter, lxml, os; assert os.path.isdir(os.path.join(odoo.__path__[0], "addons", "account"))' \
        || die "Odoo 11 установлен не полностью — удалите .venv и повторите"
    rm -f "$VENV"/.ukkr-stamp-* && touch "$STAMP"
fi

if [ ! -x node_modules/.bin/lessc ]; then
    say "lessc 3.13.1 из npm"
    npm ci --no-audit --no-fund --silent >"$RUN_DIR/npm.log" 2>&1 \
        || { tail -5 "$RUN_DIR/npm.log" >&2; die "npm ci не удался — подробности: $RUN_DIR/npm.log"; }
fi

apt_install() {
    [ "$(id -u)" = 0 ] || die "нужен пакет Debian '$*', а права root нет: sudo apt-get install $*"
    say "apt-get install $*"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; } >"$RUN_DIR/apt.log" 2>&1 \
        || die "apt-get install $* не удался — $RUN_DIR/apt.log"
}
command -v wkhtmltopdf >/dev/null || apt_install wkhtmltopdf fonts-dejavu-core
if [ "$WITH_BROWSER" = "--browser" ]; then
    command -v chromium >/dev/null || apt_install chromium
fi
find_pg_bin >/dev/null || die "не найдены программы PostgreSQL (initdb, pg_ctl): apt-get install postgresql-15 или PG_BIN=/путь/bin"
exit 0
