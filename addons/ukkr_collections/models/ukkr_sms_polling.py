"""Polling the SMS gateway's status API (measure 10) for the messages whose delivery report has not come.

A gateway that cannot call back (or whose callback was lost) is asked by the scheduled action «SMS: ask the gateways
about delivery»: for each active gateway with polling on, the sent messages of the last ``poll_days`` days without a
report, those asked longest ago first, ``POLL_BATCH`` per run, in requests of the protocol's size. The answers go
through the same path as the gateway's own delivery reports (``_apply_delivery_reports``): a delivered message
proves its notice's delivery, a failed one marks it failed. A gateway that does not answer is left for the next
run (logged); nothing is changed for it.
"""
import logging
from datetime import timedelta

from odoo import api, fields, models

from . import sms_providers

_logger = logging.getLogger(__name__)
POLL_BATCH = 500


class UkkrSmsGatewayPolling(models.Model):
    _inherit = "ukkr.sms.gateway"

    poll_status = fields.Boolean("Ask for delivery status", default=True, track_visibility="onchange",
                                 help="The scheduled action asks the gateway about the sent messages that have no "
                                      "delivery report yet.")
    status_url = fields.Char("Status URL", track_visibility="onchange",
                             help="Generic JSON protocol: the address of the status request (empty: made from the "
                                  "send address by the gateway's rule).")
    poll_days = fields.Integer("Ask for, days", default=3, track_visibility="onchange",
                               help="Messages sent longer ago are no longer asked about.")

    def _config(self):
        config = super()._config()
        config["status_url"] = self.sudo().status_url
        return config


class UkkrSmsMessagePolling(models.Model):
    _inherit = "ukkr.sms.message"

    status_checked_at = fields.Datetime("Status asked at", readonly=True, copy=False,
                                        help="When the gateway was last asked about this message's delivery.")

    @api.model
    def _cron_poll_delivery(self, limit=POLL_BATCH):
        """The scheduled action: ask every active gateway with polling on; returns ``{gateway id: (asked,
        applied)}``."""
        result = {}
        for gateway in self.env["ukkr.sms.gateway"].sudo().search([("poll_status", "=", True)]):
            result[gateway.id] = self.sudo()._poll_gateway(gateway, limit)
        return result

    @api.model
    def _poll_gateway(self, gateway, limit):
        now = self._now()
        since = now - timedelta(days=max(gateway.poll_days, 0))
        self.env.cr.execute("""
            SELECT id, provider_message_id FROM ukkr_sms_message
            WHERE gateway_id = %s AND state = 'sent' AND provider_message_id IS NOT NULL AND sent_at >= %s
            ORDER BY status_checked_at NULLS FIRST, sent_at, id LIMIT %s""",
                            (gateway.id, fields.Datetime.to_string(since), limit))
        rows = self.env.cr.fetchall()
        if not rows:
            return (0, 0)
        adapter = gateway._adapter()
        asked, applied = 0, 0
        size = adapter.STATUS_BATCH
        for start in range(0, len(rows), size):
            chunk = rows[start:start + size]
            try:
                reports = adapter.status([provider_id for _id, provider_id in chunk])
            except sms_providers.SmsError as exc:
                _logger.warning("SMS gateway %s did not answer the status request: %s %s", gateway.name,
                                exc.kind, exc.detail)
                break
            self.env.cr.execute("UPDATE ukkr_sms_message SET status_checked_at = %s WHERE id IN %s",
                                (fields.Datetime.to_string(now), tuple(mid for mid, _p in chunk)))
            asked += len(chunk)
            for report in reports:   # a status without its time: delivered by now
                report["time"] = report.get("time") or fields.Datetime.to_string(now)
            applied += self._apply_delivery_reports(gateway, reports)[0]
        self.invalidate_cache(["status_checked_at"])
        _logger.info("SMS gateway %s: asked about %d messages, %d delivery states changed", gateway.name, asked,
                     applied)
        return (asked, applied)
