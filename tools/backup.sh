#!/usr/bin/env bash
# make backup [DB=ukkr]: one archive backups/<db>-<date-time>.tar.gz with the database (pg_dump -Fc of the private
# cluster, by its own pg_dump), the filestore (.run/data/filestore/<db>: attachments, import files) and a manifest.
# Works while Odoo runs: the dump is one consistent snapshot; attachments are written once and never changed.
# Settings: BACKUP_DIR (backups/), PG_BIN. Prints the archive's path on the last line.
source "$(dirname "$0")/common.sh"
DB="${1:-$DB_NAME}"
OUT_DIR="${BACKUP_DIR:-$ROOT/backups}"
PG_BIN="$(find_pg_bin)" || die "не найдены программы PostgreSQL (pg_dump): PG_BIN=/путь/bin — PostgreSQL binaries not found"
[ -x "$PG_BIN/pg_dump" ] || die "нет $PG_BIN/pg_dump"

STOP_PG=""
TMP=""
cleanup() {
    [ -n "$TMP" ] && rm -rf "$TMP"
    [ -n "$STOP_PG" ] && bash "$ROOT/tools/pg.sh" stop >/dev/null 2>&1
    return 0
}
trap cleanup EXIT
bash "$ROOT/tools/pg.sh" status >/dev/null 2>&1 || STOP_PG=1
bash "$ROOT/tools/pg.sh" start
db_exists "$DB" || die "базы $DB нет в кластере $PGSOCK — database $DB not found"

started=$(date +%s%N)
mkdir -p "$OUT_DIR"
TMP="$(mktemp -d "$OUT_DIR/.backup-XXXXXX")"
STAMP="$(date +%Y%m%d-%H%M%S)"
ARCHIVE="$OUT_DIR/$DB-$STAMP.tar.gz"
FILESTORE="$RUN_DIR/data/filestore/$DB"

say "Резервная копия базы $DB: pg_dump"
"$PG_BIN/pg_dump" -Fc --no-owner --no-privileges -d "$DB" -f "$TMP/database.dump" \
    || die "pg_dump не удался — копия не создана"
mkdir -p "$TMP/filestore"
if [ -d "$FILESTORE" ]; then
    say "Файлы вложений: $FILESTORE"
    cp -a "$FILESTORE/." "$TMP/filestore/"
fi
{
    echo "database=$DB"
    echo "created=$(date -Iseconds)"
    echo "pg_dump=$("$PG_BIN/pg_dump" --version)"
    echo "filestore_files=$(find "$TMP/filestore" -type f | wc -l)"
    psql -d "$DB" -Atc "SELECT 'module_' || name || '=' || latest_version FROM ir_module_module
                         WHERE name LIKE 'ukkr\_%' AND state = 'installed' ORDER BY name"
} >"$TMP/manifest.txt"
tar -czf "$ARCHIVE.part" -C "$TMP" manifest.txt database.dump filestore || die "архив не записан: $ARCHIVE"
mv "$ARCHIVE.part" "$ARCHIVE"
ms=$(( ($(date +%s%N) - started) / 1000000 ))
say "Готово за $((ms / 1000)).$((ms % 1000 / 100)) с: $(du -h "$ARCHIVE" | cut -f1) — восстановить: make restore FILE=$ARCHIVE"
echo "$ARCHIVE"
