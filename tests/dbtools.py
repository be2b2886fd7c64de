"""Helpers of the pytest side for the private cluster and the Makefile (PGHOST/PGPORT/PGUSER come from
tools/common.sh through tools/test.sh)."""
import os
import subprocess

import psycopg2

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def query(db, sql, params=None):
    with psycopg2.connect(dbname=db) as conn, conn.cursor() as cr:
        cr.execute(sql, params)
        return cr.fetchall() if cr.description else None


def drop_database(name):
    conn = psycopg2.connect(dbname="postgres")
    try:
        conn.autocommit = True
        conn.cursor().execute('DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % name)
    finally:
        conn.close()
    subprocess.run(["rm", "-rf", os.path.join(ROOT, ".run", "data", "filestore", name)], check=True)


def make(*args, **env):
    return subprocess.run(["make", "--no-print-directory"] + list(args), cwd=ROOT, capture_output=True, text=True,
                          env=dict(os.environ, **env), timeout=900)


def odoo_script(db, script, *args, **env):
    """tools/ukkr_setup.py or any main(env, argv) script on a database, as `odoo_script` of tools/common.sh."""
    return subprocess.run(["bash", "-c", 'source tools/common.sh; odoo_script "$@"', "odoo_script", db, str(script)]
                          + [str(a) for a in args], cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env=dict(os.environ, **env))


def copy_database(source, name, workdir):
    """A copy of ``source`` under ``name`` through make backup / make restore; returns the archive's path."""
    backup = make("backup", "DB=" + source, BACKUP_DIR=str(workdir))
    assert backup.returncode == 0, backup.stdout + backup.stderr
    archive = backup.stdout.strip().splitlines()[-1]
    restore = make("restore", "FILE=" + archive, "DB=" + name)
    assert restore.returncode == 0, restore.stdout + restore.stderr
    return archive
