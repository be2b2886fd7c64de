"""Issue 6 legal rules on the live server: the rule tables in the Russian backend and the API over XML-RPC."""
import os
import xmlrpc.client

import pytest

RU = {"context": {"lang": "ru_RU"}}


def test_rules_api_over_rpc(rpc):
    lawyer = rpc("lawyer")
    # 150 000 filed 03.03.2025: 4 000 + 3 % × 50 000 = 5 500; court order 2 750; credit 5 500 − 2 750
    assert lawyer.call("ukkr.rules", "state_duty", 150000, "claim", "2025-03-03") == 5500
    assert lawyer.call("ukkr.rules", "state_duty", 150000, "court_order", "2025-03-03") == 2750
    assert lawyer.call("ukkr.rules", "state_duty_credit", 2750, 5500) == 2750
    route = lawyer.call("ukkr.rules", "court_route", 600000, "legal", "auto", "2026-06-01", **RU)
    assert (route["court"], route["procedure"], route["court_name"]) == ("arbitration", "simplified",
                                                                       "Арбитражный суд")
    with pytest.raises(xmlrpc.client.Fault) as caught:
        lawyer.call("ukkr.rules", "state_duty", 0, "claim", "2025-03-03", **RU)
    assert "Цена иска должна быть больше нуля" in caught.value.faultString


def test_rule_tables_read_by_all_written_by_manager(rpc):
    scales = rpc("deputy").call("ukkr.rule.state.duty", "search_read", [("court", "=", "general")],
                                ["name", "date_from", "date_to"], order="date_from")
    assert [(s["date_from"], s["date_to"]) for s in scales] == [("2010-01-29", "2024-09-08"), ("2024-09-09", False)]
    scale_id = scales[1]["id"]
    with pytest.raises(xmlrpc.client.Fault):
        rpc("lawyer").call("ukkr.rule.state.duty", "write", [scale_id], {"order_percent": 40})
    director = rpc("director")
    note = director.call("ukkr.rule.state.duty", "read", [scale_id], ["note"])[0]["note"]
    director.call("ukkr.rule.state.duty", "write", [scale_id], {"note": note + " (проверено)"})
    director.call("ukkr.rule.state.duty", "write", [scale_id], {"note": note})


def test_state_duty_scale_in_russian(login, odoo_url, artifacts):
    page = login("director")
    page.click(".main-nav .drawer-toggle >> visible=true")
    app = page.locator("#appDrawerAppMenu a:has-text('Задолженность')").first
    app.wait_for()
    app.dispatch_event("click")
    menu = page.locator("ul.oe_secondary_menu:visible")
    menu.locator("a.dropdown-toggle:has-text('Настройка')").click()
    entries = [t.strip() for t in menu.locator(".dropdown-menu:visible a").all_inner_texts()]
    for title in ("Шкалы госпошлины", "Подсудность", "Ограничение услуг (ПП № 354)", "Исполнительное производство",
                  "Предельная стоимость ограничения"):
        assert title in entries, entries
    menu.locator(".dropdown-menu a:has-text('Шкалы госпошлины')").click()
    page.wait_for_selector(".o_list_view")
    assert page.inner_text(".o_control_panel .breadcrumb").strip() == "Шкалы госпошлины"
    page.locator(".o_list_view tr.o_data_row", has_text="ст.333.19 в ред. 259-ФЗ").first.click()
    page.wait_for_selector(".o_form_view")
    form = page.inner_text(".o_form_view")
    assert "Цена иска свыше, руб." in form and "Судебный приказ: % от пошлины по иску" in form
    assert page.locator(".o_form_view .o_field_one2many tr.o_data_row").count() == 10
    page.screenshot(path=os.path.join(artifacts, "state_duty_scale.png"))
