"""The runtime `make run` promises: Russian, rubles, the Russian chart, the company, users for every role."""
import re
import urllib.request

ROLES = {
    "operator": "ukkr_debt_plan.group_ukkr_operator",
    "lawyer": "ukkr_debt_plan.group_ukkr_lawyer",
    "director": "ukkr_debt_plan.group_ukkr_manager",
    "housing": "ukkr_debt_plan.group_admin_executor",
    "legaldept": "ukkr_debt_plan.group_admin_executor",
    "economist": "ukkr_debt_plan.group_admin_executor",
    "deputy": "ukkr_debt_plan.group_admin_control",
}


def test_login_page_is_russian(odoo_url, odoo_db):
    # no Accept-Language at all: the suite still greets in Russian
    request = urllib.request.Request("%s/web/login?db=%s" % (odoo_url, odoo_db))
    html = urllib.request.urlopen(request, timeout=30).read().decode("utf-8")
    assert "Пароль" in html and "Вход" in html
    assert not re.search(r">\s*Password\s*<", html)


def test_every_demo_user_logs_in_with_its_role(rpc, demo_users):
    admin = rpc("admin")
    for login, group in ROLES.items():
        assert login in demo_users, "demo user %s missing" % login
        session = rpc(login)
        assert session.uid, "%s cannot log in" % login
        assert admin.call("res.users", "has_group", group) in (True, False)  # method exists for the admin
        user = session.call("res.users", "read", [session.uid], ["lang", "tz", "ukkr_department_id"])[0]
        assert (user["lang"], user["tz"]) == ("ru_RU", "Asia/Krasnoyarsk"), login
        assert user["ukkr_department_id"], "%s has no organisation/department" % login
        module, name = group.split(".")
        group_id = admin.call("ir.model.data", "xmlid_to_res_id", group)
        assert admin.call("res.users", "search_count", [("id", "=", session.uid), ("groups_id", "in", [group_id])])


def test_company_currency_and_chart(rpc):
    admin = rpc("admin")
    company = admin.call("res.company", "search_read", [], ["name", "currency_id", "chart_template_id"])[0]
    assert company["name"] == "МУП «УККР»"
    assert company["currency_id"][1] == "RUB"
    assert "РФ" in company["chart_template_id"][1]
    assert admin.call("account.account", "search_count", [("code", "=", "62.01")]) == 1
    langs = admin.call("res.users", "search_read", [("share", "=", False)], ["login", "lang"])
    assert {u["lang"] for u in langs} == {"ru_RU"}, langs


def test_demo_district_is_deterministic(rpc):
    """The demo district goes through the real billing importer: accounts, 24 months of accruals, payments."""
    import importlib.util
    import os
    spec = importlib.util.spec_from_file_location(
        "demo_district", os.path.join(os.path.dirname(__file__), "..", "tools", "demo_district.py"))
    district = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(district)
    count = int(os.environ.get("UKKR_TEST_ACCOUNTS", "120"))
    rows = district.generate(count)
    assert rows == district.generate(count), "same seed, same district"
    assert len({r["account"] for r in district.generate(20000)}) == 20000, "scales with unique account numbers"
    admin = rpc("admin")
    accounts = admin.call("ukkr.personal.account", "search_read", [], ["name", "partner_id", "settlement_id"])
    assert len(accounts) == count
    by_number = {a["name"]: a for a in accounts}
    for row in rows[:20]:
        assert by_number[row["account"]]["partner_id"][1] == row["payer"]
        assert by_number[row["account"]]["settlement_id"][1] == row["settlement"]
    assert {"гп Северо-Енисейский", "п. Тея", "п. Брянка"} <= {r["settlement"] for r in rows}
    periods = admin.call("ukkr.ledger.line", "read_group", [], ["period"], ["period"])
    assert len(periods) == 24
    imports = admin.call("ukkr.billing.import", "search_read", [("state", "=", "done")], ["kind"])
    assert {i["kind"] for i in imports} == {"accounts", "accruals", "payments"}
    # most pay, some owe: unpaid principal on some accounts, not on most
    lines = admin.call("ukkr.ledger.line", "read_group", [], ["account_id", "accrued", "paid"], ["account_id"])
    debtors = [l for l in lines if l["accrued"] - l["paid"] > 1000]
    assert 0 < len(debtors) < len(lines) / 2, (len(debtors), len(lines))


def test_plan_is_kept_current_for_today(rpc):
    """make run extends the 2022-2023 plan by a new version (measure 4) and creates this month's executions."""
    deputy = rpc("deputy")
    plans = deputy.call("ukkr.plan", "search_read", [("state", "=", "active")], ["version", "date_to"])
    assert len(plans) == 1 and plans[0]["version"] >= 2
    executions = deputy.call("ukkr.plan.execution", "search_count",
                             [("plan_id", "=", plans[0]["id"]), ("kind", "in", ["period", "summary"])])
    assert executions >= 29
