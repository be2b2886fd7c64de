from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .money import rub

NOTICE_KINDS = [("debt_info", "Debt information"), ("warning", "Warning about the debt"),
                ("pp354_warning", "Warning of limitation (ПП № 354)")]
NOTICE_CHANNELS = [("payment_doc", "In the payment document"), ("sms", "SMS"), ("email", "E-mail"),
                   ("gis", "ГИС ЖКХ cabinet"), ("registered_letter", "Registered letter with receipt"),
                   ("hand_delivery", "Hand delivery against signature")]
# channels whose delivery the sender proves by a document or a report (ПП 354 п.119 «а»)
PROVABLE = ("sms", "email", "gis", "registered_letter", "hand_delivery", "payment_doc")


class UkkrNotice(models.Model):
    """Уведомление о задолженности (measure 10 of the plan): what was sent, how, and when delivery is proven.

    The proven delivery date of a ПП 354 warning starts the debtor's 20 days to pay before a service is limited.
    """
    _name = "ukkr.notice"
    _description = "Debt notice"
    _inherit = ["ukkr.case.action", "mail.thread", "ukkr.workflow.mixin"]
    _order = "date desc, id desc"
    _workflow_fields = ("state", "date_sent", "date_delivered", "delivery_proof", "debt_as_of", "debt_amount",
                        "overdue_amount", "penalty_amount", "batch_ref", "sms_message_id", "mail_id")
    _workflow_terms = ("kind", "channel", "account_id", "case_id")
    _dated_steps = {"confirm_delivery": "_confirm_delivery"}
    _measure_number = 10
    _measure_date_field = "date_sent"
    _measure_amount_field = "debt_amount"

    name = fields.Char("Notice", compute="_compute_name", store=True)
    kind = fields.Selection(NOTICE_KINDS, "Content", required=True, default="warning", track_visibility="onchange")
    channel = fields.Selection(NOTICE_CHANNELS, "Delivered by", required=True, default="registered_letter",
                               track_visibility="onchange")
    state = fields.Selection([("draft", "Draft"), ("sent", "Sent"), ("delivered", "Delivered"),
                              ("failed", "Not delivered"), ("cancelled", "Cancelled")], "Status", default="draft",
                             required=True, readonly=True, index=True, track_visibility="onchange")
    date_sent = fields.Date("Sent on", readonly=True, index=True, track_visibility="onchange")
    date_delivered = fields.Date("Delivery proven on", track_visibility="onchange", readonly=True,
                                 help="Date the debtor received the notice, as the proof shows (postal receipt, "
                                      "signature, delivery report). ПП 354: the 20 days run from it.")
    delivery_proof = fields.Char("Proof of delivery", track_visibility="onchange", readonly=True,
                                 help="E.g. postal receipt number, «вручено под подпись», SMS delivery report.")
    proof_attachment = fields.Binary("Proof file", attachment=True)
    proof_filename = fields.Char("Proof file name")
    debt_as_of = fields.Date("Debt as of", readonly=True)
    debt_amount = fields.Float("Debt, RUB", digits=(14, 2), readonly=True)
    overdue_amount = fields.Float("Overdue, RUB", digits=(14, 2), readonly=True)
    penalty_amount = fields.Float("Penalties, RUB", digits=(14, 2), readonly=True)
    pay_by = fields.Date("Pay by", compute="_compute_pay_by", store=True,
                         help="ПП 354 warning: the last day of the 20 days after proven delivery.")
    note = fields.Text("Note")
    batch_ref = fields.Char("Batch", readonly=True, index=True)
    sms_message_id = fields.Many2one("ukkr.sms.message", "SMS", readonly=True, ondelete="set null")
    mail_id = fields.Many2one("mail.mail", "E-mail", readonly=True, ondelete="set null")

    @api.depends("kind", "channel", "account_id")
    def _compute_name(self):
        kinds, channels = self._selection_labels("kind"), self._selection_labels("channel")
        for notice in self:
            notice.name = "%s · %s · %s" % (notice.account_id.name or "", kinds.get(notice.kind, ""),
                                           channels.get(notice.channel, ""))

    @api.depends("kind", "date_delivered")
    def _compute_pay_by(self):
        for notice in self:
            notice.pay_by = False
            if notice.kind == "pp354_warning" and notice.date_delivered:
                dates = self.env["ukkr.rules"].service_limitation_dates(notice.date_delivered)
                notice.pay_by = fields.Date.to_string(dates["pay_until"])

    @api.constrains("date_delivered", "date_sent")
    def _check_dates(self):
        for notice in self:
            if notice.date_delivered and not notice.date_sent:
                raise ValidationError(_("A notice is delivered only after it has been sent."))
            if notice.date_delivered and notice.date_delivered < notice.date_sent:
                raise ValidationError(_("Delivery date %s is before the sending date %s.")
                                      % (fields.Date.from_string(notice.date_delivered).strftime("%d.%m.%Y"),
                                         fields.Date.from_string(notice.date_sent).strftime("%d.%m.%Y")))
            if notice.date_delivered and notice.date_delivered > fields.Date.context_today(self):
                raise ValidationError(_("Delivery cannot be proven for a future date."))

    @api.model
    def _measure_done_domain(self):
        return [("state", "in", ("sent", "delivered"))]

    def _case_deadline(self):
        if self.kind == "pp354_warning" and self.state == "delivered" and self.pay_by:
            return (self.pay_by, _("ПП 354 warning: 20 days to pay end; then the service may be limited"))
        return None

    # ------------------------------------------------------------------ creation with the debt
    @api.model
    def create(self, vals):
        """The debt figures are the ledger's on the day the notice is made, never a client's."""
        self._workflow_check_create(vals)
        vals = dict(vals)
        if vals.get("account_id") or vals.get("case_id"):
            vals = self._fill_case(vals)
            vals.update(self._debt_values(self.env["ukkr.personal.account"].browse(vals["account_id"])))
        with self._workflow_path(creating=True):
            return super().create(vals)

    @api.model
    def _debt_values(self, account):
        today = fields.Date.from_string(fields.Date.context_today(self))
        tranches = account.sudo().debt_tranches(today)
        return {"debt_as_of": fields.Date.to_string(today),
                "debt_amount": round(sum(t["principal"] for t in tranches), 2),
                "overdue_amount": round(sum(t["principal"] for t in tranches if t["days_overdue"] > 0), 2),
                "penalty_amount": round(sum(t["penalty"] for t in tranches), 2)}

    # ------------------------------------------------------------------ buttons
    @api.multi
    def action_send(self):
        """Mark as sent today (paper, ГИС ЖКХ, payment document); SMS and e-mail go through their queues."""
        today = fields.Date.context_today(self)
        for notice in self:
            if notice.state != "draft":
                raise UserError(_("Notice %s has already been sent.") % notice.name)
            with notice._workflow_path():
                notice._dispatch()
            notice._transition({"state": "sent", "date_sent": today})
            if notice.channel == "hand_delivery":
                notice._confirm_delivery(today, _("handed over against signature"))
        return True

    def _dispatch(self):
        """Hand the notice to its channel: SMS into the gateway's queue, e-mail into Odoo's mail queue."""
        if self.channel == "sms":
            message = self.env["ukkr.sms.message"].queue_sms(None, self._sms_text(), account=self.account_id,
                                                             origin=self)
            self.sms_message_id = message.id
        elif self.channel == "email":
            data = self.letter_data()
            mail = self.env["ukkr.mailer"].send_debt_email(
                self.account_id, _("Debt on account %s") % self.account_id.name,
                self.env["ir.qweb"].render("ukkr_collections.notice_email_body",
                                           {"notice": self, "data": data}).decode("utf-8"), origin=self)
            self.mail_id = mail.id
        return True

    def _sms_text(self):
        money = rub(self.debt_amount, " ")
        if self.kind == "pp354_warning":
            return _("МУП «УККР»: debt on account %s is %s RUB. If it is not paid within 20 days of this message, "
                     "the service will be limited (ПП 354).") % (self.account_id.name, money)
        return _("МУП «УККР»: debt on account %s is %s RUB. Please pay it.") % (self.account_id.name, money)

    def _ukkr_sms_state_changed(self, message):
        """Called by the SMS queue: a delivery report proves delivery; a failure is recorded."""
        for notice in self.filtered(lambda n: n.state in ("sent", "failed")):
            if message.state == "delivered":
                # the day of the gateway's delivery report (ukkr_sms_delivery.py), or of sending when the send
                # answer itself said «delivered»
                moment = getattr(message, "delivered_at", False) or message.sent_at or fields.Datetime.now()
                local = self.with_context(tz=self.env.context.get("tz") or self.env.user.tz or "Asia/Krasnoyarsk")
                day = fields.Datetime.context_timestamp(local, fields.Datetime.from_string(moment)).date()
                notice._confirm_delivery(fields.Date.to_string(day), _("SMS delivery report"))
            elif message.state == "failed" and notice.state == "sent":
                notice._transition({"state": "failed"})

    @api.multi
    def action_confirm_delivery(self):
        """«Доставка подтверждена»: asks the day the debtor received the notice and the proof."""
        self.ensure_one()
        if self.state not in ("sent", "failed"):
            raise UserError(_("Only a sent notice can be confirmed as delivered."))
        self.check_access_rule("write")
        return self._open_step("confirm_delivery", _("Delivery of %s proven") % self.name,
                               text_label=_("Proof of delivery"), text_required=True)

    def _confirm_delivery(self, day, proof):
        """Delivery proven on ``day`` by ``proof`` (postal receipt, signature, delivery report)."""
        day = fields.Date.to_string(fields.Date.from_string(day)) if day else fields.Date.context_today(self)
        for notice in self:
            if notice.state not in ("sent", "failed"):
                raise UserError(_("Only a sent notice can be confirmed as delivered."))
            if not (proof or "").strip():
                raise UserError(_("Describe the proof of delivery (postal receipt, signature, delivery report)."))
            notice._transition({"state": "delivered", "date_delivered": day, "delivery_proof": proof.strip()})
            notice.case_id._advance_to("notified", _("Notice delivered: %s.") % notice.name)
        return True

    @api.multi
    def action_mark_failed(self):
        for notice in self:
            if notice.state != "sent":
                raise UserError(_("Only a sent notice can be marked as not delivered."))
        self._transition({"state": "failed"})
        return True

    @api.multi
    def action_cancel(self):
        for notice in self:
            if notice.state != "draft":
                raise UserError(_("Only a draft notice can be cancelled; a sent one stays in the history."))
        self._transition({"state": "cancelled"})
        return True

    @api.multi
    def unlink(self):
        if any(n.state not in ("draft", "cancelled") for n in self):
            raise UserError(_("A sent notice cannot be deleted: it is evidence of the collection work."))
        return super().unlink()

    # ------------------------------------------------------------------ the letter
    def letter_data(self):
        """What the printed letter shows: the debt by period with penalties as of the notice's date."""
        self.ensure_one()
        as_of = fields.Date.from_string(self.debt_as_of or fields.Date.context_today(self))
        tranches = self.account_id.sudo().debt_tranches(as_of)
        channels = self.env["ukkr.payment.channel"]._payer_channels()   # measure 16: from the register
        return {"as_of": as_of, "tranches": [t for t in tranches if t["principal"] > 0 or t["penalty"]],
                "principal": round(sum(t["principal"] for t in tranches), 2),
                "penalty": round(sum(t["penalty"] for t in tranches), 2), "channels": channels}
