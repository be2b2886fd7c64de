#!/usr/bin/env bash
# The project's private PostgreSQL cluster: .run/pgdata, unix socket in .run/pgsock, no TCP port, no system service.
# Usage: tools/pg.sh start|stop|status
source "$(dirname "$0")/common.sh"
PG_BIN="$(find_pg_bin)" || die "не найдены программы PostgreSQL (initdb, pg_ctl): apt-get install postgresql-15 или PG_BIN=/путь/bin — PostgreSQL binaries not found"
# PostgreSQL refuses to run as root: the cluster belongs to an unprivileged system user when we are root.
as_owner() {
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres 2>/dev/null || true
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

start() {
    mkdir -p "$RUN_DIR" "$PGSOCK"
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
        chown postgres "$RUN_DIR" "$PGSOCK"
        # the postgres user must be able to reach .run/: give the checkout's parents search (x) permission only
        local dir="$RUN_DIR"
        while [ "$dir" != "/" ]; do
            runuser -u postgres -- test -x "$dir" 2>/dev/null || { chmod o+x "$dir"; say "chmod o+x $dir (доступ к .run/ для postgres)"; }
            dir="$(dirname "$dir")"
        done
    fi
    if [ ! -f "$PGDATA/PG_VERSION" ]; then
        say "initdb: $PGDATA"
        as_owner "$PG_BIN/initdb" -D "$PGDATA" -U "$PGUSER" --auth=trust -E UTF8 --locale=C.UTF-8 >"$RUN_DIR/initdb.log" 2>&1 \
            || die "initdb не удался — $RUN_DIR/initdb.log"
        cat >>"$PGDATA/postgresql.conf" <<CONF
# ukkr private cluster
listen_addresses = ''
unix_socket_directories = '$PGSOCK'
unix_socket_permissions = 0700
port = $PGPORT
shared_buffers = 512MB
work_mem = 32MB
maintenance_work_mem = 256MB
fsync = ${UKKR_PG_FSYNC:-on}
synchronous_commit = off
max_connections = 100
CONF
    fi
    if as_owner "$PG_BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then return 0; fi
    say "PostgreSQL: старт кластера (сокет $PGSOCK/.s.PGSQL.$PGPORT)"
    as_owner "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$RUN_DIR/postgresql.log" -w -t 60 start >/dev/null \
        || die "PostgreSQL не запустился — $RUN_DIR/postgresql.log"
    # odoo.conf asks for unaccent searches: every new database gets the extension from template1
    psql -qd template1 -c "CREATE EXTENSION IF NOT EXISTS unaccent" >/dev/null 2>&1 \
        || say "расширение unaccent недоступно: поиск без учёта диакритики отключён"
}

stop() {
    [ -f "$PGDATA/PG_VERSION" ] || return 0
    if as_owner "$PG_BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
        say "PostgreSQL: остановка"
        as_owner "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) as_owner "$PG_BIN/pg_ctl" -D "$PGDATA" status ;;
    *) die "usage: tools/pg.sh start|stop|status" ;;
esac
