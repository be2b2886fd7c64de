"""Production hardening of the login (issue 22.5): OCA auth_brute_force, password_security, auth_session_timeout.

Against the prefork test server: 10 wrong passwords for one login from one address block the 11th attempt (even
with the right password), the login page says so in Russian, the system administrator sees the attempts (an
operator does not) and unblocks the login; the demo users keep logging in meanwhile (demo mode stays usable).
"""
import re
import xmlrpc.client

import pytest
import requests

LOGIN = "t_bruteforce"
PASSWORD = "brute-force-1"


@pytest.fixture
def victim(rpc):
    admin = rpc("admin")
    found = admin.call("res.users", "search", [("login", "=", LOGIN)], context={"active_test": False})
    if found:
        admin.call("res.users", "unlink", found)
    admin.call("res.authentication.attempt", "unlink",
               admin.call("res.authentication.attempt", "search", [("login", "=", LOGIN)]))
    uid = admin.call("res.users", "create", {"name": "Проверка перебора паролей", "login": LOGIN,
                                             "password": PASSWORD},
                     context={"no_reset_password": True})
    yield uid
    admin.call("res.authentication.attempt", "unlink",
               admin.call("res.authentication.attempt", "search", [("login", "=", LOGIN)]))
    admin.call("res.users", "unlink", [uid])


def authenticate(odoo_url, odoo_db, login, password):
    common = xmlrpc.client.ServerProxy(odoo_url + "/xmlrpc/2/common")
    return common.authenticate(odoo_db, login, password, {})


def web_login(odoo_url, odoo_db, login, password):
    session = requests.Session()
    page = session.get("%s/web/login?db=%s" % (odoo_url, odoo_db), timeout=60)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    return session.post("%s/web/login" % odoo_url, data={"login": login, "password": password,
                                                         "csrf_token": token, "db": odoo_db}, timeout=60)


def test_ten_wrong_passwords_block_the_eleventh(odoo_url, odoo_db, rpc, demo_users, victim):
    assert authenticate(odoo_url, odoo_db, LOGIN, PASSWORD) == victim   # works before
    for attempt in range(10):
        assert not authenticate(odoo_url, odoo_db, LOGIN, "wrong-%d" % attempt)
    # the 11th attempt is refused although the password is right
    assert not authenticate(odoo_url, odoo_db, LOGIN, PASSWORD)
    answer = web_login(odoo_url, odoo_db, LOGIN, PASSWORD)
    assert "/web/login" in answer.url and "заблокирован" in answer.text, answer.text[-3000:]
    assert "Слишком много неверных паролей" in answer.text

    # the demo users are not affected: demo mode stays usable
    assert authenticate(odoo_url, odoo_db, "operator", demo_users["operator"][0])

    # the administrator sees the attempts; an operator does not (152-ФЗ: addresses and logins)
    admin = rpc("admin")
    attempts = admin.call("res.authentication.attempt", "search_read", [("login", "=", LOGIN)], ["result"])
    results = [a["result"] for a in attempts]
    assert results.count("failed") == 10 and "banned" in results and "successful" in results
    with pytest.raises(xmlrpc.client.Fault) as refused:
        rpc("operator").call("res.authentication.attempt", "search_read", [], ["login"])
    assert "AccessError" in str(refused.value) or "доступ" in str(refused.value).lower()

    # unblocked by the administrator, the login works again
    admin.call("res.authentication.attempt", "unlink", [a["id"] for a in attempts])
    assert authenticate(odoo_url, odoo_db, LOGIN, PASSWORD) == victim


def test_demo_login_policy_is_relaxed_but_guarded(rpc):
    """Demo mode: short known passwords, no expiry; brute force is blocked the same way as in production
    (test_security_settings checks the production policy on a production copy)."""
    admin = rpc("admin")
    [company] = admin.call("res.company", "search_read", [("id", "=", 1)],
                           ["password_expiration", "password_length"])
    assert company["password_expiration"] == 0 and company["password_length"] <= 5
    params = dict((p["key"], p["value"]) for p in admin.call(
        "ir.config_parameter", "search_read",
        [("key", "in", ["auth_brute_force.max_by_ip_user", "inactive_session_time_out_delay"])], ["key", "value"]))
    assert params == {"auth_brute_force.max_by_ip_user": "10", "inactive_session_time_out_delay": "7200"}
