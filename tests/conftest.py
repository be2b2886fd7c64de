"""pytest side of `make test`: the suite as a user meets it, through a live Odoo server.

tools/test.sh starts the server on a throw-away database and exports UKKR_URL, UKKR_DB, UKKR_USERS (the demo
logins and passwords) and UKKR_ARTIFACTS (screenshots). Run through `make test`, not alone.
"""
import os
import shutil
import xmlrpc.client

import pytest

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"]


def _require(name):
    value = os.environ.get(name)
    if not value:
        pytest.exit("%s is not set: run the tests with `make test`" % name, returncode=2)
    return value


@pytest.fixture(scope="session")
def odoo_url():
    return _require("UKKR_URL").rstrip("/")


@pytest.fixture(scope="session")
def odoo_db():
    return _require("UKKR_DB")


@pytest.fixture(scope="session")
def demo_users():
    users = {}
    with open(_require("UKKR_USERS"), encoding="utf-8") as handle:
        for line in handle:
            login, password, title = line.rstrip("\n").split("\t")
            users[login] = (password, title)
    return users


@pytest.fixture(scope="session")
def artifacts():
    path = os.path.join(_require("UKKR_ARTIFACTS"), "screenshots")
    os.makedirs(path, exist_ok=True)
    return path


class Rpc:
    """XML-RPC as a given user: ``rpc.call(model, method, *args, **kwargs)``."""

    def __init__(self, url, db, login, password):
        self.db, self.password = db, password
        self.uid = xmlrpc.client.ServerProxy(url + "/xmlrpc/2/common").authenticate(db, login, password, {})
        self.models = xmlrpc.client.ServerProxy(url + "/xmlrpc/2/object", allow_none=True)

    def call(self, model, method, *args, **kwargs):
        return self.models.execute_kw(self.db, self.uid, self.password, model, method, list(args), kwargs)


@pytest.fixture(scope="session")
def rpc(odoo_url, odoo_db, demo_users):
    def connect(login):
        return Rpc(odoo_url, odoo_db, login, demo_users[login][0])
    return connect


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, "report_" + report.when, report)


@pytest.fixture
def login(request, browser, odoo_url, odoo_db, demo_users):
    """``page = login('operator')``: a fresh browser context logged in as that demo user, on the backend
    (``login('operator', viewport={'width': 390, 'height': 844})`` for a phone). A failed test leaves a screenshot
    of each of its pages in artifacts/screenshots/FAILED-<test>-<n>.png."""
    contexts = []

    def open_as(user, viewport=None, **options):
        context = browser.new_context(viewport=viewport or {"width": 1400, "height": 900}, **options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30000)
        page.goto("%s/web/login?db=%s" % (odoo_url, odoo_db))
        page.fill("input[name=login]", user)
        page.fill("input[name=password]", demo_users[user][0])
        page.click("button[type=submit]")
        page.wait_for_selector(".o_web_client .main-nav")
        return page
    yield open_as
    failed = getattr(request.node, "report_call", None) is not None and request.node.report_call.failed
    for number, context in enumerate(contexts):
        if failed and os.environ.get("UKKR_ARTIFACTS"):
            folder = os.path.join(os.environ["UKKR_ARTIFACTS"], "screenshots")
            os.makedirs(folder, exist_ok=True)
            for page in context.pages:
                try:
                    page.screenshot(path=os.path.join(folder, "FAILED-%s-%d.png" % (request.node.name, number)))
                except Exception:  # noqa: BLE001 — the screenshot is a help, never a second failure
                    pass
        context.close()
