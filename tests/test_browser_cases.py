"""Browser test of the debtor cases (issue 5): the operator's kanban, moving a case, a notice batch, a visit."""
import os


def _open_case_kanban(page, odoo_url):
    page.goto(odoo_url + "/web#action=ukkr_collections.action_ukkr_debtor_case")
    page.reload()
    page.wait_for_selector(".o_kanban_view .o_kanban_record")


def _column(page, title):
    return page.locator(".o_kanban_group:has(.o_column_title:text-is('%s'))" % title)


def test_operator_works_cases(login, rpc, odoo_url, artifacts):
    operator = rpc("operator")
    identified = operator.call("ukkr.debtor.case", "search_read",
                               [("state", "=", "open"), ("stage_id.code", "=", "identified"), ("notice_ids", "=", False),
                                ("visit_ids", "=", False)],
                               ["id", "name", "account_id"], order="overdue_at_close desc", limit=3)
    assert len(identified) == 3, "the demo closes open debtor cases"
    page = login("operator")
    _open_case_kanban(page, odoo_url)
    titles = [t.strip() for t in page.locator(".o_kanban_group .o_column_title").all_inner_texts()]
    assert titles[:6] == ["Выявлен", "Уведомлён", "Соглашение", "Ограничение", "Суд", "Исполнительное производство"]
    page.screenshot(path=os.path.join(artifacts, "case_kanban.png"))

    # move the first case to «Уведомлён» by dragging its card
    first = identified[0]
    card = _column(page, "Выявлен").locator(".o_kanban_record:has-text('%s')" % first["account_id"][1]).first
    card.scroll_into_view_if_needed()
    target = _column(page, "Уведомлён")
    box, goal = card.bounding_box(), target.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + 10)
    page.mouse.down()
    for step in range(1, 11):
        page.mouse.move(box["x"] + box["width"] / 2 + (goal["x"] + goal["width"] / 2 - box["x"] - box["width"] / 2)
                        * step / 10, box["y"] + 10 + (goal["y"] + 60 - box["y"] - 10) * step / 10)
        page.wait_for_timeout(50)
    page.mouse.up()
    page.wait_for_function("""name => [...document.querySelectorAll('.o_kanban_group')].some(g =>
        g.querySelector('.o_column_title') && g.querySelector('.o_column_title').innerText.trim() === 'Уведомлён'
        && g.innerText.includes(name))""", arg=first["account_id"][1])
    for _attempt in range(40):  # the kanban saves the move by a JSON-RPC call after the drop
        moved = operator.call("ukkr.debtor.case", "read", [first["id"]], ["stage_id"])[0]
        if moved["stage_id"][1] == "Уведомлён":
            break
        page.wait_for_timeout(250)
    assert moved["stage_id"][1] == "Уведомлён"

    # a notice batch for two cases from the list view
    page.goto(odoo_url + "/web#action=ukkr_collections.action_ukkr_debtor_case&view_type=list")
    page.reload()
    page.wait_for_selector(".o_list_view")
    for case in identified[1:]:
        page.locator(".o_list_view tr.o_data_row:has-text('%s') .o_list_record_selector input" % case["name"]
                     ).check(force=True)
    page.click(".o_cp_sidebar .o_dropdown_toggler_btn:has-text('Действие')")
    page.click(".o_cp_sidebar .dropdown-menu a:has-text('Создать уведомления')")
    modal = page.locator(".modal-dialog:has(.modal-title:has-text('Создать уведомления'))")
    modal.wait_for()
    modal.locator("select[name=kind]").select_option(label="Предупреждение о задолженности")
    modal.locator("select[name=channel]").select_option(label="Заказное письмо с уведомлением")
    modal.locator("button:has-text('Создать уведомления')").click()
    modal.wait_for(state="detached")
    page.wait_for_selector(".o_control_panel .breadcrumb li:has-text('Созданные уведомления')")
    page.wait_for_selector(".o_list_view tr.o_data_row")
    page.screenshot(path=os.path.join(artifacts, "notice_batch.png"))
    notices = operator.call("ukkr.notice", "search_read",
                            [("case_id", "in", [c["id"] for c in identified[1:]]), ("state", "=", "sent")],
                            ["kind", "channel", "debt_amount"])
    assert len(notices) == 2 and all(n["debt_amount"] > 0 for n in notices)
    assert page.locator(".o_list_view tr.o_data_row").count() == 2

    # a visit logged from the visits menu
    account = identified[1]["account_id"]
    page.goto(odoo_url + "/web#action=ukkr_collections.action_ukkr_visit&view_type=form")
    page.reload()
    page.wait_for_selector(".o_form_view.o_form_editable")
    field = page.locator(".o_form_view .o_field_widget[name=account_id] input")
    field.fill(account[1].split(" ")[0])
    page.locator("ul.ui-autocomplete li a:has-text('%s')" % account[1].split(" ")[0]).first.click()
    page.locator(".o_form_view select[name=result]").select_option(label="Никого нет дома")
    page.locator(".o_form_view textarea[name=note], .o_form_view div[name=note] textarea").fill(
        "Оставлено извещение в почтовом ящике.")
    page.click(".o_form_button_save")
    page.wait_for_selector(".o_form_view.o_form_readonly")
    page.screenshot(path=os.path.join(artifacts, "visit_logged.png"))
    visits = operator.call("ukkr.visit", "search_read", [("account_id", "=", account[0])], ["result", "case_id"],
                           order="id desc", limit=1)
    assert [(v["result"], v["case_id"] and v["case_id"][0]) for v in visits] == [("not_home", identified[1]["id"])]
