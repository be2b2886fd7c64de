"""Measure 12 on foot (issue 17, item 5): on a 390×844 phone the operator finds the account at the door by the
street, house and apartment — or by the payer's name — is never offered «Создать "…"», and logs a visit with a
photo in a few taps; every touch target of the visit form is at least 40 px."""
import base64
import re

from odoo_ui import no_server_error, settle, shot

PHONE = {"width": 390, "height": 844}
# a 1×1 PNG: the photo taken at the door
PHOTO = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")


def _address_words(account):
    """«Южная 4 2» from «п. Тея, ул. Южная, д. 4» and apartment «2»: what the operator types."""
    building = account["building_id"][1]
    street = re.search(r"ул\. ([^,]+)", building)
    house = re.search(r"д\. ([^,]+)", building)
    return "%s %s %s" % (street.group(1).split()[-1] if street else building.split(",")[0], house.group(1) if house
                         else "", account["apartment"])


def _touch_targets_too_small(page):
    """Visible controls of the visit form smaller than 40 × 40 px (inputs, selects, checkboxes, buttons)."""
    return page.evaluate("""() => {
        const small = [];
        const selectors = ['.o_form_view input:not([type=hidden]):not([type=file])', '.o_form_view select',
                           '.o_form_view textarea', '.o_control_panel .btn', '.o_form_view .o_select_file_button',
                           '.o_form_view .o_field_boolean'];
        for (const el of document.querySelectorAll(selectors.join(','))) {
            const box = el.getBoundingClientRect();
            const style = getComputedStyle(el);
            if (!box.width || !box.height || style.visibility === 'hidden' || style.display === 'none') continue;
            if (el.type === 'checkbox') continue;   // counted through its field (.o_field_boolean)
            if (box.right < 0 || box.bottom < 0 || box.left > innerWidth) continue;   // off screen: the
            // text areas' auto-resize mirror, not a control
            if (box.height < 40 || box.width < 40) {
                small.push((el.getAttribute('name') || el.className || el.tagName) + ' ' +
                           Math.round(box.width) + '×' + Math.round(box.height));
            }
        }
        return small;
    }""")


def test_operator_logs_a_visit_on_a_phone(login, rpc, odoo_url, artifacts):
    operator = rpc("operator")
    account = operator.call("ukkr.personal.account", "search_read",
                            [("apartment", "=like", "_%"), ("state", "=", "active"), ("building_id.street", "!=", False)],
                            ["id", "name", "building_id", "apartment", "partner_id"], limit=1)[0]
    visits_before = operator.call("ukkr.visit", "search_count", [("account_id", "=", account["id"])])
    page = login("operator", viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto(odoo_url + "/web#action=ukkr_collections.action_ukkr_visit&view_type=form")
    page.reload()
    page.wait_for_selector(".o_form_view.o_form_editable")
    settle(page)
    field = page.locator(".o_field_widget[name=account_id] input")

    # by the payer's name: the account is offered with its address, and nothing is offered to create
    surname = account["partner_id"][1].split()[0]
    field.tap()
    field.fill(surname)
    page.wait_for_selector("ul.ui-autocomplete:visible li")
    offered = page.locator("ul.ui-autocomplete:visible li").all_inner_texts()
    assert any(account["name"] in text for text in offered), offered
    assert not any("Создать" in text for text in offered), "never «Создать …» for an account: %s" % offered
    # by the address typed at the door
    field.fill("")
    field.fill(_address_words(account))
    choice = page.locator("ul.ui-autocomplete:visible li a:has-text('%s —')" % account["name"]).first
    choice.wait_for()
    assert "кв. %s" % account["apartment"] in choice.inner_text(), "the address shows the apartment once"
    assert not any("Создать" in text for text in page.locator("ul.ui-autocomplete:visible li").all_inner_texts())
    choice.tap()
    settle(page)

    # the photo: the upload control is on the screen (a phone has no hover) and takes a picture
    with page.expect_file_chooser() as chooser:
        page.locator(".o_field_widget[name=photo] .o_select_file_button").first.tap()
    chooser.value.set_files({"name": "dver.png", "mimeType": "image/png", "buffer": PHOTO})
    settle(page)
    small = _touch_targets_too_small(page)
    assert not small, "touch targets under 40 px on the visit form: %s" % small
    shot(page, artifacts, "phone_visit_form.png")
    page.locator(".o_control_panel .o_form_button_save").tap()
    settle(page)
    no_server_error(page)
    page.wait_for_selector(".o_form_view.o_form_readonly")
    visits = operator.call("ukkr.visit", "search_read", [("account_id", "=", account["id"])], ["photo", "result"],
                           order="id desc", limit=1)
    assert operator.call("ukkr.visit", "search_count", [("account_id", "=", account["id"])]) == visits_before + 1
    assert visits[0]["photo"], "the photo is stored with the visit"
    shot(page, artifacts, "phone_visit_saved.png")
