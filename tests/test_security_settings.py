"""Security settings (issue 9.6): the database manager is closed, production configuration and passwords come from
the environment, demo users exist only in demo databases, no secret is committed."""
import configparser
import os
import re
import stat
import subprocess
import urllib.request
import xmlrpc.client

import pytest
from passlib.context import CryptContext

from dbtools import ROOT, copy_database, drop_database, odoo_script, query


def test_database_manager_is_closed(odoo_url, odoo_db):
    """Listing, dumping, dropping or creating databases over the network is refused, whatever the password."""
    db = xmlrpc.client.ServerProxy(odoo_url + "/xmlrpc/2/db")
    for call in (lambda: db.list(), lambda: db.dump("admin", odoo_db, "zip"), lambda: db.drop("admin", odoo_db),
                 lambda: db.create_database("admin", "ukkr_intruder", False, "ru_RU", "x"),
                 lambda: db.change_admin_password("admin", "new-master-password")):
        with pytest.raises(xmlrpc.client.Fault):
            call()
    assert query("postgres", "SELECT 1 FROM pg_database WHERE datname = %s", (odoo_db,))
    assert not query("postgres", "SELECT 1 FROM pg_database WHERE datname = 'ukkr_intruder'")
    html = urllib.request.urlopen(odoo_url + "/web/database/manager", timeout=30).read().decode("utf-8")
    assert "disabled by the administrator" in html or "отключ" in html


def test_development_config_has_no_master_password():
    conf = configparser.RawConfigParser()
    conf.read(os.path.join(ROOT, "odoo.conf"))
    assert conf["options"]["list_db"] == "False"
    assert conf["options"]["admin_passwd"] == "False", "no master password at all: the database manager is closed"


def run_production_conf(target, password):
    env = dict(os.environ)
    for name in ("UKKR_MASTER_PASSWORD", "UKKR_DB"):   # (make test exports UKKR_DB for its own database)
        env.pop(name, None)
    if password is not None:
        env["UKKR_MASTER_PASSWORD"] = password
    return subprocess.run(["bash", "tools/production_conf.sh", str(target)], cwd=ROOT, capture_output=True,
                          text=True, env=env, timeout=120)


def test_production_config_from_the_environment(tmp_path):
    target = tmp_path / "etc" / "odoo.conf"
    missing = run_production_conf(target, None)
    assert missing.returncode != 0 and "UKKR_MASTER_PASSWORD" in missing.stderr and not target.exists()
    weak = run_production_conf(target, "admin")
    assert weak.returncode != 0 and "слишком простой" in weak.stderr and not target.exists()
    password = "мастер-пароль Енисей 2026"
    done = run_production_conf(target, password)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    text = target.read_text(encoding="utf-8")
    assert password not in text, "the master password is never written in clear"
    conf = configparser.RawConfigParser()
    conf.read(str(target))
    options = conf["options"]
    assert (options["list_db"], options["proxy_mode"], options["dbfilter"], options["without_demo"]) == \
        ("False", "True", "^ukkr$", "all")
    assert int(options["workers"]) >= 2
    # the same topology as make test's server (tools/common.sh PROD_TOPOLOGY): prefork, a cron worker, the job runner
    assert options["max_cron_threads"] == "1"
    assert "queue_job" in options["server_wide_modules"].split(",")
    channels = dict(part.split(":") for part in conf["queue_job"]["channels"].split(","))
    assert 1 <= int(channels["root"]) < int(options["workers"]), "jobs must leave HTTP workers to the users"
    common = open(os.path.join(ROOT, "tools", "common.sh"), encoding="utf-8").read()
    topology = re.search(r"PROD_TOPOLOGY=\((.*)\)", common).group(1)
    assert "--max-cron-threads=1" in topology and "--load=base,web,queue_job" in topology
    assert "--workers=" in topology
    assert CryptContext(["pbkdf2_sha512"]).verify(password, options["admin_passwd"])


def test_no_secret_is_committed():
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    problems = []
    for name in files:
        if re.search(r"(^|/)\.env$|\.(pem|key|p12|pfx)$|id_rsa", name):
            problems.append("%s: a key or environment file" % name)
            continue
        path = os.path.join(ROOT, name)
        if not os.path.isfile(path) or os.path.getsize(path) > 2000000:
            continue
        with open(path, encoding="utf-8", errors="ignore") as handle:
            for number, line in enumerate(handle, 1):
                if re.search(r"-----BEGIN [A-Z ]*PRIVATE KEY-----", line):   # (does not match its own line)
                    problems.append("%s:%d: a private key" % (name, number))
                match = re.match(r"\s*(admin_passwd|db_password)\s*=\s*(\S+)", line)
                if match and name.endswith(".conf") and match.group(2) != "False":
                    problems.append("%s:%d: %s is set" % (name, number, match.group(1)))
                if re.search(r"UKKR_(MASTER|ADMIN)_PASSWORD=(['\"])[^'\"…]{6,}\2", line):
                    problems.append("%s:%d: a real-looking password in a command" % (name, number))
    assert not problems, problems


@pytest.fixture
def production_copy(odoo_db, tmp_path):
    name = odoo_db + "_prod"
    copy_database(odoo_db, name, tmp_path)
    yield name
    drop_database(name)


def test_production_database_gets_no_demo_users(production_copy):
    """A database recorded as production (ukkr.demo_mode = 0) never gets demo users with known passwords, and
    refuses to keep Odoo's default admin password."""
    db = production_copy
    query(db, "UPDATE ir_config_parameter SET value = '0' WHERE key = 'ukkr.demo_mode'")
    assert query(db, "SELECT value FROM ir_config_parameter WHERE key = 'ukkr.demo_mode'") == [("0",)]
    query(db, "UPDATE res_users SET login = 'operator_was_demo' WHERE login = 'operator'")
    setup = os.path.join(ROOT, "tools", "ukkr_setup.py")
    default_admin = odoo_script(db, setup, "--demo", "1", UKKR_ADMIN_PASSWORD="")
    assert default_admin.returncode != 0
    assert "пароль по умолчанию «admin»" in default_admin.stderr, default_admin.stderr[-2000:]
    weak = odoo_script(db, setup, "--demo", "0", UKKR_ADMIN_PASSWORD="admin")
    assert weak.returncode != 0 and "слишком простой" in weak.stderr
    password = "Северо-Енисейский-2026"
    done = odoo_script(db, setup, "--demo", "1", UKKR_ADMIN_PASSWORD=password)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "рабочем режиме" in done.stdout
    assert not query(db, "SELECT 1 FROM res_users WHERE login = 'operator'"), "no demo user in production"
    [(stored,)] = query(db, "SELECT password_crypt FROM res_users WHERE login = 'admin'")
    assert CryptContext(["pbkdf2_sha512"]).verify(password, stored)
    assert not CryptContext(["pbkdf2_sha512"]).verify("admin", stored)
    # the production login policy (OCA password_security, auth_brute_force, auth_session_timeout)
    assert query(db, """SELECT password_length, password_numeric, password_special, password_expiration,
                               password_history FROM res_company WHERE id = 1""") == [(12, 1, 1, 90, 10)]
    params = dict(query(db, """SELECT key, value FROM ir_config_parameter WHERE key IN
        ('auth_brute_force.max_by_ip_user', 'auth_brute_force.max_by_ip', 'inactive_session_time_out_delay')"""))
    assert params == {"auth_brute_force.max_by_ip_user": "10", "auth_brute_force.max_by_ip": "50",
                      "inactive_session_time_out_delay": "1800"}
    again = odoo_script(db, setup, "--demo", "0", UKKR_ADMIN_PASSWORD=password)   # a second run: no reuse error
    assert again.returncode == 0, again.stdout + again.stderr
    letters_only = "простой" + "пароль"   # 13 letters, no digit, no special character
    simple = odoo_script(db, setup, "--demo", "0", UKKR_ADMIN_PASSWORD=letters_only)
    assert simple.returncode != 0 and "политику паролей" in simple.stderr, simple.stderr[-2000:]


def test_demo_database_is_marked_demo(odoo_db):
    assert query(odoo_db, "SELECT value FROM ir_config_parameter WHERE key = 'ukkr.demo_mode'") == [("1",)]
