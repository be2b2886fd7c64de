"""First paint in chromium (make bench): the case kanban, the debt pivot and a personal account's form.

Usage: bench_paint.py URL DB LOGIN PASSWORD [RUNS]. Logs in once (the web client's assets are then in the
browser's cache, as for a user who works every day), then for each screen opens the web client at the screen's URL
(a full page load: the web client boots from its cached assets and opens the screen) and measures from the
navigation to the moment its content is drawn (kanban cards, the pivot's table, the form's
fields), ``RUNS`` (3) times; the median goes to artifacts/bench-results.json («paint») beside the other steps.
"""
import json
import os
import shutil
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import load_results, save_results, say, WebClient  # noqa: E402

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic"]
PAINT_TARGET = 1.5
SCREENS = [
    ("kanban", "case kanban", "ukkr_collections.action_ukkr_debtor_case", "kanban", ".o_kanban_record"),
    ("pivot", "debt pivot", "ukkr_reports.action_ukkr_debt_snapshot_analysis", "pivot", ".o_pivot table tbody tr"),
    ("form", "account form", "ukkr_collections.action_ukkr_personal_account", "form",
     ".o_form_view .o_field_widget"),
]


def main(url, db, login, password, runs=3):
    from playwright.sync_api import sync_playwright
    client = WebClient(url, db, login, password)
    account = client.kw("ukkr.personal.account", "search", [[]], limit=1, order="id")
    paints = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                             args=FLAGS)
        page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
        page.set_default_timeout(120000)
        page.goto("%s/web/login?db=%s" % (url, db))
        page.fill("input[name=login]", login)
        page.fill("input[name=password]", password)
        page.click("button[type=submit]")
        page.wait_for_selector(".o_web_client .main-nav")
        for key, label, xml_id, view_type, selector in SCREENS:
            action = client.kw("ir.model.data", "xmlid_to_res_id", [xml_id])
            target = "%s/web#action=%d&view_type=%s" % (url, action, view_type)
            if view_type == "form":
                target += "&id=%d" % account[0]
            samples = []
            for _run in range(runs + 1):   # the first opening fills the caches and is not counted
                page.goto("about:blank")   # a full load of the web client (its assets cached), then the screen
                started = time.time()
                page.goto(target)
                page.wait_for_selector(selector)
                samples.append(time.time() - started)
            paints[key] = {"label": "first paint of the %s in chromium" % label, "median": statistics.median(
                samples[1:]), "min": min(samples[1:]), "max": max(samples[1:]), "cold": samples[0],
                "target": PAINT_TARGET}
            say("  paint %-14s median %.2f s (%s), cold %.2f s" % (
                label, paints[key]["median"], ", ".join("%.2f" % s for s in samples[1:]), samples[0]))
        browser.close()
    results = load_results()
    results["paint"] = paints
    save_results(results)
    print(json.dumps(paints, indent=1))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]) if len(sys.argv) > 5 else 3)
