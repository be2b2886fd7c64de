"""Helpers for the browser tests: the Odoo 11 web client as a user drives it (forms, buttons, dialogs).

Every press waits for the web client to finish its calls and fails at once, with the dialog's text, when Odoo shows
an error dialog a user should never see («Ошибка сервера Odoo», a traceback); a business refusal shows as a warning
dialog («Предупреждение»), which ``press(..., refused=True)`` expects.
"""
import os
import re

SERVER_ERROR = re.compile(r"Ошибка сервера|Server Error|Traceback", re.I)


def _track(page):
    """Count the web client's calls in flight (the bus's long polling never ends: it is not counted)."""
    if getattr(page, "_ukkr_inflight", None) is None:
        page._ukkr_inflight = set()

        def started(request):
            if "/longpolling/" not in request.url and request.resource_type in ("xhr", "fetch", "document"):
                page._ukkr_inflight.add(request)

        def ended(request):
            page._ukkr_inflight.discard(request)
        page.on("request", started)
        page.on("requestfinished", ended)
        page.on("requestfailed", ended)


def settle(page, timeout=30000):
    """Wait until the web client has no call in flight for a moment (and has drawn what the answers brought)."""
    _track(page)
    waited, quiet = 0, 0
    while quiet < 3:
        page.wait_for_timeout(100)
        waited += 100
        quiet = quiet + 1 if not page._ukkr_inflight else 0
        if waited > timeout:
            raise AssertionError("the web client is still waiting for %s" % [r.url for r in page._ukkr_inflight])


def dialog_text(page):
    """(title, body) of the open modal dialog, or None."""
    modal = page.locator(".modal.in .modal-dialog, .modal.show .modal-dialog").last
    if not modal.count() or not modal.is_visible():
        return None
    title = modal.locator(".modal-title").inner_text().strip() if modal.locator(".modal-title").count() else ""
    return title, modal.locator(".modal-body").inner_text().strip()


def no_server_error(page):
    found = dialog_text(page)
    if found and (SERVER_ERROR.search(found[0]) or SERVER_ERROR.search(found[1])):
        raise AssertionError("the web client shows an error a user must not see: %s\n%s" % found)
    return found


def open_form(page, odoo_url, model, record_id, action=None):
    _track(page)
    url = "%s/web#id=%d&model=%s&view_type=form" % (odoo_url, record_id, model)
    if action:
        url += "&action=%s" % action
    page.goto(url)
    page.reload()
    page._ukkr_inflight.clear()   # the calls of the page before the reload never finish
    page.wait_for_selector(".o_form_view")
    settle(page)


def new_form(page, odoo_url, action):
    """The form of a new record of a window action, as «Создать» opens it."""
    _track(page)
    page.goto("%s/web#action=%s&view_type=form" % (odoo_url, action))
    page.reload()
    page._ukkr_inflight.clear()
    page.wait_for_selector(".o_form_view.o_form_editable")
    settle(page)


def edit(page):
    if page.locator(".o_form_buttons_view .o_form_button_edit:visible").count():
        page.click(".o_form_buttons_view .o_form_button_edit")
        page.wait_for_selector(".o_form_view.o_form_editable")


def save(page):
    if page.locator(".o_form_buttons_edit .o_form_button_save:visible").count():
        page.click(".o_form_buttons_edit .o_form_button_save")
        settle(page)
        no_server_error(page)
        page.wait_for_selector(".o_form_view.o_form_readonly")


def fill(page, name, value, scope=".o_form_view"):
    """Type a value into a form field (char, number, date as ДД.ММ.ГГГГ, text)."""
    widget = page.locator("%s .o_field_widget[name=%s]" % (scope, name)).first
    target = widget.locator("input, textarea").first if widget.locator("input, textarea").count() else widget
    target.fill(str(value))
    target.press("Tab")


def choose(page, name, text, scope=".o_form_view"):
    """Pick a record in a many2one field by typing part of its name (never «Создать …»)."""
    field = page.locator("%s .o_field_widget[name=%s] input" % (scope, name)).first
    field.fill(text)
    item = page.locator("ul.ui-autocomplete:visible li:not(.o_m2o_dropdown_option) a").first
    item.wait_for()
    item.click()
    settle(page)


def select(page, name, label, scope=".o_form_view"):
    page.locator("%s select.o_field_widget[name=%s], %s .o_field_widget[name=%s] select"
                 % (scope, name, scope, name)).first.select_option(label=label)


def press(page, label, refused=False, scope=".o_form_view .o_form_statusbar"):
    """Press a button by the Russian label the user reads (Odoo 11 draws header buttons without their method's
    name); returns the dialog that opened, if any. ``refused``: a warning dialog («Предупреждение») is expected
    and closed."""
    button = page.locator("%s button:visible:text-is('%s')" % (scope, label)).first
    button.wait_for()
    button.click()
    settle(page)
    found = no_server_error(page)
    if refused:
        assert found and found[0] in ("Предупреждение", "Ошибка доступа", "Ошибка проверки"), \
            "a refusal in a warning dialog was expected, got %r" % (found,)
        page.locator(".modal.in .modal-footer button, .modal.show .modal-footer button").last.click()
        settle(page)
        return found
    if found and found[0] == "Подтверждение":   # the button asks first (confirm=…): the user answers «Ok»
        confirm(page)
        found = no_server_error(page)
    assert not found or found[0] not in ("Предупреждение", "Ошибка доступа", "Ошибка проверки"), \
        "refused: %s\n%s" % found
    return found


def dialog_press(page, label):
    """Press a button of the open dialog's footer by its label (a wizard's «Закрыть месяц», «Подать» …)."""
    page.locator(".modal-footer button:has-text('%s'):visible" % label).last.click()
    settle(page)
    return no_server_error(page)


def confirm(page):
    """Answer «Ok» to a confirmation dialog (buttons with confirm=…)."""
    page.click(".modal.in .modal-footer button.btn-primary, .modal.show .modal-footer button.btn-primary")
    settle(page)
    no_server_error(page)


def status(page):
    """The highlighted step of the form's status bar."""
    return page.inner_text(".o_statusbar_status button.btn-primary").strip()


def shot(page, artifacts, name):
    page.screenshot(path=os.path.join(artifacts, name), full_page=True)


# Latin words a Russian user reads as they are (the same list as ukkr_reports/tests/test_russian_ui.py)
ALLOWED_LATIN = set({"SMS", "E-mail", "e-mail", "Email", "email", "URL", "DOCX", "XLSX", "xlsx", "PDF", "CSV", "ID", "ZIP",
                 "JSON", "HTTP", "HTTPS", "API", "XML", "UKKR", "UTF", "QR", "Odoo", "II", "III", "IV", "VI", "VII",
                 "VIII", "IX", "XI", "XII", "IP", "Word", "KeyRate"})   # IP address, Microsoft Word, the Bank
#                                                                 of Russia's XML element
NOT_WORDS = re.compile(r"\S+@\S+|https?://\S+|\b[\w.-]+\.(?:ru|com|org|net)\b|\S+\.(?:csv|xlsx|xls|xml|txt|json|docx|pdf|zip|png)\b")


def english_on_screen(page):
    """Latin words visible on the screen, besides those a Russian user reads as they are (file names, addresses
    of sites and mailboxes are not words)."""
    text = NOT_WORDS.sub(" ", page.inner_text(".o_web_client"))
    return sorted({w for w in re.findall(r"[A-Za-z][A-Za-z'-]*[A-Za-z]", text) if w not in ALLOWED_LATIN})


def open_action(page, odoo_url, action, view_type=None):
    """A menu's window action, as the menu opens it."""
    _track(page)
    page.goto("%s/web#action=%s%s" % (odoo_url, action, "&view_type=%s" % view_type if view_type else ""))
    page.reload()
    page._ukkr_inflight.clear()
    page.wait_for_selector(".o_control_panel .breadcrumb li:visible, .modal-dialog:visible, .o_dashboard:visible")
    settle(page)


def tab(page, label):
    """Open a page of the form's notebook."""
    page.click(".o_form_view .o_notebook a:has-text('%s')" % label)


def confirm_step(page, text=None, day=None):
    """The dialog of a dated step («Доставка подтверждена», «Предъявлен», «Провести» …): the proposed day (or
    ``day``, ДД.ММ.ГГГГ), the document where the step asks one, «Подтвердить»."""
    dialog = page.locator(".modal-dialog:has(.o_field_widget[name=date]):visible").last
    dialog.wait_for()
    if day:
        fill(page, "date", day, scope=".modal-dialog")
    field = dialog.locator(".o_field_widget[name=text]")
    if text and field.count() and field.first.is_visible():
        fill(page, "text", text, scope=".modal-dialog")
    dialog_press(page, "Подтвердить")
