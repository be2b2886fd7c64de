# Shared settings and checks for the Makefile's scripts. Source it; do not run it.
# Every failure prints one clear line and exits non-zero.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_DIR="${UKKR_RUN_DIR:-$ROOT/.run}" # everything generated at run time lives here (ignored by git)
VENV="${UKKR_VENV:-$ROOT/.venv}"
PGDATA="$RUN_DIR/pgdata"
PGSOCK="$RUN_DIR/pgsock"             # unix socket directory: the cluster listens on no TCP port
PGPORT="${UKKR_PG_PORT:-54329}"      # only names the socket file .s.PGSQL.<port>
HTTP_PORT="${UKKR_HTTP_PORT:-8069}"
DB_NAME="${UKKR_DB:-ukkr}"
export PATH="$ROOT/node_modules/.bin:$VENV/bin:$PATH"
export PGHOST="$PGSOCK" PGPORT PGUSER="${UKKR_PG_USER:-odoo}" PGDATABASE=postgres

die() { echo "ОШИБКА / ERROR: $*" >&2; exit 1; }
say() { echo "==> $*"; }

find_python37() {
    local cand
    if [ -n "${PYTHON37:-}" ]; then  # an explicit choice is the only candidate
        "$PYTHON37" -c 'import sys; assert sys.version_info[:2] == (3, 7)' >/dev/null 2>&1 && echo "$PYTHON37"
        return
    fi
    for cand in "$(pyenv prefix 3.7.16 2>/dev/null)/bin/python3.7" \
                "$(pyenv prefix 3.7 2>/dev/null)/bin/python3.7" \
                "$(command -v python3.7 2>/dev/null || true)" \
                /usr/local/bin/python3.7 /usr/bin/python3.7; do
        [ -n "$cand" ] && [ -x "$cand" ] || continue
        if "$cand" -c 'import sys; assert sys.version_info[:2] == (3, 7)' >/dev/null 2>&1; then
            echo "$cand"; return 0
        fi
    done
    return 1
}

find_pg_bin() {
    local d
    if [ -n "${PG_BIN:-}" ]; then  # an explicit choice is the only candidate
        [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ] && echo "$PG_BIN"
        return
    fi
    for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin /usr/local/pgsql/bin; do
        [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
    done
    d="$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/x)")"
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
    return 1
}

port_free() {  # true when nothing listens on 127.0.0.1:$1
    "$(find_python37 || echo python3)" - "$1" <<'PYEOF'
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    s.bind(("0.0.0.0", int(sys.argv[1])))
except OSError:
    sys.exit(1)
PYEOF
}

ODOO_CMD=()  # the Odoo 11 server with the project's configuration and private cluster, as an argument list
odoo_cmd() {
    ODOO_CMD=("$VENV/bin/python" "$ROOT/tools/odoo-bin" -c "$ROOT/odoo.conf"
        --db_host="$PGSOCK" --db_port="$PGPORT" --db_user="$PGUSER"
        --data-dir="$RUN_DIR/data" --addons-path="$ROOT/addons,$VENV/lib/python3.7/site-packages/odoo/addons")
}
odoo_cmd
odoo() { "${ODOO_CMD[@]}" "$@"; }  # in the foreground; for a server in the background: "${ODOO_CMD[@]}" … &

# The production topology (README «Развёртывание», tools/production_conf.sh), used by make test's server too:
# prefork HTTP workers, one cron worker, and the queue_job runner (a thread of the master process) loaded as a
# server-wide module. A job runs inside an HTTP worker, so the job channels get fewer slots than there are workers.
TEST_WORKERS="${UKKR_TEST_WORKERS:-2}"
QUEUE_CHANNELS="${ODOO_QUEUE_JOB_CHANNELS:-root:1}"
PROD_TOPOLOGY=(--workers="$TEST_WORKERS" --max-cron-threads=1 --load=base,web,queue_job)

odoo_script() {  # odoo_script DB SCRIPT.py [script args…]: run SCRIPT's main(env, args) in one transaction on DB
    local db="$1" script="$2"; shift 2
    "$VENV/bin/python" "$ROOT/tools/odoo_exec.py" "$script" -c "$ROOT/odoo.conf" \
        --db_host="$PGSOCK" --db_port="$PGPORT" --db_user="$PGUSER" -d "$db" \
        --data-dir="$RUN_DIR/data" --addons-path="$ROOT/addons,$VENV/lib/python3.7/site-packages/odoo/addons" -- "$@"
}

db_exists() { [ "$(psql -Atc "select 1 from pg_database where datname = '$1'")" = 1 ]; }

free_port() {  # a free TCP port on the loopback interface
    "$VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_http() {  # wait_http URL SECONDS PID LOGFILE: true once the registry is loaded and URL answers 200
    # No request before the server has loaded the database: a request racing the first registry load can
    # break it (seen: KeyError 'res.partner' on a freshly created database).
    local url="$1" secs="$2" pid="$3" log="$4" i
    for ((i = 0; i < secs * 2; i++)); do
        kill -0 "$pid" 2>/dev/null || return 1
        if grep -q "odoo.modules.loading: Modules loaded." "$log" 2>/dev/null \
                && curl -fsS -o /dev/null "$url" 2>/dev/null; then
            return 0
        fi
        sleep 0.5
    done
    return 1
}

wait_crons() {  # wait_crons DB SECONDS PID: true once no active scheduled action of DB is due (the cron worker ran)
    # and no queue job it started is waiting or running
    local db="$1" secs="$2" pid="$3" i due
    for ((i = 0; i < secs; i++)); do
        kill -0 "$pid" 2>/dev/null || return 1
        due="$(psql -d "$db" -Atc "SELECT (SELECT count(*) FROM ir_cron WHERE active AND nextcall <= (now() AT TIME ZONE 'UTC'))
                                        + (SELECT count(*) FROM queue_job WHERE state IN ('pending', 'enqueued', 'started'))")"
        [ "$due" = 0 ] && return 0
        sleep 1
    done
    return 1
}
