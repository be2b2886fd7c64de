"""The production topology and background jobs (issue 22.1–2), against the server make test starts: prefork HTTP
workers, a cron worker and the queue_job runner (tools/common.sh PROD_TOPOLOGY, the same as production_conf.sh).

Buttons are pressed as the web client presses them (``/web/dataset/call_button`` with ``args=[[id], context]``);
with the sync limit set to 0 every job goes through the real runner, and the user follows it to its end.
"""
import datetime
import os
import time

import psutil
import pytest
import requests


class WebSession:
    """A web-client session (JSON-RPC) as one user."""

    def __init__(self, url, db, login, password):
        self.url, self.http = url, requests.Session()
        answer = self.rpc("/web/session/authenticate", {"db": db, "login": login, "password": password})
        self.uid, self.context = answer["uid"], answer["user_context"]

    def rpc(self, path, params):
        body = {"jsonrpc": "2.0", "method": "call", "id": 1, "params": params}
        answer = self.http.post(self.url + path, json=body, timeout=120).json()
        if answer.get("error"):
            raise RuntimeError(answer["error"]["data"]["message"])
        return answer["result"]

    def call(self, model, method, args, kwargs=None):
        return self.rpc("/web/dataset/call_kw/%s/%s" % (model, method),
                        {"model": model, "method": method, "args": args,
                         "kwargs": dict(kwargs or {}, context=self.context)})

    def button(self, model, method, record_id):
        return self.rpc("/web/dataset/call_button", {"model": model, "method": method,
                                                     "args": [[record_id], self.context]})


@pytest.fixture
def web(odoo_url, odoo_db, demo_users):
    return lambda login: WebSession(odoo_url, odoo_db, login, demo_users[login][0])


@pytest.fixture
def all_in_background(rpc):
    admin = rpc("admin")
    admin.call("ir.config_parameter", "set_param", "ukkr.job_sync_limit", "0")
    yield
    admin.call("ir.config_parameter", "set_param", "ukkr.job_sync_limit", False)


def follow(session, job_id, timeout=180):
    """Poll the job as its user until it ends; the progress values seen on the way."""
    seen = []
    deadline = time.time() + timeout
    while time.time() < deadline:
        [job] = session.call("ukkr.job", "read", [[job_id], ["state", "display_state", "done", "total", "progress",
                                                            "result", "error", "result_action"]])
        seen.append((job["display_state"], job["done"], job["total"]))
        if job["state"] != "queued":
            return job, seen
        time.sleep(0.5)
    pytest.fail("job %d did not end in %d s: %s" % (job_id, timeout, seen[-5:]))


def test_the_server_runs_the_production_topology():
    pid = int(os.environ["UKKR_SERVER_PID"])
    workers = int(os.environ.get("UKKR_TEST_WORKERS", "2"))
    master = psutil.Process(pid)
    children = master.children()
    # prefork: the HTTP workers, one cron worker, and the gevent process for longpolling
    assert len(children) >= workers + 2, [c.cmdline() for c in children]
    assert any("gevent" in " ".join(c.cmdline()) for c in children)
    # the queue_job runner is a thread of the master process
    assert master.num_threads() >= 2


def test_the_cron_worker_ran(rpc):
    """A cron worker process of the server ran the scheduled actions that were due when it started (make test
    waits for its first pass), and none is left overdue from before the start."""
    master = psutil.Process(int(os.environ["UKKR_SERVER_PID"]))
    children = {child.pid for child in master.children()}
    with open(os.environ["UKKR_SERVER_LOG"], encoding="utf-8", errors="replace") as handle:
        runs = [line.split()[2] for line in handle if "odoo.addons.base.ir.ir_cron: Starting job" in line]
    assert runs and {int(pid) for pid in runs} <= children, (runs, children)
    assert int(runs[0]) != master.pid, "the crons run in a worker process of their own, not in the master"
    started = datetime.datetime.utcfromtimestamp(master.create_time()).strftime("%Y-%m-%d %H:%M:%S")
    crons = rpc("admin").call("ir.cron", "search_read", [("active", "=", True)], ["name", "nextcall"])
    assert not [c["name"] for c in crons if c["nextcall"] < started], crons


def test_a_report_job_runs_in_the_background_with_progress(web, all_in_background):
    director = web("director")
    periods = director.call("ukkr.monthly.close", "search_read", [[("state", "=", "closed")], ["period"]],
                            {"order": "period desc", "limit": 1})
    assert periods, "the demo district has closed months"
    wizard = director.call("ukkr.report.wizard", "create", [{"report": "monthly", "period": periods[0]["period"]}])
    action = director.button("ukkr.report.wizard", "action_generate", wizard)
    assert action["res_model"] == "ukkr.job", action
    job, seen = follow(director, action["res_id"])
    assert job["state"] == "done", job
    assert job["progress"] == 100.0 and job["done"] == job["total"] > 0
    # the file is kept on the job: its user downloads it
    url = director.button("ukkr.job", "action_open_result", job["id"])["url"]
    content = director.http.get(director.url + url, timeout=60).content
    assert content[:2] == b"PK" and len(content) > 3000
    # another user does not see the job (nor its file)
    operator = web("operator")
    assert not operator.call("ukkr.job", "search", [[("id", "=", job["id"])]])
    assert operator.http.get(operator.url + url, timeout=60).content[:2] != b"PK"


def test_a_failed_job_changes_nothing_and_says_why(web, rpc, all_in_background):
    director = web("director")
    admin = rpc("admin")
    closes_before = admin.call("ukkr.monthly.close", "search_read", [], ["period", "state"], order="period")
    # a month already closed (the picker lists it, «(закрыт)»): the close refuses it when the job runs
    closed = [c["period"] for c in closes_before if c["state"] == "closed"][-1]
    wizard = director.call("ukkr.monthly.close.wizard", "create", [{"period": closed}])
    action = director.button("ukkr.monthly.close.wizard", "action_close", wizard)
    job, _seen = follow(director, action["res_id"])
    assert job["state"] == "failed" and "уже закрыт" in job["error"], job
    assert admin.call("ukkr.monthly.close", "search_read", [], ["period", "state"], order="period") == closes_before


def test_notice_batch_job_reports_progress_per_case(web, rpc, all_in_background):
    operator = web("operator")
    # the smallest debts: the daily paths (test_browser_daily) need the large ones without notices
    cases = operator.call("ukkr.debtor.case", "search", [[("state", "=", "open")]],
                          {"limit": 12, "order": "overdue_at_close asc, id"})
    assert len(cases) >= 5
    wizard = operator.call("ukkr.notice.batch.wizard", "create", [{
        "case_ids": [(6, 0, cases)], "kind": "debt_info", "channel": "gis", "send_now": False}])
    action = operator.button("ukkr.notice.batch.wizard", "action_create", wizard)
    job, seen = follow(operator, action["res_id"])
    assert job["state"] == "done", job
    # total: the open cases not yet notified today (the batch skips those: 0 on a second run the same day)
    assert job["total"] <= len(cases) and job["done"] == job["total"] and job["progress"] == 100.0
    assert any(state == "running" for state, _done, _total in seen) or seen[0][0] in ("queued", "running")
    result = operator.button("ukkr.job", "action_open_result", job["id"])
    assert result["res_model"] == "ukkr.notice"


def test_the_user_follows_jobs_in_the_web_client(web, login, odoo_url, artifacts, all_in_background):
    """In the browser: «Фоновые задания» lists the user's jobs with a progress bar; a job's form shows the status,
    done / total, the step and the result (or the Russian error)."""
    operator = web("operator")
    cases = operator.call("ukkr.debtor.case", "search", [[("state", "=", "open")]],
                          {"limit": 10, "order": "overdue_at_close asc, id"})
    wizard = operator.call("ukkr.notice.batch.wizard", "create", [{
        "case_ids": [(6, 0, cases)], "kind": "debt_info", "channel": "payment_doc", "send_now": False}])
    job, _seen = follow(operator, operator.button("ukkr.notice.batch.wizard", "action_create", wizard)["res_id"])
    assert job["state"] == "done", job
    page = login("operator")
    page.goto(odoo_url + "/web#action=ukkr_collections.action_ukkr_job")
    page.wait_for_selector(".o_list_view .o_progressbar")
    assert "Фоновые задания" in page.inner_text(".o_control_panel")
    assert page.locator(".o_list_view tr.o_data_row").count() >= 1
    page.screenshot(path=os.path.join(artifacts, "jobs_list.png"))
    page.goto(odoo_url + "/web#model=ukkr.job&view_type=form&id=%d" % job["id"])
    page.wait_for_selector(".o_form_view .o_progressbar")
    text = page.inner_text(".o_form_view")
    assert "Выполнено" in text and "Уведомления по" in text and "100" in text, text[:1500]
    page.screenshot(path=os.path.join(artifacts, "jobs_form.png"))
