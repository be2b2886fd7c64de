"""Measure 10: SMS delivery reports. A notice sent by SMS counts as delivered only when the gateway's delivery report
says so: the report (authenticated by the gateway's token) sets the message delivered at the reported time and proves
the notice's delivery that day (Krasnoyarsk); a failure report marks both failed; a wrong token changes nothing."""
import json

from odoo import SUPERUSER_ID, api
from odoo.exceptions import AccessError
from odoo.tests import common

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from ..models.ukkr_sms_delivery import report_outcome, report_time
from .test_sms_gateway import make_account, make_user


def sent_sms_notice(env, gateway, provider_id, number):
    """A notice sent by SMS whose message the gateway accepted as ``provider_id``."""
    first = env["ukkr.personal.account"].search([("name", "like", "SMS-REP-%")], limit=1)
    if first:   # one test settlement and building for all
        account = env["ukkr.personal.account"].create({
            "name": number, "building_id": first.building_id.id, "apartment": number[-1],
            "partner_id": env["res.partner"].create({"name": "Петров Пётр Петрович"}).id, "phone": "+79131234568"})
    else:
        account = make_account(env, number=number)
    with today_is("2026-11-20"):
        notice = env["ukkr.notice"].create({"account_id": account.id, "kind": "warning", "channel": "sms",
                                            "debt_amount": 1500.0})
        notice.action_send()
    message = notice.sms_message_id
    message.sudo().write({"state": "sent", "gateway_id": gateway.id, "provider_message_id": provider_id,
                          "sent_at": "2026-11-20 02:00:00"})
    return notice, message


class TestSmsDeliveryReports(common.TransactionCase):

    def setUp(self):
        super().setUp()
        self.gateway = self.env["ukkr.sms.gateway"].create({"name": "Шлюз (отчёты)", "url": "http://127.0.0.1:9/"})

    def test_pure_functions(self):
        self.assertEqual([report_outcome(s) for s in ("DELIVRD", "delivered", "expired", "enroute", None)],
                         ["delivered", "delivered", "failed", None, None])
        self.assertEqual(str(report_time("2026-11-20T10:15:00+07:00", None)), "2026-11-20 03:15:00")
        self.assertEqual(report_time("вчера", "default"), "default")

    def test_reports_prove_delivery_or_failure(self):
        notice, message = sent_sms_notice(self.env, self.gateway, "P-100", "SMS-REP-0001")
        other, failing = sent_sms_notice(self.env, self.gateway, "P-101", "SMS-REP-0002")
        self.assertEqual((notice.state, message.state), ("sent", "sent"))
        applied, unknown = self.env["ukkr.sms.message"]._apply_delivery_reports(self.gateway, [
            {"id": "P-100", "status": "DELIVRD", "time": "2026-11-20T23:30:00+07:00"},
            {"client_id": "ukkr-sms-%d" % failing.id, "status": "expired"},
            {"id": "P-999", "status": "delivered"}, {"id": "P-100", "status": "enroute"}])
        self.assertEqual((applied, unknown), (2, ["P-999"]))
        self.assertEqual((message.state, message.delivered_at), ("delivered", "2026-11-20 16:30:00"))
        self.assertEqual((notice.state, notice.date_delivered), ("delivered", "2026-11-20"),
                         "delivered at 23:30 Krasnoyarsk: proven that day")
        self.assertEqual((failing.state, other.state), ("failed", "failed"))
        # the same report again changes nothing
        self.assertEqual(self.env["ukkr.sms.message"]._apply_delivery_reports(
            self.gateway, [{"id": "P-100", "status": "delivered"}]), (0, []))

    def test_only_the_manager_sets_the_token(self):
        operator = make_user(self.env, "rep_operator", "group_ukkr_operator")
        with self.assertRaises(AccessError):
            self.gateway.sudo(operator).action_new_report_token()
        self.gateway.action_new_report_token()
        self.assertTrue(len(self.gateway.report_token) >= 32)


@common.at_install(False)
@common.post_install(True)
class TestSmsDeliveryReportRoute(common.HttpCase):
    """The route as the gateway calls it: POST with the token in the Authorization header."""

    def post(self, path, body, token=None):
        # (Odoo 11 takes a body declared application/json for its own JSON-RPC: the gateway declares text/plain)
        headers = {"Content-Type": "text/plain; charset=utf-8"}
        if token:
            headers["Authorization"] = "Bearer " + token
        return self.opener.post("http://%s:%s%s" % (common.HOST, common.PORT, path), data=json.dumps(body),
                                headers=headers, timeout=30)

    def test_route(self):
        # Odoo 11: the server's requests use the registry's test cursor (one at a time, under a lock), not the test
        # case's own — the data is made and checked through it, closed while the server answers
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            gateway = env["ukkr.sms.gateway"].create({"name": "Шлюз (маршрут)", "url": "http://127.0.0.1:9/"})
            gateway.action_new_report_token()
            notice, message = sent_sms_notice(env, gateway, "R-1", "SMS-REP-0003")
            other, second = sent_sms_notice(env, gateway, "R-2", "SMS-REP-0004")
            gateway_id, token = gateway.id, gateway.report_token
            ids = (notice.id, message.id, second.id)
        path = "/ukkr/sms/report/%d" % gateway_id
        report = {"id": "R-1", "status": "delivered", "time": "2026-11-21T09:00:00+07:00"}
        for wrong in (None, "not-the-token", token + "x"):
            self.assertEqual(self.post(path, report, wrong).status_code, 403)
        self.assertEqual(self.post("/ukkr/sms/report/%d" % (gateway_id + 1000), report, token).status_code, 403,
                         "unknown gateway: the same answer")
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["ukkr.sms.message"].invalidate_cache()   # one cache for all environments: re-read
            self.assertEqual(env["ukkr.sms.message"].browse(ids[1]).state, "sent", "refused reports change nothing")
        response = self.post(path, [report], token)
        self.assertEqual((response.status_code, response.json()), (200, {"applied": 1, "unknown": []}))
        # the same as form fields (what many gateways post)
        response = self.opener.post("http://%s:%s%s" % (common.HOST, common.PORT, path),
                                    data={"id": "R-2", "status": "expired"}, headers={"X-UKKR-Token": token},
                                    timeout=30)
        self.assertEqual((response.status_code, response.json()["applied"]), (200, 1))
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["ukkr.sms.message"].invalidate_cache()
            notice, message, second = (env["ukkr.notice"].browse(ids[0]), env["ukkr.sms.message"].browse(ids[1]),
                                       env["ukkr.sms.message"].browse(ids[2]))
            self.assertEqual((message.state, notice.state, notice.date_delivered, second.state),
                             ("delivered", "delivered", "2026-11-21", "failed"))
