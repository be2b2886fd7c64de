import pytz

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from . import sms_providers, sms_schedule
from odoo.addons.ukkr_debt_plan.models.groups import MANAGER

PROVIDER_SELECTION = [("generic_json", "Generic JSON over HTTP"), ("smsru_form", "SMS.ru-style form API")]


def _tz_selection(self):
    return [(tz, tz) for tz in pytz.common_timezones]


class UkkrSmsGateway(models.Model):
    """An SMS gateway account: where and how ``ukkr.sms.message`` goes out, with its sending window and limits.

    The protocol itself is an adapter of ``sms_providers`` chosen by ``provider``. The token is readable by the
    УККР — руководитель group only (field ``groups``); the scheduled action reads it as the superuser.
    """
    _name = "ukkr.sms.gateway"
    _description = "SMS gateway"
    _inherit = ["mail.thread"]
    _order = "sequence, id"

    name = fields.Char("Name", required=True, track_visibility="onchange")
    sequence = fields.Integer("Sequence", default=10, help="The first active gateway sends new messages.")
    active = fields.Boolean("Active", default=True, track_visibility="onchange")
    provider = fields.Selection(PROVIDER_SELECTION, "Protocol", required=True, default="generic_json",
                                track_visibility="onchange")
    url = fields.Char("URL", required=True, track_visibility="onchange",
                      help="Address the messages are posted to, e.g. https://gateway.example/api/send")
    login = fields.Char("Login", track_visibility="onchange")
    token = fields.Char("Token / password", groups=MANAGER, copy=False)
    sender = fields.Char("Sender name", track_visibility="onchange",
                         help="Alphanumeric sender registered with the provider, e.g. UKKR")
    daily_limit = fields.Integer("Daily limit", default=500, track_visibility="onchange",
                                 help="Messages sent per local day at most; 0 — no limit. The rest waits for the "
                                      "next day.")
    quiet_start = fields.Float("Quiet hours from", default=21.0, track_visibility="onchange")
    quiet_end = fields.Float("Quiet hours until", default=8.0, track_visibility="onchange")
    tz = fields.Selection(_tz_selection, "Time zone", required=True, default="Asia/Krasnoyarsk",
                          track_visibility="onchange")
    max_attempts = fields.Integer("Attempts at most", default=3, track_visibility="onchange")
    retry_delay = fields.Integer("Retry after, minutes", default=10, track_visibility="onchange")
    timeout = fields.Integer("Timeout, seconds", default=10, track_visibility="onchange")
    sent_today = fields.Integer("Sent today", compute="_compute_sent_today")

    @api.constrains("quiet_start", "quiet_end", "daily_limit", "max_attempts", "retry_delay", "timeout", "url")
    def _check_settings(self):
        for gateway in self:
            if not (0 <= gateway.quiet_start < 24 and 0 <= gateway.quiet_end < 24):
                raise ValidationError(_("Quiet hours are times of day from 00:00 to 23:59."))
            if gateway.daily_limit < 0 or gateway.max_attempts < 1 or gateway.retry_delay < 0 \
                    or not 1 <= gateway.timeout <= 120:
                raise ValidationError(_("The daily limit and the retry delay cannot be negative, at least one "
                                        "attempt is made and the timeout is 1 to 120 seconds."))
            if not (gateway.url or "").startswith(("http://", "https://")):
                raise ValidationError(_("The gateway URL starts with http:// or https://."))

    def _compute_sent_today(self):
        now = self.env["ukkr.sms.message"]._now()
        for gateway in self:
            gateway.sent_today = gateway._count_today(now) if gateway.id else 0

    # ------------------------------------------------------------------ used by the queue
    @api.model
    def _default_gateway(self):
        return self.search([("active", "=", True)], limit=1)

    def _config(self):
        """The adapter's config; reads the token as the superuser (the caller is the queue or a manager)."""
        self.ensure_one()
        gateway = self.sudo()
        return {"url": gateway.url, "login": gateway.login, "token": gateway.token, "sender": gateway.sender,
                "timeout": gateway.timeout}

    def _adapter(self):
        return sms_providers.get_provider(self.provider, self._config())

    def _quiet_until(self, now):
        self.ensure_one()
        return sms_schedule.quiet_until(now, self.tz, self.quiet_start, self.quiet_end)

    def _count_today(self, now):
        """Messages of this gateway sent in the local day of ``now``, plus those being sent right now."""
        start, end = sms_schedule.local_day_window(now, self.tz)
        self.env.cr.execute("""SELECT count(*) FROM ukkr_sms_message WHERE gateway_id = %s
                               AND (state = 'sending' OR (sent_at >= %s AND sent_at < %s))""",
                            (self.id, start, end))
        return self.env.cr.fetchone()[0]

    def _next_day(self, now):
        """Start of sending on the next local day: its midnight, moved past the quiet hours."""
        _start, end = sms_schedule.local_day_window(now, self.tz)
        return sms_schedule.next_allowed(end, self.tz, self.quiet_start, self.quiet_end)

    # ------------------------------------------------------------------ buttons
    def action_check_connection(self):
        """«Проверить соединение»: asks the provider about the account; the answer is shown either way."""
        self.ensure_one()
        if not self.env.user.has_group(MANAGER):
            raise UserError(_("Only the УККР — manager group checks gateways."))
        try:
            info = self._adapter().check()
        except sms_providers.SmsError as exc:
            raise UserError(_("The gateway «%s» did not accept the check: %s")
                            % (self.name, self.env["ukkr.sms.message"]._error_text(exc)))
        raise UserError(_("Connection to «%s» works. The gateway answered: %s") % (self.name, info))
