"""Delivery reports of SMS gateways (measure 10): an SMS notice counts as delivered only when the gateway says so.

The gateway calls ``POST /ukkr/sms/report/<gateway id>`` (``controllers/sms_report.py``) with the header
``Authorization: Bearer <token>`` (or ``X-UKKR-Token``) — the token the manager generates on the gateway — and a
JSON object or list of objects (declared ``text/plain``: Odoo 11 routes ``application/json`` to its JSON-RPC) ``{"id": <gateway's message id> | "client_id": "ukkr-sms-<n>", "status":
"delivered" | "failed" | …, "time": ISO 8601}`` (or the same as form fields). A delivered report sets the message
«delivered» with its time and proves the notice's delivery on that day; a failure report marks it failed.
"""
import secrets
from datetime import timezone

from dateutil import parser as date_parser

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

MANAGER = "ukkr_debt_plan.group_ukkr_manager"
DELIVERED = ("delivered", "delivrd", "read", "доставлено")
FAILED = ("failed", "undelivered", "undeliv", "expired", "rejected", "error", "deleted", "не доставлено")
MAX_REPORTS = 1000


def report_outcome(status):
    """'delivered', 'failed' or None (an intermediate status: accepted, enroute, queued…)."""
    value = str(status or "").strip().lower()
    if value in DELIVERED:
        return "delivered"
    if value in FAILED:
        return "failed"
    return None


def report_time(text, default):
    """The report's time as a naive UTC datetime; ``default`` when absent or unreadable."""
    try:
        moment = date_parser.isoparse(str(text)) if text else None
    except (ValueError, OverflowError):
        moment = None
    if not moment:
        return default
    if moment.tzinfo:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment


class UkkrSmsGatewayReports(models.Model):
    _inherit = "ukkr.sms.gateway"

    report_token = fields.Char("Delivery report token", groups=MANAGER, copy=False, readonly=True,
                               help="The gateway sends delivery reports with this token (Authorization: Bearer …).")
    report_path = fields.Char("Delivery report address", compute="_compute_report_path",
                              help="Give the gateway this address (after the server's own) for delivery reports.")

    def _compute_report_path(self):
        for gateway in self:
            gateway.report_path = "/ukkr/sms/report/%d" % gateway.id if gateway.id else False

    @api.multi
    def action_new_report_token(self):
        """«Новый ключ для отчётов о доставке»: a new random token (the old one stops working at once)."""
        if not self.env.user.has_group(MANAGER):
            raise AccessError(_("Only the УККР — manager group sets the gateways' keys."))
        for gateway in self:
            gateway.sudo().write({"report_token": secrets.token_urlsafe(32)})
        return True


class UkkrSmsMessageReports(models.Model):
    _inherit = "ukkr.sms.message"

    delivered_at = fields.Datetime("Delivered at", readonly=True, copy=False,
                                   help="Time of delivery as the gateway's delivery report gives it.")

    @api.model
    def _apply_delivery_reports(self, gateway, reports):
        """Apply the gateway's reports (list of dicts); returns ``(applied, unknown)`` — counts of reports that
        changed a message and the message references nobody knows. Called as the superuser by the route, once the
        gateway's token is checked."""
        applied, unknown = 0, []
        now = fields.Datetime.from_string(fields.Datetime.now())
        Message = self.sudo()
        for report in reports[:MAX_REPORTS]:
            if not isinstance(report, dict):
                continue
            reference = str(report.get("id") or report.get("message_id") or report.get("sms_id") or "").strip()
            client = str(report.get("client_id") or "").strip()
            domain = [("gateway_id", "=", gateway.id), ("state", "in", ("sent", "delivered", "failed"))]
            message = Message.browse()
            if reference:
                message = Message.search(domain + [("provider_message_id", "=", reference)], limit=1)
            if not message and client.startswith("ukkr-sms-") and client[9:].isdigit():
                message = Message.search(domain + [("id", "=", int(client[9:]))], limit=1)
            if not message:
                unknown.append(reference or client)
                continue
            outcome = report_outcome(report.get("status"))
            moment = report_time(report.get("time") or report.get("delivered_at"), now)
            line = _("%s delivery report: %s") % (fields.Datetime.to_string(moment), report.get("status"))
            if outcome == "delivered" and message.state != "delivered":
                message._transition({"state": "delivered", "delivered_at": fields.Datetime.to_string(moment),
                               "attempt_log": "\n".join(filter(None, [message.attempt_log, line]))})
            elif outcome == "failed" and message.state == "sent":
                message._transition({"state": "failed", "last_error": line,
                               "attempt_log": "\n".join(filter(None, [message.attempt_log, line]))})
            else:
                continue
            message._notify_outcome()
            applied += 1
        return applied, unknown
