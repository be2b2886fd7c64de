"""Browser test of the court path (measure 18): the lawyer opens the «sue before it expires» queue, generates ten
court-order applications, files them in one step; the plan's measure 18 then shows 10 / 10 for this month."""
import os


def test_lawyer_files_ten_court_orders(login, rpc, odoo_url, artifacts):
    lawyer = rpc("lawyer")
    before = lawyer.call("ukkr.court.case", "search_count", [("kind", "=", "court_order")])
    # the demo's month of work (tools/demo_work.py) filed a few court orders in the previous month already
    filed_before = lawyer.call("ukkr.court.case", "search_count",
                               [("kind", "=", "court_order"), ("state", "=", "filed")])
    page = login("lawyer")
    page.goto(odoo_url + "/web#action=ukkr_collections.action_ukkr_court_batch_wizard")
    page.reload()
    modal = page.locator(".modal-dialog:has(.modal-title:has-text('Заявления о выдаче судебного приказа'))")
    modal.wait_for()
    rows = modal.locator(".o_field_widget[name=case_ids] tr.o_data_row")
    rows.first.wait_for()
    assert rows.count() == 10, "the queue offers ten cases (the wizard's default number)"
    page.screenshot(path=os.path.join(artifacts, "court_queue.png"))
    modal.locator(".modal-footer button:has-text('Сформировать заявления')").click()
    modal.wait_for(state="detached")
    page.wait_for_selector(".o_control_panel .breadcrumb li:has-text('Заявления о выдаче судебного приказа')")
    page.wait_for_selector(".o_list_view tr.o_data_row")
    assert page.locator(".o_list_view tr.o_data_row").count() == 10
    created = lawyer.call("ukkr.court.case", "search_read",
                          [("kind", "=", "court_order"), ("state", "=", "prepared")],
                          ["application_id", "claim_amount", "state_duty"])
    assert len(created) == 10 and all(c["application_id"] and c["state_duty"] > 0 for c in created)
    page.screenshot(path=os.path.join(artifacts, "court_prepared.png"))
    # select all, Action → «Подать в суд»
    # Odoo 11 draws its own box over the hidden input: click the input itself (its handler selects every row);
    # the list may still be re-rendering after the breadcrumb appeared, so look again until it holds
    select_all = page.locator(".o_list_view thead .o_list_record_selector input")
    for _attempt in range(5):
        if not select_all.is_checked():
            select_all.dispatch_event("click")
        page.wait_for_timeout(300)
        if select_all.is_checked() and page.locator(".o_cp_sidebar .o_dropdown_toggler_btn:visible").count():
            break
    assert select_all.is_checked(), "every application selected"
    page.click(".o_cp_sidebar .o_dropdown_toggler_btn:has-text('Действие')")
    page.click(".o_cp_sidebar .dropdown-menu a:has-text('Подать в суд')")
    dialog = page.locator(".modal-dialog:has(.modal-title:has-text('Подать в суд'))")
    dialog.wait_for()
    dialog.locator(".modal-footer button:has-text('Подать')").click()
    dialog.wait_for(state="detached")
    page.wait_for_selector(".o_control_panel .breadcrumb li:has-text('Поданные заявления')")
    page.wait_for_selector(".o_list_view tr.o_data_row")
    page.screenshot(path=os.path.join(artifacts, "court_filed.png"))
    filed = lawyer.call("ukkr.court.case", "search_count", [("kind", "=", "court_order"), ("state", "=", "filed")])
    assert filed == filed_before + 10
    assert lawyer.call("ukkr.court.case", "search_count", [("kind", "=", "court_order")]) == before + 10
    # measure 18 of this month: 10 done of the target 10
    execution = lawyer.call("ukkr.plan.execution", "search_read",
                            [("measure_number", "=", 18), ("kind", "in", ("period", "summary"))],
                            ["id", "action_count", "target_qty", "period_start"], order="period_start desc", limit=1)
    assert execution and (execution[0]["action_count"], execution[0]["target_qty"]) == (10, 10)
    page.goto("%s/web#id=%d&model=ukkr.plan.execution&view_type=form&action=%s"
              % (odoo_url, execution[0]["id"], "ukkr_debt_plan.action_ukkr_plan_execution"))
    page.reload()
    page.wait_for_selector(".o_form_view")
    assert page.inner_text(".o_form_view .o_field_widget[name=action_count]").strip() == "10"
    assert page.inner_text(".o_form_view .o_field_widget[name=target_qty]").strip() == "10"
    page.screenshot(path=os.path.join(artifacts, "measure18_execution.png"))
