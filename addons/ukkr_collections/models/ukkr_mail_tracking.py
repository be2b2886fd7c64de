"""E-mail delivery of notices and letters (measure 10, measure 7) through OCA ``mail_tracking``.

mail_tracking creates a ``mail.tracking.email`` for every ``mail.mail`` it sends and moves its state as the SMTP
server and the tracking events report: sent, delivered, opened, bounced, rejected, spam, error. When that state
changes, the notice or letter whose e-mail it is hears of it: a delivered or opened e-mail proves the notice's
delivery on that day (its ПП 354 20 days run from it), a bounce, a rejection or an SMTP error marks it not
delivered — so measure 10 counts only the e-mail notices that reached the payer or are still on their way.
"""
from odoo import _, api, fields, models

from .ukkr_employer import EMAIL_FAILED

TRACKED_MODELS = ("ukkr.notice", "ukkr.employer.letter")


# mail_tracking's states with labels of our own: its selection has no Russian, and a selection given by a function
# is not exported for translation
EMAIL_STATES = [("error", "Error"), ("deferred", "Deferred"), ("sent", "Sent"), ("delivered", "Delivered"),
                ("opened", "Opened"), ("rejected", "Rejected"), ("spam", "Spam"), ("unsub", "Unsubscribed"),
                ("bounced", "Bounced"), ("soft-bounced", "Soft bounced")]


def email_state_label(state):
    """The tracking state in the user's language (mail_tracking's own labels have no Russian)."""
    return {"delivered": _("delivered"), "opened": _("opened"), "bounced": _("bounced by the recipient's server"),
            "soft-bounced": _("temporarily bounced"), "rejected": _("rejected by the mail server"),
            "spam": _("marked as spam"), "error": _("not sent: mail server error")}.get(state, state)


class MailTrackingEmail(models.Model):
    _inherit = "mail.tracking.email"

    @api.model
    def _translate_failed_messages_field(self):
        """mail_tracking adds «Failed Messages» to every model with a chatter, and its own Russian is empty. A
        field's label is translated per model (its ir.model.fields record), whichever module happened to reflect
        it: every such record gets the Russian label here, at each install and update of the suite's modules."""
        if not self.env["res.lang"].search([("code", "=", "ru_RU")]):
            return
        fields_ = self.env["ir.model.fields"].sudo().search([("name", "=", "failed_message_ids")])
        if fields_:   # a field of Python code: its label is not written through the ORM, its translation is
            self.env["ir.translation"].sudo()._set_ids("ir.model.fields,field_description", "model", "ru_RU",
                                                      fields_.ids, "Письма с ошибкой доставки", "Failed Messages")

    @api.multi
    def write(self, vals):
        result = super().write(vals)
        if vals.get("state"):
            self._ukkr_propagate_state()
        return result

    def _ukkr_propagate_state(self):
        mails = self.mapped("mail_id")
        if not mails:
            return
        for model in TRACKED_MODELS:
            records = self.env[model].sudo().search([("mail_id", "in", mails.ids)])
            for record in records:
                tracking = self.filtered(lambda t: t.mail_id == record.mail_id)[-1:]
                record._ukkr_email_state_changed(tracking.state)


class UkkrNoticeEmailTracking(models.Model):
    _inherit = "ukkr.notice"

    email_state = fields.Selection(EMAIL_STATES,
                                   "E-mail status", compute="_compute_email_state",
                                   help="What the mail server and the tracking say about the notice's e-mail.")

    def _compute_email_state(self):
        _compute_tracking_state(self)

    def _ukkr_email_state_changed(self, state):
        day = fields.Date.context_today(self.with_context(
            tz=self.env.context.get("tz") or self.env.user.tz or "Asia/Krasnoyarsk"))
        for notice in self.filtered(lambda n: n.channel == "email"):
            if state in ("delivered", "opened") and notice.state in ("sent", "failed"):
                notice._confirm_delivery(max(day, notice.date_sent), _("E-mail delivery report: %s")
                                         % email_state_label(state))
            elif state in EMAIL_FAILED and notice.state == "sent":
                notice._transition({"state": "failed"})
                notice.message_post(body=_("E-mail not delivered: %s") % email_state_label(state),
                                    subtype="mail.mt_note")


class UkkrEmployerLetterEmailTracking(models.Model):
    _inherit = "ukkr.employer.letter"

    email_state = fields.Selection(EMAIL_STATES,
                                   "E-mail status", compute="_compute_email_state")

    def _compute_email_state(self):
        _compute_tracking_state(self)


def _compute_tracking_state(records):
    """The state of the latest tracking of each record's e-mail (read as the superuser: the tracking records are
    mail_tracking's, not the user's)."""
    mail_ids = [rec.mail_id.id for rec in records if rec.mail_id]
    states = {}
    if mail_ids:
        for tracking in records.env["mail.tracking.email"].sudo().search([("mail_id", "in", mail_ids)],
                                                                           order="id"):
            states[tracking.mail_id.id] = tracking.state
    for rec in records:
        rec.email_state = states.get(rec.mail_id.id, False)
