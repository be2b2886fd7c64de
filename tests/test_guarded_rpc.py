"""Guarded transitions as a client meets them over HTTP: JSON-RPC writes of a status, forged context keys, buttons
called the way the web client calls them (``/web/dataset/call_button`` with ``args=[[id], context]``), and a
report the user may not read (403, not a server error). Rows are compared before and after each refusal."""
import json
import urllib.error
import urllib.request
from http.cookiejar import CookieJar

from dbtools import query

FORGED = {"ukkr_write_off_system": True, "ukkr_case_system": True, "ukkr_enforcement_system": True,
          "ukkr_agreement_system": True, "ukkr_plan_versioning": True, "ukkr_filing_date": "2020-01-01"}


class Session:
    """A logged-in web-client session: JSON-RPC on the same routes the browser uses."""

    def __init__(self, url, db, login, password):
        self.url = url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        result = self.json("/web/session/authenticate", {"db": db, "login": login, "password": password})
        assert result["result"]["uid"], result
        self.context = result["result"]["user_context"]

    def json(self, path, params):
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "id": 1, "params": params}).encode("utf-8")
        request = urllib.request.Request(self.url + path, body, {"Content-Type": "application/json"})
        return json.loads(self.opener.open(request, timeout=120).read().decode("utf-8"))

    def call_kw(self, model, method, args, kwargs=None, context=None):
        kwargs = dict(kwargs or {}, context=dict(self.context, **(context or {})))
        return self.json("/web/dataset/call_kw/%s/%s" % (model, method),
                         {"model": model, "method": method, "args": args, "kwargs": kwargs})

    def call_button(self, model, method, record_id, context=None):
        return self.json("/web/dataset/call_button", {"model": model, "method": method,
                                                      "args": [[record_id], dict(self.context, **(context or {}))]})

    def get(self, path):
        try:
            response = self.opener.open(self.url + path, timeout=120)
            return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()


def session(odoo_url, odoo_db, demo_users, login):
    return Session(odoo_url, odoo_db, login, demo_users[login][0])


def refused(answer):
    """A clear refusal: an error of the UserError/AccessError/ValidationError kind with a Russian message."""
    error = answer.get("error")
    assert error, "accepted: %s" % answer.get("result")
    data = error.get("data", {})
    assert data.get("name") in ("odoo.exceptions.UserError", "odoo.exceptions.AccessError",
                                "odoo.exceptions.ValidationError", "odoo.exceptions.AccessDenied"), data
    message = data.get("message") or ""
    assert any("а" <= ch.lower() <= "я" for ch in message), "not Russian: %r" % message
    return message


def test_status_writes_and_forged_context_are_refused(odoo_url, odoo_db, demo_users):
    lawyer = session(odoo_url, odoo_db, demo_users, "lawyer")
    operator = session(odoo_url, odoo_db, demo_users, "operator")
    notices = query(odoo_db, "SELECT id FROM ukkr_notice WHERE state = 'sent' ORDER BY id LIMIT 1")
    cases = query(odoo_db, "SELECT id FROM ukkr_debtor_case WHERE state = 'open' ORDER BY id LIMIT 1")
    assert notices and cases, "the demo database has sent notices and open cases"
    probes = [(operator, "ukkr.notice", notices[0][0], {"state": "delivered", "date_delivered": "2026-01-01"}),
              (lawyer, "ukkr.debtor.case", cases[0][0], {"state": "closed", "close_reason": "paid"}),
              (operator, "ukkr.debtor.case", cases[0][0], {"debt_at_close": 0, "overdue_at_close": 0})]
    for user, model, record_id, values in probes:
        table = model.replace(".", "_")
        before = query(odoo_db, "SELECT * FROM %s WHERE id = %%s" % table, (record_id,))
        for context in ({}, FORGED):
            refused(user.call_kw(model, "write", [[record_id], values], context=context))
        assert query(odoo_db, "SELECT * FROM %s WHERE id = %%s" % table, (record_id,)) == before, model


def test_dated_buttons_open_their_dialog_as_the_web_client_calls_them(odoo_url, odoo_db, demo_users):
    """A button gets ``[[id], context]``: it asks the date in a dialog instead of taking the context for one."""
    operator = session(odoo_url, odoo_db, demo_users, "operator")
    notice_id = query(odoo_db, "SELECT id FROM ukkr_notice WHERE state = 'sent' ORDER BY id LIMIT 1")[0][0]
    before = query(odoo_db, "SELECT state, date_delivered FROM ukkr_notice WHERE id = %s", (notice_id,))
    sent_on = query(odoo_db, "SELECT date_sent FROM ukkr_notice WHERE id = %s", (notice_id,))[0][0]
    answer = operator.call_button("ukkr.notice", "action_confirm_delivery", notice_id)
    assert "error" not in answer, answer.get("error")
    action = answer["result"]
    assert action["res_model"] == "ukkr.step.wizard" and action["target"] == "new"
    assert query(odoo_db, "SELECT state, date_delivered FROM ukkr_notice WHERE id = %s", (notice_id,)) == before
    # the dialog confirms it as the user, with the day and the proof
    created = operator.call_kw("ukkr.step.wizard", "create", [{"date": sent_on.isoformat(),
                                                               "text": "РПО 66000012345678"}],
                               context=action["context"])
    assert "error" not in created, created.get("error")
    done = operator.call_button("ukkr.step.wizard", "action_confirm", created["result"],
                                context=action["context"])
    assert "error" not in done, done.get("error")
    assert query(odoo_db, "SELECT state, date_delivered FROM ukkr_notice WHERE id = %s", (notice_id,)) == \
        [("delivered", sent_on)]
    # a step the model does not list is refused, whatever the client names
    bad = operator.call_kw("ukkr.step.wizard", "create", [{"date": sent_on.isoformat()}],
                           context=dict(action["context"], default_step="unlink"))
    refused(operator.call_button("ukkr.step.wizard", "action_confirm", bad["result"]))
    assert query(odoo_db, "SELECT count(*) FROM ukkr_notice WHERE id = %s", (notice_id,))[0][0] == 1


def test_a_forbidden_report_answers_403(odoo_url, odoo_db, demo_users):
    """Housing (administration) reads payers of municipal housing only (152-ФЗ): another account's penalty
    calculation is 403 Forbidden with the reason, not a server error."""
    private = query(odoo_db, "SELECT id FROM ukkr_personal_account WHERE NOT is_municipal ORDER BY id LIMIT 1")[0][0]
    housing = session(odoo_url, odoo_db, demo_users, "housing")
    status, body = housing.get("/report/html/ukkr_collections.penalty_calculation_document/%d" % private)
    assert status == 403, (status, body[:300])
    assert any("а" <= ch.lower() <= "я" for ch in body.decode("utf-8")), body[:300]
