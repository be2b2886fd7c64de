"""A month of the demo district's collection work and plan events, dated inside the month that is reported next.

``collection_month(env, today)`` works as on days of the month before ``today`` (the last month the setup closes,
after this work, so the monthly report sent after that close counts it): every measure of the plan that is
evidenced by the suite's own records gets some — meetings (3, 8), information events (6, 7), consultations (9),
notices (10), visits (12), an installment agreement (13), a service limitation warning (14), a housing offer (15),
a work-off agreement (17), court orders and eviction / termination claims (18–21), writs to the bailiffs and to an
employer with their events and a travel-ban request (22, 23, 25, 26), the quarter's reconciliation with the
bailiffs (24), a write-off proposed and posted (27, 28). Each piece is done by the demo user of its role, through
the same buttons a user presses. Done once: a database with notices already is left as it is.
"""
import base64
import calendar
from contextlib import contextmanager
from datetime import date, timedelta
from unittest.mock import patch


@contextmanager
def as_of(day):
    """The work of a past day: ``context_today`` gives that day (what a user's «today» was then)."""
    from odoo import fields
    text = fields.Date.to_string(day)
    with patch.object(fields.Date, "context_today", lambda *args, **kwargs: text):
        yield


def work_month(today):
    """(first, last) day of the month before ``today`` — the month the demo's work is dated in."""
    last = today.replace(day=1) - timedelta(days=1)
    return last.replace(day=1), last


def _user(env, login):
    user = env["res.users"].search([("login", "=", login)], limit=1)
    if not user:
        raise RuntimeError("demo user %s is missing" % login)
    return user


def collection_month(env, today):
    """Do the month's work; returns {what: count} of what was recorded (empty when done already)."""
    if env["ukkr.notice"].search_count([]):
        return {}
    first, last = work_month(today)
    if env["ukkr.monthly.close"].search([("period", "=", first.strftime("%Y-%m")), ("state", "=", "closed")]):
        return {}   # the month is closed already: its ledger can no longer take the work
    day = [first + timedelta(days=n) for n in (2, 6, 10, 14, 18, 22)]
    day = [min(d, last) for d in day]
    users = {login: _user(env, login) for login in ("operator", "lawyer", "director", "housing", "legaldept")}
    done = {}
    cases = env["ukkr.debtor.case"].search([("state", "=", "open")], order="overdue_at_close desc")
    individual = cases.filtered(lambda c: c.account_id.payer_kind == "individual")
    if len(individual) < 12:
        raise RuntimeError("the demo district has too few open debtor cases (%d) for a month of work"
                           % len(individual))
    pool = list(individual)

    def take(predicate=lambda case: True):
        for case in pool:
            if predicate(case):
                pool.remove(case)
                return case
        return None

    done.update(_plan_events(env, users, day))
    done.update(_pre_trial(env, users, day, take))
    done.update(_court(env, users, day, take))
    done.update(_enforcement(env, users, day, first, take))
    return done


def _plan_events(env, users, day):
    """Measures 3 and 8 (meetings held, with minutes) and 6, 7 (information events)."""
    Measure = env["ukkr.plan.measure"]
    # the house council of the building with the most debtor cases
    env.cr.execute("""SELECT a.building_id FROM ukkr_debtor_case c JOIN ukkr_personal_account a ON a.id = c.account_id
                      WHERE c.state = 'open' GROUP BY a.building_id ORDER BY count(*) DESC, a.building_id LIMIT 1""")
    building = env["ukkr.building"].browse([row[0] for row in env.cr.fetchall()])
    with as_of(day[1]):
        meetings = env["ukkr.plan.meeting"]
        for kind, number, user, name, buildings in (
                ("admin_meeting", 3, users["legaldept"], "Совещание по снижению задолженности за коммунальные услуги",
                 building.browse()),
                ("house_council", 8, users["operator"], "Встреча с советом дома по задолженности", building)):
            meeting = env["ukkr.plan.meeting"].sudo(user).create({
                "name": name, "kind": kind, "date": day[1].isoformat(), "measure_id": Measure._find_in_force(number).id,
                "address": buildings[:1].name or False, "building_ids": [(6, 0, buildings.ids)],
                "participant_count": 12,
                "minutes": "<p>Рассмотрены должники месяца; решено усилить работу с крупными должниками.</p>"})
            meeting.action_hold()
            meetings |= meeting
        events = env["ukkr.plan.info.event"]
        events |= env["ukkr.plan.info.event"].sudo(users["operator"]).create({
            "name": "Памятка о сроках и способах оплаты коммунальных услуг", "kind": "publication",
            "date": day[1].isoformat(),
            "channel": "website", "measure_id": Measure._find_in_force(6).id, "audience_size": 1500})
        employer = env["res.partner"].search([("name", "=", "ООО «Северное золото»")], limit=1) or \
            env["res.partner"].create({"name": "ООО «Северное золото»", "is_company": True})
        events |= env["ukkr.plan.info.event"].sudo(users["legaldept"]).create({
            "name": "Письмо руководителю о задолженности работников", "kind": "letter_employer",
            "date": day[1].isoformat(),
            "channel": "letter", "measure_id": Measure._find_in_force(7).id, "employer_partner_id": employer.id})
    done = {"встречи и совещания": len(meetings), "информационные мероприятия": len(events)}
    if "ukkr.notice.posting" in env and building:   # measure 11: the entrance notice posted in that building
        with as_of(day[2]):
            env["ukkr.notice.posting"].sudo(users["operator"]).create({
                "building_id": building.id, "entrances": 2, "note": "Демо: объявление на досках у подъездов."})
        done["объявления в подъездах"] = 1
    return done


def _pre_trial(env, users, day, take):
    """Notices (10), visits (12), consultations (9), an installment (13) and a work-off agreement (17), a ПП 354
    warning (14) and a cheaper-housing offer (15)."""
    operator = users["operator"]
    notice_cases = env["ukkr.debtor.case"]
    for _n in range(8):
        notice_cases |= take()
    with as_of(day[0]):
        wizard = env["ukkr.notice.batch.wizard"].sudo(operator).with_context(active_ids=notice_cases.ids).create(
            {"kind": "warning", "channel": "registered_letter", "case_ids": [(6, 0, notice_cases.ids)]})
        notices = env["ukkr.notice"].search(wizard.action_create()["domain"], order="id")
        if notices.filtered(lambda n: n.state == "draft"):
            notices.filtered(lambda n: n.state == "draft").sudo(operator).action_send()
    with as_of(day[1]):
        for notice in notices[:4]:
            notice.sudo(operator)._confirm_delivery(day[1].isoformat(), "РПО 6600%08d" % notice.id)
        visits = env["ukkr.visit"]
        for case, result in zip((take(), take(), take()), ("promised", "not_home", "refused")):
            values = {"account_id": case.account_id.id, "result": result, "note": "Демо: поквартирный обход."}
            if result == "promised":
                values.update(promised_date=(day[1] + timedelta(days=14)).isoformat(),
                              promised_amount=round(case.overdue_at_close / 2, 2))
            visits |= env["ukkr.visit"].sudo(operator).create(values)
        consultations = env["ukkr.consultation"]
        for case, topic in zip((take(), take()), ("subsidy", "installment")):
            consultations |= env["ukkr.consultation"].sudo(operator).create(
                {"account_id": case.account_id.id, "topic": topic, "note": "Демо: консультация в офисе."})
    done = {"уведомления": len(notices), "обходы": len(visits), "консультации": len(consultations)}
    with as_of(day[2]):
        case = take()
        agreement = env["ukkr.installment.agreement"].sudo(operator).create({
            "account_id": case.account_id.id, "date": day[2].isoformat(), "term_months": 6,
            "first_payment_date": (day[2] + timedelta(days=10)).isoformat()})
        agreement.action_fill_tranches()
        agreement.action_generate_schedule()
        agreement.action_activate()
        case = take()
        workoff = env["ukkr.workoff.agreement"].sudo(operator).create({
            "account_id": case.account_id.id, "date": day[2].isoformat(), "worker_relation": "payer",
            "work_description": "Уборка придомовой территории котельной № 2", "hours": 16, "hourly_rate": 250,
            "request_date": day[2].isoformat(), "request_file": base64.b64encode(
                "Заявление о зачёте оплаты работ в счёт долга (демо)".encode("utf-8")),
            "request_filename": "заявление.txt", "date_start": day[2].isoformat(),
            "date_end": (day[2] + timedelta(days=7)).isoformat()})
        workoff.action_sign()
    done.update({"соглашения о рассрочке": 1, "договоры об отработке": 1})
    with as_of(day[0]):
        candidates = env["ukkr.service.limitation"]._candidates()
        if candidates:
            account, service = candidates[0][0], candidates[0][1]
            line = env["ukkr.limitation.candidate.line"].sudo(operator).create(
                {"account_id": account, "service_id": service, "selected": True})
            line._create_limitations("registered_letter", True)
            done["ограничения услуг (предупреждения)"] = 1
    with as_of(day[3]):
        housing = users["housing"]
        accounts = env["ukkr.housing.offer"]._candidate_account_ids(day[3].isoformat()) or env[
            "ukkr.personal.account"].search([("tenure", "=", "social"), ("is_municipal", "=", True)], limit=1).ids
        if accounts:
            env["ukkr.housing.offer"].sudo(housing).create({
                "account_id": accounts[0], "offered_address": "п. Тея, ул. Южная, д. 6, кв. 1",
                "offered_area": 28.5, "offered_rooms": 1, "note": "Демо: предложено жильё меньшей площади."})
            done["предложения жилья"] = 1
    return done


def _court(env, users, day, take):
    """Court orders for three debtors (18, reported under 21), an eviction claim of a social tenant (19) and a
    termination of a commercial tenancy (20), filed by the lawyer and the housing department."""
    lawyer, housing = users["lawyer"], users["housing"]
    Court = env["ukkr.court.case"]
    filed = Court
    with as_of(day[3]):
        for _n in range(3):
            case = take()
            order = Court.sudo(lawyer).create({"account_id": case.account_id.id, "kind": "court_order",
                                               "date": day[3].isoformat()})
            order.action_load_tranches()
            if order.line_ids:
                order._file(day[3].isoformat())
                filed |= order
        Account = env["ukkr.personal.account"]
        for kind, tenure, text in (("eviction_social", "social", "Иск о выселении нанимателя (ЖК 90)"),
                                   ("termination_commercial", "commercial",
                                    "Иск о расторжении договора коммерческого найма (ГК 687)")):
            domain = [("tenure", "=", tenure)] + ([("is_municipal", "=", True)] if tenure == "social" else [])
            accounts = Account.search(domain)
            with_debt = accounts.filtered(lambda a: env["ukkr.debtor.case"].search_count(
                [("account_id", "=", a.id), ("state", "=", "open")]))
            account = (with_debt or accounts)[:1]
            if not account:
                continue
            claim = Court.sudo(housing if kind == "eviction_social" else lawyer).create({
                "account_id": account.id, "kind": kind, "date": day[3].isoformat(), "note": text})
            claim._file(day[3].isoformat())
            filed |= claim
    return {"заявления в суд": len(filed)}


def _enforcement(env, users, day, first, take):
    """Writs: to the bailiffs (26) — opened, a recovery, a travel-ban request (22); to an employer (23); one returned
    as uncollectable, then written off (27, 28); the events counted for 25; the reconciliation with the bailiffs
    (24) from a register listing our proceedings."""
    lawyer, director = users["lawyer"], users["director"]
    Proceeding = env["ukkr.enforcement.proceeding"].sudo(lawyer)
    writ_date = (first - timedelta(days=75)).isoformat()
    court = "Мировой судья судебного участка № 163 в Северо-Енисейском районе"
    department = "ОСП по Северо-Енисейскому району ГУФССП России по Красноярскому краю"
    employer = env["res.partner"].search([("name", "=", "ООО «Северное золото»")], limit=1)
    done = {}
    with as_of(day[0]):
        main, returned, to_employer = take(), take(), take()
        bailiff = Proceeding.create({
            "account_id": main.account_id.id, "writ_kind": "court_order", "writ_number": "2-%d/%d" % (
                1100 + main.id, first.year), "writ_date": writ_date, "court_name": court, "writ_amount": 38500.0,
            "route": "bailiff", "fssp_department": department,
            "proceeding_number": "%d/%02d/24076-ИП" % (5000 + main.id, first.year % 100)})
        bailiff._present(day[0].isoformat())
        uncollectable = Proceeding.create({
            "account_id": returned.account_id.id, "writ_kind": "court_order", "writ_number": "2-%d/%d" % (
                1100 + returned.id, first.year), "writ_date": writ_date, "court_name": court,
            "writ_amount": round(max(returned.overdue_at_close, 1000.0), 2), "route": "bailiff",
            "fssp_department": department,
            "proceeding_number": "%d/%02d/24076-ИП" % (5000 + returned.id, first.year % 100)})
        uncollectable._present(day[0].isoformat())
        payroll = Proceeding.create({
            "account_id": to_employer.account_id.id, "writ_kind": "court_order", "writ_number": "2-%d/%d" % (
                1100 + to_employer.id, first.year), "writ_date": writ_date, "court_name": court,
            "writ_amount": 12000.0, "route": "employer", "recipient_id": employer.id})
        payroll._present(day[0].isoformat())
    with as_of(day[1]):
        bailiff.write({"date_received": day[1].isoformat()})
        (bailiff | uncollectable).action_start()
    with as_of(day[2]):
        bailiff.action_register_recovery(2500.0, day[2].isoformat(), "ПП-ДЕМО-%d" % bailiff.id)
        uncollectable._return_uncollectable(day[2].isoformat())
    with as_of(day[4]):
        # a debt above the threshold had the petition included when the writ was handed over (measure 22)
        if not bailiff.travel_ban_ids and \
                env["ukkr.rules"].travel_ban_eligible(bailiff.remaining, bailiff.voluntary_end, day[4])[0]:
            bailiff._request_travel_ban(day[4].isoformat())
        if bailiff.travel_ban_ids:
            done["ходатайства об ограничении выезда"] = len(bailiff.travel_ban_ids)
    done["исполнительные документы"] = 3
    with as_of(day[3]):
        write_offs = env["ukkr.write.off"].sudo(lawyer).create_candidates(day[3].isoformat())
        write_off = write_offs.filtered(lambda w: w.proceeding_id == uncollectable)[:1]
        (write_offs - write_off).sudo(lawyer).action_cancel()
    if write_off:
        with as_of(day[3]):
            write_off.write({"basis": "Постановление судебного пристава-исполнителя об окончании исполнительного "
                                      "производства и возвращении исполнительного документа (229-ФЗ ст.46 ч.1 п.4)"})
            write_off.action_propose()
            write_off.sudo(director).action_approve()
        with as_of(day[4]):
            write_off._post(day[4].isoformat())
        done["списания"] = 1
    with as_of(day[5]):
        register = "Номер ИП;Номер ИД;Должник;Сумма;Взыскано;Состояние\n"
        for proceeding in (bailiff, uncollectable):
            register += "%s;%s;%s;%.2f;%.2f;%s\n" % (
                proceeding.proceeding_number, proceeding.writ_number, "должник л/с %s" % proceeding.account_id.name,
                proceeding.writ_amount, proceeding.recovered,
                "на исполнении" if proceeding.state == "in_progress" else "возвращено (ст.46)")
        register += "%d/%02d/24076-ИП;2-9999/%d;неизвестный должник;3000.00;0.00;на исполнении\n" % (
            9999, first.year % 100, first.year)
        reconciliation = env["ukkr.fssp.reconciliation"].sudo(lawyer).import_content(
            register.encode("utf-8"), "реестр_ОСП_%s.csv" % first.strftime("%Y-%m"), first.year,
            (first.month - 1) // 3 + 1, department)
        # its date's default is bound to the real day (a field default, not a call): dated as the work was
        reconciliation.sudo().write({"date": day[5].isoformat()})
        done["сверки с ФССП"] = 1
    return done


def month_bounds(day):
    return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])


__all__ = ["as_of", "collection_month", "work_month", "month_bounds", "date"]
