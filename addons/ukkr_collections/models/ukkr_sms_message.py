import logging
import threading
from datetime import datetime, timedelta

import psycopg2
import pytz

from odoo import SUPERUSER_ID, _, api, fields, models, tools
from odoo.exceptions import AccessError, UserError, ValidationError

from . import sms_phone, sms_providers

_logger = logging.getLogger(__name__)

OPERATOR = "ukkr_debt_plan.group_ukkr_operator"
STATES = [("queued", "Queued"), ("sending", "Sending"), ("sent", "Sent"), ("delivered", "Delivered"),
          ("failed", "Failed"), ("cancelled", "Cancelled")]
# written by the queue only (as the superuser): never taken from a user's create/write
SYSTEM_FIELDS = {"state", "attempts", "next_attempt_at", "provider_message_id", "last_error", "attempt_log",
                 "sent_at"}
STUCK_MINUTES = 60  # a message «sending» for longer was interrupted: its outcome is unknown


class UkkrSmsMessage(models.Model):
    """One SMS in the outgoing queue, with its delivery state and attempts.

    ``queue_sms(phone, body, account=None, origin=None)`` puts a message in the queue; the scheduled action runs
    ``_process_queue(limit)`` every few minutes. A message goes out at most once: it is claimed under a row lock
    (``FOR UPDATE SKIP LOCKED``) and marked «sending» before the request; a failed request is retried after the
    gateway's delay up to its number of attempts, then the message is «failed» with its text and error kept.
    """
    _name = "ukkr.sms.message"
    _inherit = ["ukkr.workflow.mixin"]
    _description = "SMS message"
    _workflow_fields = tuple(sorted(SYSTEM_FIELDS | {"res_model", "res_id", "delivered_at"}))
    _rec_name = "phone"
    _order = "id desc"

    phone = fields.Char("Phone", required=True, index=True)
    body = fields.Text("Text", required=True)
    account_id = fields.Many2one("ukkr.personal.account", "Personal account", index=True, ondelete="set null")
    partner_id = fields.Many2one("res.partner", "Recipient", ondelete="set null")
    res_model = fields.Char("Origin model", readonly=True)
    res_id = fields.Integer("Origin record", readonly=True)
    origin_name = fields.Char("Origin", compute="_compute_origin_name")
    gateway_id = fields.Many2one("ukkr.sms.gateway", "Gateway", ondelete="restrict", index=True)
    state = fields.Selection(STATES, "Status", default="queued", required=True, readonly=True, index=True)
    attempts = fields.Integer("Attempts", readonly=True)
    next_attempt_at = fields.Datetime("Next attempt", readonly=True, index=True)
    provider_message_id = fields.Char("Gateway message id", readonly=True, copy=False)
    last_error = fields.Text("Last error", readonly=True, copy=False)
    attempt_log = fields.Text("Attempts log", readonly=True, copy=False)
    sent_at = fields.Datetime("Sent at", readonly=True, copy=False, index=True)

    # ------------------------------------------------------------------ time
    @api.model
    def _now(self):
        """Now, naive UTC. Tests and superuser scripts may set it with the context key ``ukkr_now``."""
        forced = self.env.context.get("ukkr_now")
        if forced and (getattr(threading.currentThread(), "testing", False) or self.env.uid == SUPERUSER_ID):
            return fields.Datetime.from_string(forced) if isinstance(forced, str) else forced
        return datetime.utcnow().replace(microsecond=0)

    # ------------------------------------------------------------------ API
    @api.model
    def queue_sms(self, phone, body, account=None, origin=None):
        """Queue an SMS and return the ``ukkr.sms.message``.

        :param phone: any common Russian writing of a mobile number; empty → the account's phone
        :param body: the text
        :param account: ``ukkr.personal.account`` record or id (refused when it opted out of SMS)
        :param origin: the record the message comes from (e.g. a notice); it is called back through
                       ``_ukkr_sms_state_changed(message)`` when the message is sent, delivered or failed
        """
        if isinstance(account, int):
            account = self.env["ukkr.personal.account"].browse(account)
        vals = {"phone": phone, "body": body, "account_id": account.id if account else False}
        if origin:
            vals.update(res_model=origin._name, res_id=origin.id)
        return self._workflow_create(vals)

    @api.model
    def create(self, vals):
        self._workflow_check_create(vals)
        vals = dict(vals)
        account = self.env["ukkr.personal.account"].browse(vals.get("account_id") or [])
        if account:
            if account.sms_opt_out:
                raise UserError(_("The payer of account %s has refused SMS messages: the message is not "
                                  "queued.") % account.name)
            if not vals.get("partner_id"):
                vals["partner_id"] = account.partner_id.id
            if not vals.get("phone"):
                if not account.phone:
                    raise ValidationError(_("Account %s has no phone number: the SMS cannot be sent.")
                                          % account.name)
                vals["phone"] = account.phone
        vals["phone"] = self._normalised_phone(vals.get("phone"))
        if not (vals.get("body") or "").strip():
            raise ValidationError(_("The SMS has no text."))
        if not vals.get("gateway_id"):
            vals["gateway_id"] = self.env["ukkr.sms.gateway"]._default_gateway().id
        vals.update(state="queued", attempts=0, next_attempt_at=fields.Datetime.to_string(self._now()))
        with self._workflow_path(creating=True):
            return super().create(vals)

    @api.multi
    def write(self, vals):
        if self.env.uid != SUPERUSER_ID and not self._in_workflow_path() \
                and self.filtered(lambda m: m.state != "queued"):
            raise UserError(_("Only a queued SMS can be edited."))
        if "phone" in vals:
            vals = dict(vals, phone=self._normalised_phone(vals["phone"]))
        return super().write(vals)

    @api.multi
    def unlink(self):
        if self.filtered(lambda m: m.state in ("sending", "sent", "delivered")):
            raise UserError(_("A sent SMS is kept as evidence and cannot be deleted."))
        return super().unlink()

    @api.model
    def _normalised_phone(self, raw):
        phone, problem = sms_phone.normalise_ru_phone(raw)
        if phone:
            return phone
        messages = {
            "empty": _("No phone number for the SMS."),
            "letters": _("Phone number «%s» contains letters or other signs: write digits only, "
                         "e.g. +7 913 123-45-67."),
            "country": _("Phone number «%s» is not Russian: SMS are sent only to numbers starting with +7."),
            "length": _("Phone number «%s» has the wrong number of digits: a Russian number has 10 digits "
                        "after +7 or 8."),
            "not_mobile": _("Phone number «%s» is not a mobile number: SMS are sent only to mobile numbers "
                            "(+7 9…)."),
        }
        message = messages[problem]
        raise ValidationError(message % raw if "%s" in message else message)

    def _compute_origin_name(self):
        for message in self:
            name = False
            if message.res_model in self.env and message.res_id:
                try:
                    origin = self.env[message.res_model].browse(message.res_id).exists()
                    name = origin.display_name if origin else False
                except AccessError:
                    name = False
            message.origin_name = name or (message.res_model and "%s,%s" % (message.res_model, message.res_id))

    @api.onchange("account_id")
    def _onchange_account_id(self):
        if self.account_id:
            self.partner_id = self.account_id.partner_id
            self.phone = self.phone or self.account_id.phone

    # ------------------------------------------------------------------ buttons
    def _check_operator(self):
        if not self.env.user.has_group(OPERATOR):
            raise AccessError(_("Only УККР users (operator and above) manage SMS messages."))

    @api.multi
    def action_retry(self):
        """«Повторить»: a failed or cancelled message goes back to the queue with a fresh count of attempts."""
        self._check_operator()
        if self.filtered(lambda m: m.state not in ("failed", "cancelled")):
            raise UserError(_("Only failed or cancelled SMS are sent again."))
        opted = self.mapped("account_id").filtered("sms_opt_out")
        if opted:
            raise UserError(_("The payer of account %s has refused SMS messages: the message is not "
                              "queued.") % opted[0].name)
        self.sudo()._transition({"state": "queued", "attempts": 0,
                                 "next_attempt_at": fields.Datetime.to_string(self._now())})
        return True

    @api.multi
    def action_cancel(self):
        """«Отменить»: a queued message is not sent."""
        self._check_operator()
        if self.filtered(lambda m: m.state != "queued"):
            raise UserError(_("Only a queued SMS can be cancelled."))
        self.sudo()._transition({"state": "cancelled", "last_error": _("Cancelled by %s.") % self.env.user.name})
        return True

    # ------------------------------------------------------------------ the queue
    @api.model
    def _error_text(self, exc):
        templates = {
            "timeout": _("the gateway did not answer within %s s"),
            "connection": _("no connection to the gateway (%s)"),
            "http": _("the gateway answered with an error (%s)"),
            "format": _("the gateway's answer was not understood (%s)"),
            "rejected": _("the gateway refused the message: %s"),
        }
        return templates.get(exc.kind, "%s") % exc.detail

    @api.model
    def _cron_process_queue(self):
        return self._process_queue(limit=200)

    @api.model
    def _process_queue(self, limit=100, auto_commit=None):
        """Send the due queued messages, at most ``limit`` of them; returns the number of attempts made.

        Per gateway: nothing in its quiet hours (due messages get ``next_attempt_at`` at their end), at most its
        daily limit per local day (the rest gets the start of the next day). Messages of opted-out accounts are
        cancelled. ``auto_commit`` (default: on except in tests) commits after claiming and after each message,
        so that a crash never makes a message go out twice.
        """
        self = self.sudo()
        if auto_commit is None:
            auto_commit = not getattr(threading.currentThread(), "testing", False)
        cr = self.env.cr
        now = self._now()
        cr.execute("""UPDATE ukkr_sms_message SET state = 'failed', last_error = %s,
                      write_date = now() at time zone 'utc'
                      WHERE state = 'sending' AND write_date < now() at time zone 'utc' - interval '1 minute' * %s""",
                   (_("Sending was interrupted: the outcome is unknown. Check with the gateway before sending "
                      "again."), STUCK_MINUTES))
        cr.execute("""UPDATE ukkr_sms_message m SET state = 'cancelled', last_error = %s
                      FROM ukkr_personal_account a
                      WHERE m.account_id = a.id AND a.sms_opt_out AND m.state = 'queued'""",
                   (_("The payer refused SMS messages after the message was queued."),))
        default = self.env["ukkr.sms.gateway"]._default_gateway()
        if default:
            cr.execute("UPDATE ukkr_sms_message SET gateway_id = %s WHERE state = 'queued' AND gateway_id IS NULL",
                       (default.id,))
        cr.execute("""SELECT DISTINCT m.gateway_id FROM ukkr_sms_message m
                      JOIN ukkr_sms_gateway g ON g.id = m.gateway_id
                      WHERE m.state = 'queued' AND m.next_attempt_at <= %s AND g.active""", (now,))
        gateway_ids = [row[0] for row in cr.fetchall()]
        self.invalidate_cache()
        if auto_commit:
            cr.commit()
        done = 0
        for gateway in self.env["ukkr.sms.gateway"].browse(gateway_ids):
            if done >= limit:
                break
            try:
                batch = self._claim(gateway, now, limit - done)
            except psycopg2.extensions.TransactionRollbackError:
                if not auto_commit:
                    raise
                cr.rollback()  # another run claimed these messages meanwhile: they are its to send
                continue
            if auto_commit:
                cr.commit()
            for message in batch:
                message._send_one(gateway)
                if auto_commit:
                    cr.commit()
            done += len(batch)
            if gateway.daily_limit and gateway._count_today(now) >= gateway.daily_limit:
                self._defer(gateway, now, gateway._next_day(now))
                if auto_commit:
                    cr.commit()
        return done

    def _defer(self, gateway, now, until):
        self.env.cr.execute("""UPDATE ukkr_sms_message SET next_attempt_at = %s
                               WHERE gateway_id = %s AND state = 'queued' AND next_attempt_at <= %s""",
                            (until, gateway.id, now))
        self.invalidate_cache(["next_attempt_at"])

    def _claim(self, gateway, now, count):
        """Lock and mark «sending» up to ``count`` due messages of ``gateway``; the gateway row is locked too, so
        that two runs do not both count its daily limit."""
        cr = self.env.cr
        cr.execute("SELECT id FROM ukkr_sms_gateway WHERE id = %s FOR UPDATE SKIP LOCKED", (gateway.id,))
        if not cr.fetchone():
            return self.browse()
        until = gateway._quiet_until(now)
        if until:
            self._defer(gateway, now, until)
            return self.browse()
        if gateway.daily_limit:
            left = gateway.daily_limit - gateway._count_today(now)
            if left <= 0:
                self._defer(gateway, now, gateway._next_day(now))
                return self.browse()
            count = min(count, left)
        cr.execute("""SELECT id FROM ukkr_sms_message WHERE gateway_id = %s AND state = 'queued'
                      AND next_attempt_at <= %s ORDER BY next_attempt_at, id LIMIT %s FOR UPDATE SKIP LOCKED""",
                   (gateway.id, now, count))
        ids = [row[0] for row in cr.fetchall()]
        if ids:
            cr.execute("""UPDATE ukkr_sms_message SET state = 'sending', attempts = attempts + 1,
                          write_date = now() at time zone 'utc' WHERE id IN %s""", (tuple(ids),))
            self.invalidate_cache(ids=ids)
        return self.browse(ids)

    def _client_id(self):
        return "ukkr-sms-%d" % self.id

    def _send_one(self, gateway):
        """One attempt for a claimed message; records the outcome, never raises."""
        self.ensure_one()
        try:
            result = gateway._adapter().send(self.phone, self.body, self._client_id())
            error = None
        except sms_providers.SmsError as exc:
            error = self._error_text(exc)
        except Exception as exc:  # a bug must not leave the message «sending»
            _logger.exception("SMS %s: unexpected error", self.id)
            error = str(exc)
        now = self._now()
        stamp = pytz.utc.localize(now).astimezone(pytz.timezone(gateway.tz)).strftime("%d.%m.%Y %H:%M")
        if error:
            line = _("%s attempt %d: %s") % (stamp, self.attempts, error)
            vals = {"last_error": error}
            if self.attempts >= gateway.max_attempts:
                vals["state"] = "failed"
            else:
                vals.update(state="queued",
                            next_attempt_at=fields.Datetime.to_string(now + timedelta(minutes=gateway.retry_delay)))
        else:
            line = _("%s attempt %d: accepted by the gateway as %s") % (stamp, self.attempts,
                                                                         result.provider_id)
            vals = {"state": result.status, "provider_message_id": result.provider_id, "last_error": False,
                    "sent_at": fields.Datetime.to_string(now)}
        vals["attempt_log"] = "\n".join(filter(None, [self.attempt_log, line]))
        self._transition(vals)
        if self.state in ("sent", "delivered", "failed"):
            self._notify_outcome()

    def _notify_outcome(self):
        """The account's chatter gets a note; the origin record is called back if it wants to know."""
        if self.account_id:
            if self.state == "failed":
                body = _("SMS to %s was not sent: %s<br/>%s") % (self.phone, tools.html_escape(self.last_error),
                                                                  tools.html_escape(self.body))
            else:
                body = _("SMS sent to %s:<br/>%s") % (self.phone, tools.html_escape(self.body))
            self.account_id.message_post(body=body, subtype="mail.mt_note")
        if self.res_model in self.env and self.res_id:
            origin = self.env[self.res_model].browse(self.res_id).exists()
            if origin and hasattr(origin, "_ukkr_sms_state_changed"):
                origin._ukkr_sms_state_changed(self)
