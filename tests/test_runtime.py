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


def _demo_district():
    import importlib.util
    import os
    spec = importlib.util.spec_from_file_location(
        "demo_district", os.path.join(os.path.dirname(__file__), "..", "tools", "demo_district.py"))
    district = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(district)
    return district


def _billing_totals(files):
    """Per-account accrued (by period) and paid totals of the generated billing files."""
    accrued, paid = {}, {}
    for line in files["accruals.csv"].decode("utf-8").splitlines()[1:]:
        account, period, _service, amount, _norm = line.split(";")
        accrued.setdefault(account, {}).setdefault(period, 0.0)
        accrued[account][period] += float(amount)
    for line in files["payments.csv"].decode("utf-8").splitlines()[1:]:
        account, _day, amount = line.split(";")[:3]
        paid[account] = paid.get(account, 0.0) + float(amount)
    return accrued, paid


def test_demo_generator_does_not_depend_on_the_day():
    """The generator's only notion of time is the reference date it is given: same date, same files; and the
    share of accounts with overdue debt (older than the last two billed months) is the same on any day."""
    import datetime
    district = _demo_district()
    rows = district.generate(120)
    assert rows == district.generate(120), "same seed, same district"
    assert len({r["account"] for r in district.generate(20000)}) == 20000, "scales with unique account numbers"
    counts = set()
    for day in (datetime.date(2026, 12, 1), datetime.date(2026, 12, 6), datetime.date(2027, 3, 28),
                datetime.date(2027, 12, 6)):
        files = district.billing_files(rows, day)
        assert files == district.billing_files(rows, day)
        accrued, paid = _billing_totals(files)
        periods = sorted({p for by_period in accrued.values() for p in by_period})
        assert len(periods) == 24 and periods[-1] < day.strftime("%Y-%m")
        old = periods[:-2]
        debtors = [a for a, by_period in accrued.items()
                   if sum(by_period[p] for p in old) - paid.get(a, 0.0) > 1000]
        counts.add(len(debtors))
    assert len(counts) == 1, counts
    assert 0 < counts.pop() < len(rows) / 2


def test_demo_district_is_loaded_as_generated(rpc):
    """The demo district goes through the real billing importer: accounts, 24 months of accruals, payments —
    exactly the files the generator makes for the reference date the setup recorded (not the day the test runs)."""
    import datetime
    import os
    district = _demo_district()
    count = int(os.environ.get("UKKR_TEST_ACCOUNTS", "120"))
    rows = district.generate(count)
    admin = rpc("admin")
    reference = admin.call("ir.config_parameter", "get_param", "ukkr.demo_reference_date")
    assert reference, "the setup records the demo district's reference date"
    files = district.billing_files(rows, datetime.datetime.strptime(reference, "%Y-%m-%d").date())
    accrued, paid = _billing_totals(files)
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
    # the billing system's three files; the demo's month of work adds the bailiffs' register of its reconciliation
    assert {i["kind"] for i in imports} - {"fssp_register"} == {"accounts", "accruals", "payments"}
    lines = admin.call("ukkr.ledger.line", "read_group", [], ["account_id", "accrued"], ["account_id"])
    number_of = {a["id"]: a["name"] for a in accounts}
    ledger = {number_of[l["account_id"][0]]: l["accrued"] for l in lines}
    for number, by_period in accrued.items():
        assert abs(ledger[number] - sum(by_period.values())) < 0.01, number
    # the billing system's payments (recoveries through the bailiffs or an employer, and work-off set-offs, are the
    # suite's own: the demo's month of work records some)
    payments = admin.call("ukkr.payment", "read_group", [("channel", "not in", ["fssp", "employer", "work_off"])],
                          ["account_id", "amount"], ["account_id"])
    loaded = {number_of[p["account_id"][0]]: p["amount"] for p in payments}
    assert set(loaded) == set(paid)
    for number, amount in paid.items():
        assert abs(loaded[number] - amount) < 0.01, number


def test_plan_is_kept_current_for_today(rpc):
    """make run extends the 2022-2023 plan by a new version (measure 4) and creates this month's executions."""
    deputy = rpc("deputy")
    plans = deputy.call("ukkr.plan", "search_read", [("state", "=", "active")], ["version", "date_to"])
    assert len(plans) == 1 and plans[0]["version"] >= 2
    executions = deputy.call("ukkr.plan.execution", "search_count",
                             [("plan_id", "=", plans[0]["id"]), ("kind", "in", ["period", "summary"])])
    assert executions >= 29
