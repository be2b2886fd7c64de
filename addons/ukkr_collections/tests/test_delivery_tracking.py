"""Measure 10: the delivery of notices proven by the channel itself, with no network.

- E-mail: OCA mail_tracking creates a ``mail.tracking.email`` when Odoo's queue sends the notice's e-mail (the test
  thread's mail server does not connect: the SMTP answer is taken as accepted) and moves it with the events it
  receives (``event_create``: delivered, open, hard_bounce). A delivered or opened e-mail proves the notice delivered
  that day; a bounce marks it not delivered, and measure 10 stops counting it.
- SMS: the scheduled action asks the gateway's status API about the sent messages without a delivery report, oldest
  asked first, a batch at a time; a fake gateway stands in for ``requests.post`` of the adapters.
"""
import json
import threading
from contextlib import contextmanager
from unittest.mock import patch

from odoo.exceptions import AccessError
from odoo.tests import common

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from ..models import sms_providers
from .test_sms_delivery_reports import sent_sms_notice
from .test_sms_gateway import make_account


@contextmanager
def smtp_in_test_mode():
    """Odoo's mail server in test mode (as under ``--test-enable``, also when a developer loop runs the case): the
    message is built, tracked and taken as accepted, and no connection is made."""
    thread = threading.currentThread()
    saved = getattr(thread, "testing", False)
    thread.testing = True
    try:
        yield
    finally:
        thread.testing = saved


class TestEmailNoticeTracking(common.TransactionCase):

    def setUp(self):
        super().setUp()
        self.env.user.company_id.email = "ukkr@example.ru"

    def email_notice(self, number):
        first = self.env["ukkr.personal.account"].search([("name", "like", "MT-%")], limit=1)
        if first:   # one test settlement and building for all
            account = self.env["ukkr.personal.account"].create({
                "name": number, "building_id": first.building_id.id, "apartment": number[-1],
                "email": "payer%s@example.ru" % number[-1],
                "partner_id": self.env["res.partner"].create({"name": "Петров Пётр Петрович"}).id})
        else:
            account = make_account(self.env, number=number, email="payer%s@example.ru" % number[-1])
        with today_is("2026-11-20"):
            notice = self.env["ukkr.notice"].create({"account_id": account.id, "kind": "warning",
                                                     "channel": "email"})
            notice.action_send()
        with smtp_in_test_mode():
            notice.mail_id.send()
        return notice, self.env["mail.tracking.email"].search([("mail_id", "=", notice.mail_id.id)])

    def test_delivered_opened_and_bounced(self):
        delivered, tracking = self.email_notice("MT-0001")
        bounced, tracking_bad = self.email_notice("MT-0002")
        self.assertEqual((tracking.state, tracking_bad.state, delivered.state), ("sent", "sent", "sent"))
        figures = lambda: sum(r["count"] for r in self.env["ukkr.measure.figure"].figures(  # noqa: E731
            "2026-11-01", "2026-11-30", numbers=[10]) if r["model"] == "ukkr.notice")
        self.assertEqual(figures(), 2)
        with today_is("2026-11-21"):
            tracking.event_create("delivered", {})
            tracking_bad.event_create("hard_bounce", {"bounce_type": "550", "bounce_description": "no mailbox"})
        delivered.invalidate_cache()
        self.assertEqual((delivered.state, delivered.date_delivered, delivered.email_state),
                         ("delivered", "2026-11-21", "delivered"))
        self.assertTrue(delivered.delivery_proof)
        self.assertEqual((bounced.state, bounced.email_state, bounced.date_delivered), ("failed", "bounced", False))
        self.assertEqual(figures(), 1, "the bounced e-mail is not a notice sent to the payer")
        # an open later changes the status shown, not the proven day
        with today_is("2026-11-25"):
            tracking.event_create("open", {})
        delivered.invalidate_cache()
        self.assertEqual((delivered.date_delivered, delivered.email_state), ("2026-11-21", "opened"))

    def test_payers_trackings_are_for_ukkr_users(self):
        notice, tracking = self.email_notice("MT-0004")
        Users = self.env["res.users"].with_context(no_reset_password=True)
        for group, allowed in (("group_ukkr_operator", True), ("group_ukkr_lawyer", True),
                               ("group_admin_executor", False), ("group_admin_control", False)):
            user = Users.create({"name": group, "login": "t_track_" + group, "lang": False,
                                 "groups_id": [(6, 0, [self.env.ref("ukkr_debt_plan." + group).id])]})
            Tracking = self.env["mail.tracking.email"].sudo(user)
            self.assertEqual(bool(Tracking.search([("id", "=", tracking.id)])), allowed, group)
            if not allowed:
                with self.assertRaises(AccessError):
                    Tracking.browse(tracking.id).read(["recipient"])
        self.assertEqual(tracking.state, "sent", "reading changed nothing")

    def test_opened_without_delivery_report_proves_delivery(self):
        notice, tracking = self.email_notice("MT-0003")
        with today_is("2026-11-22"):
            tracking.event_create("open", {})
        self.assertEqual((notice.state, notice.date_delivered), ("delivered", "2026-11-22"))


class FakeStatusGateway:
    """Stands in for ``requests.post`` of the SMS adapters: answers the status requests from ``statuses``
    ({provider id: status}) and records every request; ``down`` makes it fail like an unreachable server."""

    def __init__(self, statuses):
        self.statuses = statuses
        self.requests = []
        self.down = False

    def __call__(self, url, timeout=None, json=None, data=None):
        self.requests.append({"url": url, "json": json, "data": data})
        if self.down:
            raise sms_providers.requests.ConnectionError("[Errno 111] Connection refused")
        if json is not None:
            items = [{"id": pid, "status": self.statuses[pid], "time": "2026-11-20T12:00:00+07:00"}
                     for pid in json["ids"] if pid in self.statuses]
            return FakeResponse({"messages": items})
        codes = {"delivered": 103, "expired": 104, "enroute": 102}
        return FakeResponse({"status": "OK", "sms": {pid: {"status": "OK", "status_code": codes[self.statuses[pid]]}
                                                     for pid in data["sms_id"].split(",") if pid in self.statuses}})


class FakeResponse:
    status_code = 200

    def __init__(self, payload):
        self.payload = payload
        self.text = json.dumps(payload)

    def json(self):
        return self.payload


class TestSmsStatusPolling(common.TransactionCase):

    def setUp(self):
        super().setUp()
        self.gateway = self.env["ukkr.sms.gateway"].create({"name": "Шлюз (опрос)",
                                                            "url": "http://sms.invalid/api/send"})
        self.env["ukkr.sms.gateway"].search([("id", "!=", self.gateway.id)]).write({"poll_status": False})
        self.messages = {}
        for number, pid in (("SMS-REP-9101", "P-1"), ("SMS-REP-9102", "P-2"), ("SMS-REP-9103", "P-3")):
            self.messages[pid] = sent_sms_notice(self.env, self.gateway, pid, number)

    def poll(self, fake, limit=500, now="2026-11-20 08:00:00"):
        with patch.object(sms_providers.requests, "post", fake), today_is("2026-11-20"):
            return self.env["ukkr.sms.message"].with_context(ukkr_now=now)._cron_poll_delivery(limit=limit)

    def test_poll_in_batches_proves_delivery_and_failure(self):
        fake = FakeStatusGateway({"P-1": "delivered", "P-2": "expired", "P-3": "enroute"})
        result = self.poll(fake, limit=2)
        self.assertEqual(result[self.gateway.id], (2, 2), "two asked (the batch), both final")
        self.assertEqual(fake.requests[0]["url"], "http://sms.invalid/api/status")
        self.assertEqual(sorted(fake.requests[0]["json"]["ids"]), ["P-1", "P-2"])
        notice, message = self.messages["P-1"]
        self.assertEqual((message.state, message.delivered_at), ("delivered", "2026-11-20 05:00:00"))
        self.assertEqual((notice.state, notice.date_delivered), ("delivered", "2026-11-20"))
        self.assertEqual(self.messages["P-2"][1].state, "failed")
        self.assertEqual(self.messages["P-2"][0].state, "failed")
        # the next run asks about the one not asked yet first; it is still on its way
        result = self.poll(fake, limit=1, now="2026-11-20 08:30:00")
        self.assertEqual(result[self.gateway.id], (1, 0))
        self.assertEqual(fake.requests[1]["json"]["ids"], ["P-3"])
        self.assertEqual(self.messages["P-3"][1].state, "sent")
        # nothing is asked about messages older than the gateway's days
        self.assertEqual(self.poll(fake, now="2026-11-25 08:00:00")[self.gateway.id], (0, 0))

    def test_sms_ru_style_status(self):
        self.gateway.write({"provider": "smsru_form", "url": "http://sms.invalid/sms/send"})
        fake = FakeStatusGateway({"P-1": "delivered", "P-2": "expired", "P-3": "enroute"})
        self.assertEqual(self.poll(fake)[self.gateway.id], (3, 2))
        self.assertEqual(fake.requests[0]["url"], "http://sms.invalid/sms/status")
        self.assertEqual(sorted(fake.requests[0]["data"]["sms_id"].split(",")), ["P-1", "P-2", "P-3"])
        notice, message = self.messages["P-1"]
        self.assertEqual((message.state, message.delivered_at, notice.date_delivered),
                         ("delivered", "2026-11-20 08:00:00", "2026-11-20"))

    def test_unreachable_gateway_changes_nothing(self):
        fake = FakeStatusGateway({"P-1": "delivered"})
        fake.down = True
        before = self.env["ukkr.sms.message"].search_read([("gateway_id", "=", self.gateway.id)],
                                                         ["state", "status_checked_at", "delivered_at"])
        self.assertEqual(self.poll(fake)[self.gateway.id], (0, 0))
        self.assertEqual(self.env["ukkr.sms.message"].search_read([("gateway_id", "=", self.gateway.id)],
                                                                  ["state", "status_checked_at", "delivered_at"]),
                         before)
        # polling switched off: the gateway is not asked at all
        self.gateway.poll_status = False
        fake.down = False
        self.assertNotIn(self.gateway.id, self.poll(fake))
        self.assertEqual(len(fake.requests), 1)
