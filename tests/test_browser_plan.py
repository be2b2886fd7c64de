"""Browser tests with Playwright and Debian chromium: the Russian backend, the suite's menu, the plan's kanban."""
import os
import re


def test_backend_in_russian_and_suite_menu(login, artifacts):
    page = login("operator")
    page.screenshot(path=os.path.join(artifacts, "backend_after_login.png"))
    # web_responsive's app drawer lists the suite's app
    page.click(".main-nav .drawer-toggle >> visible=true")
    app = page.locator("#appDrawerAppMenu a:has-text('Задолженность')").first
    app.wait_for()
    app.dispatch_event("click")  # the drawer scrolls by CSS transforms: click the link itself
    # the app lands УККР staff on the debtor cases (a server action): wait for it, or its answer arriving after
    # the menu click below replaces the plan's screen
    page.wait_for_selector(".o_control_panel .breadcrumb li:has-text('Дела должников')")
    page.wait_for_selector(".o_kanban_view .o_kanban_record")
    menu = page.locator("ul.oe_secondary_menu:visible")
    menu.locator("a.dropdown-toggle:has-text('План')").click()
    menu.locator(".dropdown-menu a:has-text('Исполнение')").click()
    page.wait_for_selector(".o_control_panel .breadcrumb li:has-text('Исполнение плана')")
    page.wait_for_selector(".o_kanban_view .o_kanban_group .o_column_title")
    assert page.inner_text(".o_control_panel .breadcrumb") .strip() == "Исполнение плана"
    columns = page.locator(".o_kanban_group .o_column_title").all_inner_texts()
    assert [c.strip() for c in columns][:5] == ["Запланировано", "В работе", "Представлено", "Принято", "Возвращено"]
    page.screenshot(path=os.path.join(artifacts, "plan_kanban.png"))


def _open_execution(page, odoo_url, execution_id):
    page.goto("%s/web#id=%d&model=ukkr.plan.execution&view_type=form&action=%s"
              % (odoo_url, execution_id, "ukkr_debt_plan.action_ukkr_plan_execution"))
    page.reload()  # a hash change alone is not followed while the home screen is still loading
    page.wait_for_selector(".o_form_view")


def test_executor_submits_and_control_accepts(login, rpc, odoo_url, artifacts):
    operator = rpc("operator")
    today_month = operator.call("ukkr.plan.execution", "search_read",
                                [("measure_number", "=", 1), ("state", "=", "planned"), ("kind", "=", "period")],
                                ["id", "name", "period_start"], order="period_start desc", limit=1)
    assert today_month, "the monthly execution of measure 1 must exist"
    record = today_month[0]
    page = login("operator")
    page.goto(odoo_url + "/web#action=ukkr_debt_plan.action_ukkr_plan_execution")
    page.wait_for_selector(".o_kanban_view")
    card = page.locator(".o_kanban_group:has(.o_column_title:text('Запланировано')) .o_kanban_record",
                        has_text="1. Мониторинг задолженности по оплате").first
    card.click()
    page.wait_for_selector(".o_form_view")
    assert record["name"] in page.inner_text(".o_form_view h1")
    page.click(".o_form_button_edit")
    page.fill(".o_form_view textarea[name=evidence_note], .o_form_view div[name=evidence_note] textarea",
              "Проведён мониторинг задолженности за месяц; справка направлена директору.")
    page.click(".o_form_button_save")
    page.wait_for_selector(".o_form_view.o_form_readonly")
    page.click(".o_statusbar_buttons button:visible:has-text('Представить')")
    page.wait_for_selector(".o_statusbar_status button.btn-primary[data-value=submitted]")
    page.screenshot(path=os.path.join(artifacts, "execution_submitted.png"))
    # the executor has no accept button, and the server refuses it anyway
    assert page.locator(".o_statusbar_buttons button:visible:has-text('Принять')").count() == 0

    control = login("deputy")
    _open_execution(control, odoo_url, record["id"])
    control.click(".o_statusbar_buttons button:visible:has-text('Принять')")
    control.wait_for_selector(".o_statusbar_status button.btn-primary[data-value=accepted]")
    control.screenshot(path=os.path.join(artifacts, "execution_accepted.png"))
    state = rpc("deputy").call("ukkr.plan.execution", "read", [record["id"]], ["state", "decided_by_id"])[0]
    assert state["state"] == "accepted"
    assert re.search("Гайнутдинов", state["decided_by_id"][1])
