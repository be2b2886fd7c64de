#!/usr/bin/env bash
# make restore FILE=backups/ukkr-….tar.gz [DB=name] [FORCE=1]: the database and its filestore from an archive of
# make backup. Into a new database by default; over an existing one only with FORCE=1 (stop Odoo first: make stop).
# A copy under another name gets a new database.uuid/secret, as Odoo's own «restore as a copy» does.
# On any failure the half-restored database is dropped and nothing else is touched.
source "$(dirname "$0")/common.sh"
FILE="${1:-}"
[ -n "$FILE" ] || die "укажите архив: make restore FILE=backups/ukkr-ГГГГММДД-ЧЧММСС.tar.gz [DB=имя] — FILE is required"
[ -f "$FILE" ] || die "нет файла $FILE"
PG_BIN="$(find_pg_bin)" || die "не найдены программы PostgreSQL (pg_restore): PG_BIN=/путь/bin"
[ -x "$PG_BIN/pg_restore" ] || die "нет $PG_BIN/pg_restore"

STOP_PG=""
TMP=""
CREATED=""
cleanup() {
    rc=$?
    [ -n "$TMP" ] && rm -rf "$TMP"
    if [ "$rc" != 0 ] && [ -n "$CREATED" ]; then
        psql -qc "DROP DATABASE IF EXISTS \"$CREATED\" WITH (FORCE)" >/dev/null 2>&1
    fi
    [ -n "$STOP_PG" ] && bash "$ROOT/tools/pg.sh" stop >/dev/null 2>&1
    return 0
}
trap cleanup EXIT
bash "$ROOT/tools/pg.sh" status >/dev/null 2>&1 || STOP_PG=1
bash "$ROOT/tools/pg.sh" start

started=$(date +%s%N)
mkdir -p "$RUN_DIR"
TMP="$(mktemp -d "$RUN_DIR/.restore-XXXXXX")"
tar -xzf "$FILE" -C "$TMP" || die "архив $FILE повреждён или это не архив make backup"
[ -f "$TMP/manifest.txt" ] && [ -f "$TMP/database.dump" ] || die "в архиве $FILE нет manifest.txt и database.dump: это не копия make backup"
SOURCE="$(sed -n 's/^database=//p' "$TMP/manifest.txt")"
DB="${2:-${SOURCE:-$DB_NAME}}"
[[ "$DB" =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]*$ ]] || die "недопустимое имя базы «$DB»"

if db_exists "$DB"; then
    [ "${FORCE:-}" = 1 ] || die "база $DB уже есть: восстановите под другим именем (DB=…) или замените её (FORCE=1, сначала make stop)"
    say "FORCE=1: база $DB удаляется и восстанавливается из копии"
    psql -qc "DROP DATABASE \"$DB\" WITH (FORCE)" >/dev/null || die "не удалось удалить базу $DB"
fi
say "Восстановление базы $DB из $(basename "$FILE") (копия базы ${SOURCE:-?})"
psql -qc "CREATE DATABASE \"$DB\" TEMPLATE template0 ENCODING 'UTF8'" >/dev/null || die "не удалось создать базу $DB"
CREATED="$DB"
"$PG_BIN/pg_restore" --no-owner --no-privileges --exit-on-error -j 2 -d "$DB" "$TMP/database.dump" \
    || die "pg_restore не удался — база $DB удалена, ничего не изменено"
if [ -n "$SOURCE" ] && [ "$DB" != "$SOURCE" ]; then
    psql -qd "$DB" -c "UPDATE ir_config_parameter SET value = gen_random_uuid()::text
                       WHERE key IN ('database.uuid', 'database.secret')" >/dev/null
fi
FILESTORE="$RUN_DIR/data/filestore/$DB"
rm -rf "$FILESTORE.restoring"
mkdir -p "$FILESTORE.restoring"
cp -a "$TMP/filestore/." "$FILESTORE.restoring/" || die "файлы вложений не скопированы"
rm -rf "$FILESTORE"
mv "$FILESTORE.restoring" "$FILESTORE"
CREATED=""
rm -f "$RUN_DIR/$DB.addons-hash"   # the next make run checks the modules of the restored database
ms=$(( ($(date +%s%N) - started) / 1000000 ))
say "Готово за $((ms / 1000)).$((ms % 1000 / 100)) с: база $DB, файлов вложений $(find "$FILESTORE" -type f | wc -l)"
