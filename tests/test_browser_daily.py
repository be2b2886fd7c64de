"""The daily paths of the operator, the lawyer and the director, pressed in chromium as they press them (issue 17).

Each path ends on the screen state the user expects (status bar, list, chatter) with a screenshot of it in
artifacts/screenshots, and fails on any error dialog a user must not see (``odoo_ui.press``). Dates come from the
server's day: the paths enter past dates where a step needs them (the lawyer records an order of some weeks ago).
"""
import base64
import datetime

from dateutil.relativedelta import relativedelta

from odoo_ui import (choose, confirm_step, dialog_press, edit, english_on_screen, fill, new_form, no_server_error,
                     open_form, press, save, select, settle, shot, status, tab)


def ru(day):
    return day.strftime("%d.%m.%Y")


def _fresh_case(operator, municipal=None, ready=False):
    """An open debtor case of the demo whose account has no notice, visit, agreement or court case yet, owes more
    than 1 000 overdue, and paid nothing from yesterday on (a promise made today is then still open); with
    ``ready``, one the court queue would offer (filing readiness). The counts and the overdue debt are computed,
    not stored: the ORM cannot search them, so they are read and judged here."""
    domain = [("state", "=", "open"), ("notice_ids", "=", False), ("visit_ids", "=", False)]
    if municipal is not None:
        domain.append(("is_municipal", "=", municipal))
    recent = (datetime.date.today() - relativedelta(days=1)).isoformat()
    fields = ["id", "name", "account_id", "overdue_total", "installment_count"] + (["filing_ready"] if ready else [])
    in_court = []   # taken only when no other is left (the browser tests before these file ten court orders)
    for case in operator.call("ukkr.debtor.case", "search_read", domain, fields, order="overdue_at_close desc",
                              limit=80):
        if case["overdue_total"] <= 1000 or case["installment_count"] or (ready and not case["filing_ready"]):
            continue
        account = case["account_id"][0]
        if operator.call("ukkr.payment", "search_count", [("account_id", "=", account), ("date", ">=", recent)]):
            continue
        if not operator.call("ukkr.court.case", "search_count", [("account_id", "=", account)]):
            return case
        in_court.append(case)
    if in_court:
        return in_court[0]
    raise AssertionError("the demo district has open cases nobody has worked on yet")


# ---------------------------------------------------------------------------------------------------- operator
def test_operator_notice_sent_and_delivered(login, rpc, odoo_url, artifacts):
    operator = rpc("operator")
    case = _fresh_case(operator)
    page = login("operator")
    open_form(page, odoo_url, "ukkr.debtor.case", case["id"], "ukkr_collections.action_ukkr_debtor_case")
    page.click(".o_form_statusbar button:visible:has-text('Уведомление')")
    modal = page.locator(".modal-dialog:has(.modal-title:has-text('Создать уведомления'))")
    modal.wait_for()
    if modal.locator(".o_field_widget[name=send_now] input").is_checked():
        modal.locator(".o_field_widget[name=send_now] input").uncheck(force=True)
    dialog_press(page, "Создать уведомления")
    page.wait_for_selector(".o_control_panel .breadcrumb li:has-text('Созданные уведомления'), "
                           ".o_control_panel .breadcrumb li:has-text('Уведомления')")
    page.click(".o_list_view tr.o_data_row")
    page.wait_for_selector(".o_form_view")
    assert status(page) == "Черновик"
    press(page, "Отправить")
    assert status(page) == "Отправлено"
    press(page, "Доставка подтверждена")
    confirm_step(page, "РПО 66300012345678")   # the day (today) and the proof of delivery
    page.wait_for_selector(".o_statusbar_status button.btn-primary:has-text('Доставлено')")
    notice = operator.call("ukkr.notice", "search_read", [("case_id", "=", case["id"])],
                           ["state", "date_delivered"], limit=1)[0]
    assert notice["state"] == "delivered" and notice["date_delivered"]
    assert not english_on_screen(page), english_on_screen(page)
    shot(page, artifacts, "daily_operator_notice_delivered.png")


def test_operator_logs_a_visit_from_the_case(login, rpc, odoo_url, artifacts):
    operator = rpc("operator")
    case = _fresh_case(operator)
    page = login("operator")
    open_form(page, odoo_url, "ukkr.debtor.case", case["id"], "ukkr_collections.action_ukkr_debtor_case")
    edit(page)
    page.click(".o_notebook a:has-text('Обходы')")
    page.click(".o_field_widget[name=visit_ids] .o_field_x2many_list_row_add a")
    dialog = page.locator(".modal-dialog:has(.modal-title:has-text('Создать: Обходы'))")
    dialog.wait_for()
    select(page, "result", "Обещал оплатить", scope=".modal-dialog")
    promised = datetime.date.today() + relativedelta(days=7)
    fill(page, "promised_date", ru(promised), scope=".modal-dialog")
    fill(page, "promised_amount", "1500", scope=".modal-dialog")
    fill(page, "note", "Обещала оплатить с пенсии", scope=".modal-dialog")
    dialog.locator(".modal-footer button.btn-primary").first.click()
    settle(page)
    no_server_error(page)
    save(page)
    page.click(".o_notebook a:has-text('Обходы')")
    assert page.locator(".o_field_widget[name=visit_ids] tr.o_data_row").count() == 1
    visit = operator.call("ukkr.visit", "search_read", [("case_id", "=", case["id"])],
                          ["result", "promised_date", "promised_amount"])
    assert visit and visit[0]["result"] == "promised" and visit[0]["promised_amount"] == 1500
    case_now = operator.call("ukkr.debtor.case", "read", [case["id"]], ["next_deadline", "next_action"])[0]
    assert case_now["next_deadline"] and case_now["next_deadline"] <= promised.isoformat(), \
        "the promise counts among the case's deadlines (the earliest one shows)"
    shot(page, artifacts, "daily_operator_visit_logged.png")


def test_operator_signs_an_agreement_on_a_case_with_a_promise(login, rpc, odoo_url, artifacts):
    operator = rpc("operator")
    case = _fresh_case(operator)
    today = datetime.date.today()
    operator.call("ukkr.visit", "create", {"account_id": case["account_id"][0], "case_id": case["id"],
                                           "date": today.isoformat(), "result": "promised",
                                           "promised_date": (today + relativedelta(days=5)).isoformat(),
                                           "promised_amount": 1000})
    page = login("operator")
    open_form(page, odoo_url, "ukkr.debtor.case", case["id"], "ukkr_collections.action_ukkr_debtor_case")
    page.click(".oe_button_box button:has-text('Рассрочки')")
    page.wait_for_selector(".o_control_panel .breadcrumb li:has-text('Соглашения о рассрочке')")
    page.click(".o_list_button_add:visible")
    page.wait_for_selector(".o_form_view.o_form_editable")
    settle(page)
    press(page, "Заполнить просроченные периоды")
    page.wait_for_selector(".o_form_view div[name=tranche_ids] .o_data_row")
    press(page, "Сформировать график")   # the form's own defaults: 12 monthly payments
    page.click(".o_notebook a:has-text('График')")
    page.wait_for_selector(".o_form_view div[name=line_ids] .o_data_row")
    press(page, "Подписано: ввести в действие")
    page.wait_for_selector(".o_statusbar_status button.btn-primary:has-text('Действует')")
    agreement = operator.call("ukkr.installment.agreement", "search_read", [("case_id", "=", case["id"])],
                              ["state", "amount_covered", "amount_scheduled"])[0]
    assert agreement["state"] == "active" and agreement["amount_covered"] == agreement["amount_scheduled"] > 0
    shot(page, artifacts, "daily_operator_agreement_signed.png")


# ---------------------------------------------------------------------------------------------------- lawyer
def test_lawyer_loads_the_debt_and_files_a_court_order(login, rpc, odoo_url, artifacts):
    """A court order application prepared today: «Загрузить долг», «Суд и пошлина», «Подать» (filed today)."""
    lawyer = rpc("lawyer")
    case = _fresh_case(lawyer, ready=True)
    page = login("lawyer")
    new_form(page, odoo_url, "ukkr_collections.action_ukkr_court_case")
    choose(page, "account_id", case["account_id"][1].split(" ")[0])
    save(page)
    press(page, "Загрузить долг")
    page.wait_for_selector(".o_form_view div[name=line_ids] .o_data_row")
    press(page, "Суд и пошлина")
    page.click(".o_form_statusbar button:visible:text-is('Подать')")
    page.locator(".modal-dialog:has(.modal-title:has-text('Подать в суд'))").wait_for()
    dialog_press(page, "Подать")
    page.wait_for_selector(".o_control_panel .breadcrumb li:has-text('Поданные заявления')")
    court = lawyer.call("ukkr.court.case", "search_read", [("account_id", "=", case["account_id"][0]),
                                                           ("state", "=", "filed")], ["state_duty", "line_ids"])
    assert court and court[0]["state_duty"] > 0 and court[0]["line_ids"]
    shot(page, artifacts, "daily_lawyer_court_order_filed.png")


def test_lawyer_from_court_order_to_recovery(login, rpc, odoo_url, artifacts):
    """An order applied for five weeks ago: the lawyer records the order, its entry into force (refused on the
    order's own day: 10 days for objections), the writ; presents the writ to the bailiffs and registers a
    recovery."""
    lawyer, admin = rpc("lawyer"), rpc("admin")
    case = _fresh_case(rpc("operator"))
    today = datetime.date.today()
    filed, ordered, in_force = today - relativedelta(days=35), today - relativedelta(days=30), \
        today - relativedelta(days=12)
    # the history before the suite saw it: an application filed five weeks ago (written by the administrator)
    court_id = admin.call("ukkr.court.case", "create", {"account_id": case["account_id"][0], "kind": "court_order",
                                                        "date": filed.isoformat()})
    admin.call("ukkr.court.case", "write", [court_id], {"state": "filed", "date_filed": filed.isoformat(),
                                                        "court_name": "Мировой судья судебного участка № 166"})
    writ = "2-%d/%d" % (court_id, today.year)
    page = login("lawyer")
    open_form(page, odoo_url, "ukkr.court.case", court_id, "ukkr_collections.action_ukkr_court_case")
    edit(page)
    tab(page, "Стадии в суде")
    fill(page, "date_order", ru(ordered))
    press(page, "Приказ вынесен")
    assert status(page) == "Приказ вынесен"
    # «Вступило в силу» on the order's day: a warning (10 days for objections), nothing changed
    edit(page)
    tab(page, "Стадии в суде")
    fill(page, "date_order_received", ru(ordered))   # the debtor received it that day (the court's notice)
    fill(page, "date_in_force", ru(ordered))
    press(page, "Вступило в силу", refused=True)
    fill(page, "date_in_force", ru(in_force))
    press(page, "Вступило в силу")
    assert status(page) == "Вступило в силу"
    edit(page)
    tab(page, "Стадии в суде")
    fill(page, "writ_number", writ)
    fill(page, "writ_date", ru(in_force))
    fill(page, "writ_amount", "5000")
    press(page, "Исполнительный лист получен")
    assert status(page) == "Исполнительный лист получен"
    shot(page, artifacts, "daily_lawyer_writ.png")
    # the proceeding: the writ presented to the bailiffs, then a recovery
    new_form(page, odoo_url, "ukkr_collections.action_ukkr_enforcement_proceeding")
    choose(page, "account_id", case["account_id"][1].split(" ")[0])
    fill(page, "writ_number", writ)
    fill(page, "writ_date", ru(in_force))
    fill(page, "court_name", "Мировой судья судебного участка № 166")
    fill(page, "writ_amount", "5000")
    fill(page, "fssp_department", "ОСП по Северо-Енисейскому району")
    save(page)
    press(page, "Предъявлен")
    confirm_step(page)   # presented today
    assert status(page) == "Предъявлен"
    page.click(".o_form_statusbar button:visible:text-is('Поступление')")
    page.locator(".modal-dialog .o_field_widget[name=amount]").wait_for()
    fill(page, "amount", "1200", scope=".modal-dialog")
    fill(page, "doc", "ПП-%d" % court_id, scope=".modal-dialog")
    dialog_press(page, "Зарегистрировать")
    page.reload()
    page.wait_for_selector(".o_form_view")
    proceeding = lawyer.call("ukkr.enforcement.proceeding", "search_read", [("writ_number", "=", writ)],
                             ["state", "recovered"])[0]
    assert proceeding["state"] == "presented" and proceeding["recovered"] == 1200
    assert not english_on_screen(page), english_on_screen(page)
    shot(page, artifacts, "daily_lawyer_recovery.png")


# ---------------------------------------------------------------------------------------------------- director
def test_director_approves_and_posts_a_write_off(login, rpc, odoo_url, artifacts):
    """The legal group proposes writing off a deceased tenant's debt of a closed month; the director approves and
    posts it."""
    lawyer = rpc("lawyer")
    closed = lawyer.call("ukkr.monthly.close", "search_read", [("state", "=", "closed")], ["period"],
                         order="period desc", limit=1)[0]["period"]
    taken = {w["account_id"][0] for w in lawyer.call("ukkr.write.off", "search_read", [], ["account_id"])}
    taken |= {c["account_id"][0] for c in lawyer.call("ukkr.court.case", "search_read", [
        ("state", "not in", ("cancelled", "closed"))], ["account_id"])}   # a period in court is not written off
    tranche = next(t for t in lawyer.call("ukkr.debt.tranche", "search_read",
                                          [("period", "<=", closed), ("principal", ">", 100)],
                                          ["account_id", "period", "principal"], order="principal desc", limit=50)
                   if t["account_id"][0] not in taken)
    write_off = lawyer.call("ukkr.write.off", "create", {
        "account_id": tranche["account_id"][0], "reason": "deceased",
        "basis": "Свидетельство о смерти, ответ нотариуса об отсутствии наследственного дела",
        "line_ids": [(0, 0, {"period": tranche["period"], "principal": round(tranche["principal"] / 2, 2)})]})
    lawyer.call("ir.attachment", "create", {   # «deceased» rests on the document (four eyes)
        "name": "svidetelstvo.pdf", "datas_fname": "svidetelstvo.pdf", "res_model": "ukkr.write.off",
        "res_id": write_off, "datas": base64.b64encode(b"%PDF-1.4 document").decode()})
    lawyer.call("ukkr.write.off", "action_propose", [write_off])
    drafts = [{"id": write_off}]
    page = login("director")
    open_form(page, odoo_url, "ukkr.write.off", drafts[0]["id"], "ukkr_collections.action_ukkr_write_off")
    press(page, "Утвердить")
    assert status(page) == "Утверждено руководителем"
    press(page, "Провести")
    confirm_step(page)   # written off today
    assert status(page) == "Списано"
    shot(page, artifacts, "daily_director_write_off_posted.png")


def test_director_closes_the_next_month(login, rpc, odoo_url, artifacts):
    director = rpc("director")
    today = datetime.date.today()
    last_month = (today.replace(day=1) - relativedelta(days=1)).strftime("%Y-%m")
    closes = director.call("ukkr.monthly.close", "search_read", [("period", "=", last_month),
                                                                 ("state", "=", "closed")], ["id"])
    if closes:   # the demo closed it already: the director reopens it first, as after a late billing file
        director.call("ukkr.monthly.close", "action_reopen", [closes[0]["id"]])
    page = login("director")
    page.goto(odoo_url + "/web#action=ukkr_collections.action_ukkr_monthly_close_wizard")
    page.reload()
    dialog = page.locator(".modal-dialog:has(.modal-title:has-text('Закрыть месяц'))")
    dialog.wait_for()
    settle(page)
    proposed = dialog.locator(".o_field_widget[name=period]").first
    value = proposed.input_value() if proposed.evaluate("e => e.tagName") in ("INPUT", "SELECT") else \
        proposed.locator("input, select").first.input_value()
    assert last_month in value or value == last_month, "the wizard proposes the month to close: %r" % value
    dialog_press(page, "Закрыть месяц")
    settle(page, timeout=120000)
    page.wait_for_selector(".o_form_view")
    assert status(page) == "Закрыт"
    assert director.call("ukkr.monthly.close", "search_count", [("period", "=", last_month),
                                                                ("state", "=", "closed")]) == 1
    shot(page, artifacts, "daily_director_month_closed.png")
