from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .money import rub

VISIT_RESULTS = [("met", "Met the debtor"), ("not_home", "Nobody at home"), ("refused", "Refused to talk"),
                 ("promised", "Promised to pay")]


class UkkrVisit(models.Model):
    """Подворовой (поквартирный) обход (measure 12): who went, what happened, what was handed over."""
    _name = "ukkr.visit"
    _description = "Door-to-door visit"
    _inherit = ["ukkr.case.action", "mail.thread"]
    _order = "date desc, id desc"
    _measure_number = 12

    staff_ids = fields.Many2many("res.users", "ukkr_visit_staff_rel", "visit_id", "user_id", "Staff",
                                 default=lambda self: self.env.user)
    result = fields.Selection(VISIT_RESULTS, "Result", required=True, default="met", track_visibility="onchange")
    promised_date = fields.Date("Will pay by")
    promised_amount = fields.Float("Will pay, RUB", digits=(14, 2))
    notice_handed = fields.Boolean("Notice handed over", help="A warning was handed over against signature: the "
                                                              "visit records it as a delivered notice.")
    notice_id = fields.Many2one("ukkr.notice", "Notice handed over", readonly=True, ondelete="set null")
    refusal_act = fields.Boolean("Refusal act drawn up")
    refusal_act_file = fields.Binary("Refusal act (scan)", attachment=True)
    refusal_act_filename = fields.Char("Refusal act file name")
    media_present = fields.Boolean("Media present")
    media_note = fields.Char("Which media")
    photo = fields.Binary("Photo", attachment=True)
    note = fields.Text("What was said")

    @api.constrains("result", "promised_date", "promised_amount", "date", "refusal_act", "refusal_act_file")
    def _check_result(self):
        for visit in self:
            if visit.result == "promised":
                if not visit.promised_date or visit.promised_amount <= 0:
                    raise ValidationError(_("A promise to pay needs a date and an amount."))
                if visit.promised_date < visit.date:
                    raise ValidationError(_("The promised payment date is before the visit."))
            if visit.date > fields.Date.context_today(self):
                raise ValidationError(_("A visit cannot be logged for a future date."))
            if visit.refusal_act and visit.result != "refused":
                raise ValidationError(_("A refusal act is drawn up only when the debtor refused."))

    @api.model
    def create(self, vals):
        visit = super().create(vals)
        if visit.notice_handed:
            visit._hand_over_notice()
        return visit

    @api.multi
    def write(self, vals):
        result = super().write(vals)
        if vals.get("notice_handed"):
            self.filtered(lambda v: not v.notice_id)._hand_over_notice()
        return result

    def _hand_over_notice(self):
        for visit in self:
            if visit.result in ("not_home",):
                raise ValidationError(_("Nobody was at home: no notice could be handed over."))
            notice = self.env["ukkr.notice"].create({
                "account_id": visit.account_id.id, "case_id": visit.case_id.id, "kind": "warning",
                "channel": "hand_delivery", "date": visit.date,
                "note": _("Handed over during the visit of %s.") % fields.Date.from_string(visit.date)
                .strftime("%d.%m.%Y")})
            notice.action_send()
            notice._transition({"date_sent": visit.date, "date_delivered": visit.date})
            super(UkkrVisit, visit).write({"notice_id": notice.id})

    def _case_deadline(self):
        if self.result != "promised" or not self.promised_date:
            return None
        self.env.cr.execute("SELECT coalesce(sum(amount), 0) FROM ukkr_payment WHERE account_id = %s AND date >= %s",
                            (self.account_id.id, self.date))
        if self.env.cr.fetchone()[0] >= self.promised_amount - 0.004:
            return None
        return (self.promised_date, _("Promised to pay %s RUB") % rub(self.promised_amount))
