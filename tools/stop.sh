#!/usr/bin/env bash
# make stop: stop the Odoo server started by make run, then the private PostgreSQL cluster.
source "$(dirname "$0")/common.sh"
if [ -f "$RUN_DIR/odoo.pid" ]; then
    pid="$(cat "$RUN_DIR/odoo.pid")"
    if kill -0 "$pid" 2>/dev/null; then
        say "Остановка Odoo (pid $pid)"
        kill "$pid"
        for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$RUN_DIR/odoo.pid"
fi
bash "$ROOT/tools/pg.sh" stop
