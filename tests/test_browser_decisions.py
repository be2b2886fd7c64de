"""Decision support as the staff meet it (issue 23): the operator recomputes the recommendations and gets the abonent
department's worklist ordered by expected net recovery; the lawyer opens the legal department's worklist; the
deputy opens «Затраты и возврат» over the demo's actions; the administration cannot recompute (refused by RPC)."""
import os
import xmlrpc.client

import pytest


def test_operator_recomputes_and_reads_the_worklist(login, rpc, odoo_url, artifacts):
    page = login("operator")
    page.goto(odoo_url + "/web#action=ukkr_collections.action_ukkr_next_action_refresh")
    page.reload()
    page.wait_for_selector(".o_control_panel .breadcrumb li:has-text('Что делать дальше: абонентский отдел')")
    page.wait_for_selector(".o_list_view tr.o_data_row")
    assert page.locator(".o_list_view tr.o_data_row").count() > 0
    assert "Ожидаемый чистый возврат" in page.inner_text(".o_list_view thead")
    page.screenshot(path=os.path.join(artifacts, "next_actions_operator.png"))
    operator = rpc("operator")
    rows = operator.call("ukkr.next.action", "search_read", [("role", "=", "operator")],
                         ["expected_net", "reason", "action"])
    assert rows and [r["expected_net"] for r in rows] == sorted((r["expected_net"] for r in rows), reverse=True)
    assert all(r["reason"] for r in rows)
    # the reason of the first line, as the operator opens it
    page.locator(".o_list_view tr.o_data_row").first.click()
    page.wait_for_selector(".o_form_view .o_field_widget[name=reason]")
    assert "Похожие должники" in page.inner_text(".o_form_view .o_field_widget[name=reason]")
    page.screenshot(path=os.path.join(artifacts, "next_action_reason.png"))


def test_lawyer_opens_the_legal_worklist(login, odoo_url, artifacts):
    page = login("lawyer")
    page.goto(odoo_url + "/web#action=ukkr_collections.action_ukkr_next_action_lawyer")
    page.reload()
    page.wait_for_selector(".o_control_panel .breadcrumb li:has-text('Что делать дальше: юридический отдел')")
    page.wait_for_selector(".o_list_view")
    page.screenshot(path=os.path.join(artifacts, "next_actions_lawyer.png"))


def test_administration_cannot_recompute(rpc):
    housing = rpc("housing")
    with pytest.raises(xmlrpc.client.Fault):
        housing.call("ukkr.next.action", "refresh")
    with pytest.raises(xmlrpc.client.Fault):
        housing.call("ukkr.next.action", "search_read", [], ["reason"])


def test_deputy_reads_cost_against_recovery(login, odoo_url, artifacts):
    page = login("deputy")
    page.goto(odoo_url + "/web#action=ukkr_reports.action_ukkr_cost_recovery_wizard")
    page.reload()
    modal = page.locator(".modal-dialog:has(.modal-title:has-text('Затраты и возврат'))")
    modal.wait_for()
    modal.locator(".modal-footer button:has-text('Показать')").click()
    modal.wait_for(state="detached")
    page.wait_for_selector(".o_list_view tr.o_data_row")
    text = page.inner_text(".o_list_view")
    for label in ("Затраты, руб.", "Оплачено в течение 90 дней, руб.", "Возвращено на рубль затрат"):
        assert label in text
    assert "Заказное письмо с уведомлением" in text, "the demo's warnings went by registered letter"
    page.screenshot(path=os.path.join(artifacts, "cost_recovery.png"))
