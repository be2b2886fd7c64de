#!/usr/bin/env bash
# make run: install what is missing, start the private PostgreSQL, create/upgrade database `ukkr` with the three
# modules, Russian, rubles, the Russian chart of accounts, demo users and the demo district; then serve :8069.
source "$(dirname "$0")/common.sh"
cd "$ROOT"
MODULES="ukkr_debt_plan,ukkr_collections,ukkr_reports"
STARTED=$SECONDS

port_free "$HTTP_PORT" || die "порт $HTTP_PORT уже занят другим процессом (make stop, если это прежний сервер УККР; или UKKR_HTTP_PORT=8070 make run) — port $HTTP_PORT is taken"
bash tools/setup.sh
bash tools/pg.sh start
mkdir -p "$RUN_DIR/data"

addons_hash() { find addons -type f -not -path '*/__pycache__/*' -print0 | sort -z | xargs -0 sha1sum | sha1sum | cut -c1-16; }
HASH_FILE="$RUN_DIR/$DB_NAME.addons-hash"
if ! db_exists "$DB_NAME"; then
    say "Создание базы $DB_NAME (модули УККР, русский язык, план счетов РФ) — около минуты"
    odoo -d "$DB_NAME" -i "$MODULES" --without-demo=all --load-language=ru_RU --stop-after-init --no-http \
        --log-level=warn >"$RUN_DIR/install.log" 2>&1 || { tail -20 "$RUN_DIR/install.log"; die "установка модулей не удалась — $RUN_DIR/install.log"; }
    addons_hash >"$HASH_FILE"
elif [ "$(cat "$HASH_FILE" 2>/dev/null)" != "$(addons_hash)" ]; then
    say "Код модулей изменился: обновление модулей в базе $DB_NAME"
    odoo -d "$DB_NAME" -u "$MODULES" --stop-after-init --no-http --log-level=warn >"$RUN_DIR/update.log" 2>&1 \
        || { tail -20 "$RUN_DIR/update.log"; die "обновление модулей не удалось — $RUN_DIR/update.log"; }
    addons_hash >"$HASH_FILE"
fi

say "Настройка базы: компания, язык, пользователи, демо-данные"
odoo_script "$DB_NAME" tools/ukkr_setup.py --demo "${UKKR_DEMO:-1}" --accounts "${UKKR_DEMO_ACCOUNTS:-600}" \
    --users-file "$RUN_DIR/users.tsv" \
    || die "настройка базы $DB_NAME не удалась (см. сообщение выше); база осталась как была"

say "Запуск Odoo на порту $HTTP_PORT"
rm -f "$RUN_DIR/odoo.log"
# threaded (one process) for a developer; the queue-job runner as in production (make test runs the prefork topology)
ODOO_QUEUE_JOB_CHANNELS="$QUEUE_CHANNELS" "${ODOO_CMD[@]}" --load=base,web,queue_job \
    -d "$DB_NAME" --db-filter="^$DB_NAME\$" --http-port="$HTTP_PORT" --without-demo=all \
    --pidfile="$RUN_DIR/odoo.pid" --logfile="$RUN_DIR/odoo.log" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; exit 0' INT TERM
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
wait_http "http://127.0.0.1:$HTTP_PORT/web/login" 180 "$SERVER" "$RUN_DIR/odoo.log" \
    || die "Odoo не ответил на :$HTTP_PORT — $RUN_DIR/odoo.log"
echo
echo "============================================================================"
echo " УККР: веб-клиент работает — http://localhost:$HTTP_PORT   (база $DB_NAME; готово за $((SECONDS - STARTED)) с)"
echo " Пользователи (логин / пароль — роль):"
while IFS=$'\t' read -r login password name; do
    printf "   %-10s / %-10s — %s\n" "$login" "$password" "$name"
done <"$RUN_DIR/users.tsv"
echo " Журнал сервера: $RUN_DIR/odoo.log · остановить: Ctrl-C или make stop"
echo "============================================================================"
set +e
wait "$SERVER"
RC=$?
set -e
# make stop (or Ctrl-C) ends the server on purpose: that is a normal end of make run
if [ "$RC" = 0 ] || [ "$RC" = 143 ] || [ "$RC" = 130 ]; then
    say "Сервер Odoo остановлен"
    exit 0
fi
tail -20 "$RUN_DIR/odoo.log" >&2
die "сервер Odoo завершился с кодом $RC — $RUN_DIR/odoo.log"
