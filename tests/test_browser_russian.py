"""A Russian screen wherever a user goes (issue 17, item 3), in chromium.

- Every screen of the «Задолженность» menu that an УККР user, the УККР director and the first deputy open shows no
  English word and no error dialog (the menus are those the server gives each of them).
- A business refusal is a warning titled «Предупреждение» (never «Odoo Server Error»).
- The graph's «Grouped» / «Stacked» switch reads «Рядом» / «Стопкой»; counts are whole numbers.
- «Задолженность» opens on the debtor cases for УККР staff, on the plan's executions for the administration.
"""
import pytest

from odoo_ui import english_on_screen, no_server_error, open_action, settle, shot


def _leaf_actions(rpc_user):
    """(menu path, menu id, action id) of every leaf menu with a window action under «Задолженность»."""
    menus = rpc_user.call("ir.ui.menu", "load_menus", False, context={"lang": "ru_RU"})
    root = next(m for m in menus["children"] if m["name"] == "Задолженность")
    leaves, stack = [], [(root, root["name"])]
    while stack:
        menu, path = stack.pop()
        for child in menu["children"]:
            stack.append((child, "%s / %s" % (path, child["name"])))
        action = menu.get("action") or ""
        if not menu["children"] and action.startswith("ir.actions.act_window,"):
            leaves.append((path, menu["id"], int(action.split(",")[1])))
    return sorted(leaves)


@pytest.mark.parametrize("user", ["operator", "director", "deputy"])
def test_every_screen_of_the_menu_is_russian(login, rpc, odoo_url, artifacts, user):
    leaves = _leaf_actions(rpc(user))
    assert len(leaves) > 5
    page = login(user)
    problems = []
    for path, menu_id, action_id in leaves:
        open_action(page, odoo_url, "%d&menu_id=%d" % (action_id, menu_id))
        try:
            no_server_error(page)
        except AssertionError as error:
            problems.append("%s: %s" % (path, error))
            continue
        words = english_on_screen(page)
        if words:
            problems.append("%s: %s" % (path, " ".join(words)))
    assert not problems, "\n".join(problems)


def test_landing_per_role(login, rpc, odoo_url):
    """The app «Задолженность» (its menu, as the app drawer opens it) lands each on their daily work."""
    for user, expected in (("operator", "Дела должников"), ("housing", "Исполнение")):
        root = rpc(user).call("ir.ui.menu", "search_read", [("name", "=", "Задолженность"), ("parent_id", "=", False)],
                              ["id"], context={"lang": "ru_RU"})[0]["id"]
        page = login(user)
        page.goto("%s/web#menu_id=%d" % (odoo_url, root))
        page.reload()
        page.wait_for_selector(".o_control_panel .breadcrumb li:has-text('%s')" % expected)
        settle(page)
        no_server_error(page)


def test_a_refusal_is_a_warning_and_the_graph_speaks_russian(login, odoo_url, artifacts):
    page = login("director")
    # closing this month before it ends is refused: a warning, in Russian, titled «Предупреждение»
    open_action(page, odoo_url, "ukkr_collections.action_ukkr_monthly_close_wizard")
    page.locator(".modal-dialog .o_field_widget[name=period]").wait_for()
    field = page.locator(".modal-dialog select.o_field_widget[name=period], "
                         ".modal-dialog .o_field_widget[name=period] select").first
    if field.count():   # the picker offers ended months only: the refusal is shown with a closed one
        values = field.locator("option").evaluate_all("(os) => os.map(o => [o.value, o.textContent])")
        closed = [value for value, text in values if "закрыт" in text and "повторно" not in text]
        if closed:
            field.select_option(closed[0])
    page.locator(".modal-footer button:has-text('Закрыть месяц'):visible").last.click()
    settle(page)
    page.wait_for_selector(".modal-dialog .modal-title:text-is('Предупреждение')")
    assert "Server Error" not in page.inner_text(".modal-dialog .modal-title")
    shot(page, artifacts, "russian_refusal_warning.png")
    # the plan's executions as a bar chart by month and status (the view's default): the switch and the axis
    open_action(page, odoo_url, "ukkr_debt_plan.action_ukkr_plan_execution", "graph")
    page.wait_for_selector(".o_graph_svg_container svg, .o_graph svg")
    page.locator(".nv-controlsWrap").first.wait_for(state="attached")   # the view's own grouping: month × status
    controls = page.locator(".nv-controlsWrap").first.text_content()
    assert "Рядом" in controls and "Стопкой" in controls, controls
    ticks = page.locator(".nv-y .tick text").all_text_contents()
    assert ticks and all("," not in t for t in ticks if t), "counts are whole numbers: %s" % ticks
    assert not english_on_screen(page), english_on_screen(page)
    shot(page, artifacts, "russian_graph_controls.png")
