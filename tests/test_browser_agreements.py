"""Browser tests of the agreements (measures 13, 16, 17): the Russian forms, the buttons, the case's page."""
import datetime
import os

from dateutil.relativedelta import relativedelta


def _account_with_open_case(operator):
    """A demo account with an open debtor case and overdue debt that no agreement covers yet."""
    cases = operator.call("ukkr.debtor.case", "search_read", [("state", "=", "open")], ["id", "account_id"],
                          order="overdue_at_close desc", limit=30)
    taken = {a["account_id"][0] for a in operator.call("ukkr.installment.agreement", "search_read", [],
                                                        ["account_id"])}
    for case in cases:
        if case["account_id"][0] not in taken:
            return case
    raise AssertionError("the demo district must have open cases")


def test_operator_puts_an_installment_agreement_in_force(login, rpc, odoo_url, artifacts):
    operator = rpc("operator")
    case = _account_with_open_case(operator)
    today = datetime.date.today()
    agreement_id = operator.call("ukkr.installment.agreement", "create", {
        "account_id": case["account_id"][0], "date": today.isoformat(), "term_months": 6,
        "first_payment_date": (today + relativedelta(days=10)).isoformat()})
    page = login("operator")
    page.goto("%s/web#id=%d&model=ukkr.installment.agreement&view_type=form" % (odoo_url, agreement_id))
    page.reload()
    page.wait_for_selector(".o_form_view")
    page.click(".o_statusbar_buttons button:visible:has-text('Заполнить просроченные периоды')")
    page.wait_for_selector(".o_form_view div[name=tranche_ids] .o_data_row")
    page.click(".o_statusbar_buttons button:visible:has-text('Сформировать график')")
    page.click(".o_notebook a:has-text('График')")
    page.wait_for_selector(".o_form_view div[name=line_ids] .o_data_row")
    assert page.locator(".o_form_view div[name=line_ids] .o_data_row").count() == 6
    page.click(".o_statusbar_buttons button:visible:has-text('Подписано: ввести в действие')")
    page.click(".modal-footer button:has-text('Ok')")
    page.wait_for_selector(".o_statusbar_status button.btn-primary[data-value=active]")
    assert "Действует" in page.inner_text(".o_statusbar_status")
    page.wait_for_selector(".o_chatter .o_thread_message:has-text('вступило в силу')")
    page.screenshot(path=os.path.join(artifacts, "installment_agreement_active.png"), full_page=True)
    record = operator.call("ukkr.installment.agreement", "read", [agreement_id],
                           ["state", "amount_covered", "amount_scheduled", "case_id"])[0]
    assert record["state"] == "active" and record["amount_covered"] == record["amount_scheduled"] > 0
    assert record["case_id"][0] == case["id"]
    # the case shows it on its «Соглашения» page, and it is at the «Соглашение» stage
    page.goto("%s/web#id=%d&model=ukkr.debtor.case&view_type=form" % (odoo_url, case["id"]))
    page.reload()
    page.wait_for_selector(".o_form_view")
    assert "Соглашение" in page.inner_text(".o_statusbar_status button.btn-primary")
    page.click(".o_notebook a:has-text('Соглашения')")
    assert page.locator(".o_form_view div[name=installment_ids] .o_data_row").count() >= 1
    assert "Рассрочки" in page.inner_text(".oe_button_box")
    page.screenshot(path=os.path.join(artifacts, "case_agreements_page.png"), full_page=True)
    # the administration's housing department sees it only for municipal housing (152-ФЗ)
    municipal = operator.call("ukkr.personal.account", "read", [case["account_id"][0]], ["is_municipal"])[0]
    seen = rpc("housing").call("ukkr.installment.agreement", "search_count", [("id", "=", agreement_id)])
    assert seen == (1 if municipal["is_municipal"] else 0)


def test_payment_channel_shares_pivot(login, odoo_url, artifacts):
    page = login("director")
    page.goto(odoo_url + "/web#action=ukkr_collections.action_ukkr_payment_channel_share")
    page.reload()
    page.wait_for_selector(".o_pivot")
    assert page.inner_text(".o_control_panel .breadcrumb").strip() == "Платежи по способам оплаты"
    header = page.inner_text(".o_pivot thead")
    assert "Доля суммы, %" in header and "Сумма" in header
    page.screenshot(path=os.path.join(artifacts, "payment_channel_shares.png"), full_page=True)
