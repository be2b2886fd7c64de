"""Bring a database to the state `make run` promises; idempotent, so re-running changes nothing.

Company «МУП «УККР»» in rubles, Russian for every user, Krasnoyarsk time, demo users for every role of DESIGN §5
(demo mode only) and the demo district from tools/demo_district.py.
Run through tools/odoo_exec.py: ``main(env, argv)``.

Demo or production: ``--demo 1`` (make run's default, make test) or ``--demo 0`` (the default of this script). The
first run records the mode in the database (ir.config_parameter ``ukkr.demo_mode``); a production database never
gets demo users or their known passwords afterwards, whatever a later run asks. In production the password of
``admin`` comes from the environment (UKKR_ADMIN_PASSWORD); the run refuses to leave Odoo's default «admin».
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import demo_district  # noqa: E402
import demo_work  # noqa: E402

TZ = "Asia/Krasnoyarsk"

# login, password, name, job, groups (xml ids), department partner (xml id) — DESIGN §5
DEMO_USERS = [
    ("operator", "operator", "Иванова Мария Петровна", "Специалист абонентского отдела МУП «УККР»",
     ["ukkr_debt_plan.group_ukkr_operator"], None),
    ("lawyer", "lawyer", "Петров Сергей Николаевич", "Юрисконсульт МУП «УККР»",
     ["ukkr_debt_plan.group_ukkr_lawyer"], None),
    ("director", "director", "Смирнов Алексей Викторович", "Директор МУП «УККР»",
     ["ukkr_debt_plan.group_ukkr_manager"], None),
    ("housing", "housing", "Кузнецова Ольга Ивановна", "Главный специалист жилищного отдела администрации",
     ["ukkr_debt_plan.group_admin_executor"], "ukkr_debt_plan.partner_dept_housing"),
    ("legaldept", "legaldept", "Соколова Анна Сергеевна", "Начальник экспертно-правового отдела администрации",
     ["ukkr_debt_plan.group_admin_executor"], "ukkr_debt_plan.partner_dept_legal"),
    ("economist", "economist", "Лебедева Татьяна Юрьевна",
     "Специалист отдела экономического анализа и прогнозирования администрации",
     ["ukkr_debt_plan.group_admin_executor"], "ukkr_debt_plan.partner_dept_economy"),
    ("deputy", "deputy", "Гайнутдинов Алексей Николаевич", "Первый заместитель главы района",
     ["ukkr_debt_plan.group_admin_control"], "ukkr_debt_plan.partner_administration"),
]


def setup_company(env):
    company = env.ref("base.main_company")
    rub = env.ref("base.RUB")
    russia = env.ref("base.ru")
    vals = {"name": "МУП «УККР»", "currency_id": rub.id, "country_id": russia.id,
            "city": "гп Северо-Енисейский", "street": "ул. Ленина, 48", "zip": "663282",
            "phone": "+7 (39160) 2-10-00", "email": "ukkr@example.ru"}
    if any(company[k] != v for k, v in vals.items() if k not in ("currency_id", "country_id")) \
            or company.currency_id != rub or company.country_id != russia:
        company.write(vals)
    # prices and amounts in rubles everywhere
    rub.active = True


def setup_language(env):
    lang = env["res.lang"].search([("code", "=", "ru_RU")])
    if not lang:
        env["base.language.install"].create({"lang": "ru_RU", "overwrite": False}).lang_install()
    env["ir.default"].set("res.partner", "lang", "ru_RU")
    env["ir.default"].set("res.partner", "tz", TZ)
    users = env["res.users"].with_context(active_test=False).search([])
    users.filtered(lambda u: u.lang != "ru_RU" or u.tz != TZ).write({"lang": "ru_RU", "tz": TZ})
    # Odoo's own accounts keep their English names («Administrator» closes months in the demo): in Russian
    for xml_id, name in (("base.partner_root", "Администратор"), ("base.partner_admin", "Администратор")):
        partner = env.ref(xml_id, raise_if_not_found=False)
        if partner and partner.name in ("Administrator", "OdooBot"):
            partner.name = name


MIN_PASSWORD = 12


class SetupError(Exception):
    """A clear, one-line reason to stop; nothing of this run is committed."""


def database_mode(env, requested):
    """True for a demo database. Decided by the first run and kept: a production database stays production."""
    params = env["ir.config_parameter"].sudo()
    stored = params.get_param("ukkr.demo_mode")
    if not stored:
        params.set_param("ukkr.demo_mode", "1" if requested else "0")
        return requested
    if requested and stored != "1":
        print("==> База в рабочем режиме (ukkr.demo_mode = 0): демо-пользователи и демо-данные не создаются")
    return requested and stored == "1"


def setup_admin_password(env):
    """Production: the administrator's password from UKKR_ADMIN_PASSWORD; Odoo's default «admin» is refused."""
    admin = env.ref("base.user_root")
    password = os.environ.get("UKKR_ADMIN_PASSWORD")
    if password:
        if len(password) < MIN_PASSWORD or password.lower() in ("admin", admin.login.lower()):
            raise SetupError("UKKR_ADMIN_PASSWORD слишком простой: не короче %d символов и не «admin»" % MIN_PASSWORD)
        from odoo.exceptions import AccessDenied, UserError
        try:
            env["res.users"].sudo(admin).check_credentials(password)
            return   # already set (a second run): the password policy refuses to reuse it
        except AccessDenied:
            pass
        try:
            admin.write({"password": password})
        except UserError as error:   # the production password policy (OCA password_security)
            raise SetupError("UKKR_ADMIN_PASSWORD не подходит под политику паролей: %s" % (error.name,))
        return
    from odoo.exceptions import AccessDenied
    try:
        env["res.users"].sudo(admin).check_credentials("admin")
    except AccessDenied:   # the default password has been changed, as it must be
        return
    raise SetupError("у пользователя admin пароль по умолчанию «admin»: задайте UKKR_ADMIN_PASSWORD "
                     "(не короче %d символов) — рабочая база без него не настраивается" % MIN_PASSWORD)


# Production login policy (152-ФЗ, ПП 1119 «меры защиты»: identification and authentication, blocking of brute
# force, session end): OCA password_security, auth_brute_force, auth_session_timeout. Demo mode keeps the demo
# data's relaxed passwords (short known passwords, no expiry) but blocks brute force the same way.
# (password_security's letter classes are ASCII-only [a-z]/[A-Z]: requiring them would refuse Cyrillic passwords, so
# complexity is the length, a digit and a special character)
PRODUCTION_PASSWORD_POLICY = {"password_length": 12, "password_lower": 0, "password_upper": 0,
                              "password_numeric": 1, "password_special": 1, "password_expiration": 90,
                              "password_history": 10, "password_minimum": 1}
LOGIN_PARAMETERS = {"auth_brute_force.max_by_ip_user": "10",      # wrong passwords for one login from one address
                    "auth_brute_force.max_by_ip": "50",           # wrong passwords from one address
                    "inactive_session_time_out_delay": "1800"}    # seconds idle before the session ends


def setup_login_security(env, demo):
    params = env["ir.config_parameter"].sudo()
    for key, value in LOGIN_PARAMETERS.items():
        if key == "inactive_session_time_out_delay" and demo:
            value = "7200"   # a demo or a test run keeps its sessions for two hours
        if params.get_param(key) != value:
            params.set_param(key, value)
    if not demo:
        company = env.ref("base.main_company")
        changed = {k: v for k, v in PRODUCTION_PASSWORD_POLICY.items() if company[k] != v}
        if changed:
            company.write(changed)


def setup_users(env, demo):
    """Demo users with known passwords — demo mode only; production creates real users in Settings."""
    made = []
    if not demo:
        return made
    Users = env["res.users"].with_context(no_reset_password=True, active_test=False)
    for login, password, name, job, groups, dept in DEMO_USERS:
        group_ids = [env.ref(x).id for x in groups] + [env.ref("base.group_user").id]
        user = Users.search([("login", "=", login)])
        if not user:
            user = Users.create({"login": login, "password": password, "name": name, "lang": "ru_RU", "tz": TZ,
                                 "email": "%s@ukkr.example.ru" % login,
                                 "groups_id": [(6, 0, group_ids)]})
        if dept and user.partner_id.parent_id != env.ref(dept):
            user.partner_id.write({"parent_id": env.ref(dept).id, "function": job})
        elif not dept and user.partner_id.parent_id != env.ref("base.main_partner"):
            user.partner_id.write({"parent_id": env.ref("base.main_partner").id, "function": job})
        user.ukkr_department_id = env.ref(dept) if dept else env.ref("base.main_partner")
        made.append((login, password, "%s — %s" % (env.ref(groups[0]).name, name)))
    return made


def setup_district(env, accounts, seed, today, months=24):
    """The demo district through the real billing importer: accounts, 24 months of accruals before ``today`` and
    the payments its payers made up to ``today``. Idempotent: the importer updates accounts in place, replaces
    accruals with the same values and skips known payment documents; the ledger is loaded only once, and the
    reference date it was generated for is kept in ``ukkr.demo_reference_date`` (tests regenerate the same files
    from it, whatever day they run)."""
    import time
    rows = demo_district.generate(accounts, seed)
    files = demo_district.billing_files(rows, today, months, seed)
    importer = env["ukkr.billing.import"]
    timings = []
    # the demo claimant's ИНН and ОГРН (check digits valid, the numbers invented): the court applications print them
    company = env.ref("base.main_company")
    if not company.vat or not company.company_registry:
        company.write({"vat": company.vat or "2434000014", "company_registry": company.company_registry or
                       "1242400000006"})
    started = time.time()
    result = importer.import_content(files["accounts.csv"], "demo-accounts.csv")
    timings.append("лицевые счета %d за %.1f с" % (result["rows"], time.time() - started))
    env.cr.execute("SELECT count(*) FROM ukkr_ledger_line")
    if not env.cr.fetchone()[0]:
        for name in ("accruals.csv", "payments.csv"):
            started = time.time()
            result = importer.import_content(files[name], "demo-" + name)
            timings.append("%s %d строк за %.1f с" % (name, result["rows"], time.time() - started))
        env["ir.config_parameter"].sudo().set_param("ukkr.demo_reference_date", today.isoformat())
    return len(rows), timings


def close_recent_months(env, count, today, leave_last_open=False):
    """Close the last ``count`` months before ``today`` that are not closed yet, oldest first, as the scheduled
    action would (``leave_last_open``: all but the month before ``today``, which gets the demo's work first)."""
    import time
    periods = []
    year, month = today.year, today.month
    for _ in range(count):
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        periods.append("%04d-%02d" % (year, month))
    if leave_last_open:
        periods = periods[1:]
    Close = env["ukkr.monthly.close"]
    done = []
    for period in reversed(periods):
        if not Close.search([("period", "=", period)]):
            started = time.time()
            Close.close_period(period)
            done.append("%s (%.1f с)" % (period, time.time() - started))
    env["ukkr.debtor.case"]._cron_close_paid_cases()  # as the daily job does after the closes
    return done


# demo assignment of plan measures to the demo users (by login)
DEMO_RESPONSIBLES = {
    "operator": [1, 5, 8, 10, 11, 12, 13, 14, 16, 17, 21],
    "lawyer": [18, 22, 23, 24, 25, 26, 27, 28],
    "director": [29],
    "housing": [2, 15, 19, 20],
    "legaldept": [3, 4, 6, 7, 9],
    "economist": [29],
}


# measures whose executions the suite itself submits with the report sent after a close (ukkr_reports)
REPORTED_BY_THE_SUITE = (5, 21, 26, 28)


def setup_plan(env, demo, today):
    """Keep the plan current (measure 4): when the order's period is over, draft and put in force a version
    extended to the end of this year; then create this period's executions, as the daily scheduled action does.
    In demo mode also assign the measures to the demo users and give the two previous months some history."""
    from odoo import fields
    plan = env["ukkr.plan"].search([("state", "=", "active")], limit=1)
    if plan and fields.Date.from_string(plan.date_to) < today:
        new = plan.action_new_version(
            "Актуализация плана (мероприятие 4): срок действия продлён до 31.12.%d" % today.year)
        new.write({"date_to": "%d-12-31" % today.year, "name": plan.name.replace(
            "на 2022-2023 годы", "на 2022-%d годы" % today.year)})
        new.action_activate()
        plan = new
    if not plan:
        return
    Execution = env["ukkr.plan.execution"]
    if demo:
        deputy = env["res.users"].search([("login", "=", "deputy")])
        if deputy and not plan.controller_user_id:
            plan.controller_user_id = deputy
        for login, numbers in DEMO_RESPONSIBLES.items():
            user = env["res.users"].search([("login", "=", login)])
            for measure in plan.measure_ids.filtered(lambda m: m.number in numbers):
                if user not in measure.responsible_user_ids:
                    measure.responsible_user_ids = [(4, user.id)]
        from dateutil.relativedelta import relativedelta
        for months_back in (2, 1):
            day = today.replace(day=1) - relativedelta(months=months_back)
            if fields.Date.from_string(plan.date_from) > day:
                continue
            created = Execution.create_period_executions(fields.Date.to_string(day))
            deputy_env = created.sudo(deputy) if deputy else created
            for index, rec in enumerate(created.sorted("measure_number")):
                if rec.deadline >= fields.Date.to_string(today) or (index % 7 == 6 and months_back == 1):
                    continue  # not due yet, or one of the few left open that show up as overdue
                if rec.measure_number in REPORTED_BY_THE_SUITE:
                    continue  # the reports sent after the closes evidence and submit these
                rec.write({"evidence_note": "Исполнено в срок. Справка и материалы — во вложении.",
                           "qty_done": rec.target_qty or 1})
                rec._transition({
                    "state": "submitted", "date_submitted": rec.deadline + " 09:00:00",
                    "submitted_by_id": (rec.measure_id.responsible_user_ids[:1] or env.user).id})
                if deputy:
                    deputy_env.browse(rec.id).action_accept()
    Execution.create_period_executions(fields.Date.to_string(today))


def setup_sms_gateway(env):
    """A disabled demo SMS gateway pointing at nothing real (the discard port of this machine); a real gateway's
    URL, login and token are entered by the manager in Настройка → SMS-шлюзы and never kept in git."""
    Gateway = env["ukkr.sms.gateway"].with_context(active_test=False)
    if not Gateway.search([("name", "=", "Демо-шлюз (отключён)")]):
        Gateway.create({"name": "Демо-шлюз (отключён)", "active": False, "provider": "generic_json",
                        "url": "http://127.0.0.1:9/", "login": "demo", "sender": "UKKR"})


def main(env, argv):
    parser = argparse.ArgumentParser(prog="ukkr_setup")
    parser.add_argument("--accounts", type=int, default=600)
    parser.add_argument("--seed", type=int, default=2632)
    parser.add_argument("--demo", type=int, default=0, help="1: demo users and the demo district (make run, make "
                                                                  "test); 0: production (the default)")
    parser.add_argument("--users-file")
    parser.add_argument("--close-months", type=int, default=6)
    parser.add_argument("--today", help="reference date YYYY-MM-DD of the demo data (default: today in the "
                                        "company's time zone)")
    args = parser.parse_args(argv)
    from odoo import fields
    today = fields.Date.from_string(args.today or fields.Date.context_today(env["ukkr.plan"].with_context(tz=TZ)))
    demo = database_mode(env, bool(args.demo))
    setup_company(env)
    setup_language(env)
    setup_login_security(env, demo)
    if not demo:
        try:
            setup_admin_password(env)
        except SetupError as error:
            raise SystemExit("ОШИБКА / ERROR: %s" % error)
    users = setup_users(env, demo)
    setup_plan(env, demo, today)
    if demo:
        setup_sms_gateway(env)
        total, timings = setup_district(env, args.accounts, args.seed, today)
        print("==> Демо-район: %d лицевых счетов; загрузка: %s" % (total, "; ".join(timings)))
        # the months before the last are closed first (the closes open the debtor cases); the last month gets a
        # month of collection work dated inside it, then its close sends the monthly report that counts that work
        closed = close_recent_months(env, args.close_months, today, leave_last_open=True)
        work = demo_work.collection_month(env, today)
        if work:
            print("==> Демо-работа за %s: %s" % (demo_work.work_month(today)[0].strftime("%m.%Y"),
                                                 ", ".join("%s %d" % item for item in work.items())))
        closed += close_recent_months(env, args.close_months, today)
        if closed:
            print("==> Закрыты месяцы: %s" % ", ".join(closed))
    if args.users_file:
        with open(args.users_file, "w") as fh:
            admin_password = "admin" if demo else "(UKKR_ADMIN_PASSWORD)"
            for login, password, name in [("admin", admin_password, "Администратор системы (все права)")] + users:
                fh.write("%s\t%s\t%s\n" % (login, password, name))
