from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .selections import PAYER_KINDS


class UkkrCaseTrigger(models.Model):
    """When the monthly close opens a debtor case for a payer kind, and how urgent it is (a dated policy record)."""
    _name = "ukkr.case.trigger"
    _description = "Debtor case trigger"
    _inherit = ["ukkr.rule.mixin"]
    _order = "payer_kind, date_from desc"

    payer_kind = fields.Selection(PAYER_KINDS, "Payer kind", required=True)
    date_from = fields.Date("Valid from", required=True)
    date_to = fields.Date("Valid to")
    months_of_accruals = fields.Float("Overdue ≥ months of accruals", digits=(4, 1), default=2.0,
                                      help="Open a case when the overdue debt reaches this many average monthly "
                                           "accruals (last 12 months with accruals).")
    min_amount = fields.Float("…or overdue ≥ RUB", digits=(14, 2), default=5000.0)
    score_medium = fields.Float("Priority «medium» from (RUB × months)", default=15000.0)
    score_high = fields.Float("Priority «high» from (RUB × months)", default=60000.0)
    score_urgent = fields.Float("Priority «urgent» from (RUB × months)", default=300000.0)

    def _label(self, field):
        """The record's value of a selection field as the reader's language shows it."""
        return dict(self._fields[field]._description_selection(self.env)).get(self[field], "")

    @api.multi
    def name_get(self):
        names = []
        for trigger in self:
            names.append((trigger.id, _("%s from %s") % (
                trigger._label("payer_kind"), fields.Date.from_string(trigger.date_from).strftime("%d.%m.%Y"))))
        return names

    @api.constrains("date_from", "date_to", "months_of_accruals", "min_amount", "payer_kind")
    def _check_values(self):
        for rec in self:
            if rec.date_to and rec.date_to < rec.date_from:
                raise ValidationError(_("The trigger ends before it starts."))
            if rec.months_of_accruals <= 0 or rec.min_amount <= 0:
                raise ValidationError(_("Months of accruals and the amount must be positive."))
            if not rec.score_medium <= rec.score_high <= rec.score_urgent:
                raise ValidationError(_("Priority thresholds must grow: medium ≤ high ≤ urgent."))
            overlap = self.search([("id", "!=", rec.id), ("payer_kind", "=", rec.payer_kind),
                                   "|", ("date_to", "=", False), ("date_to", ">=", rec.date_from)]
                                  + ([("date_from", "<=", rec.date_to)] if rec.date_to else []))
            if overlap:
                raise ValidationError(_("Two triggers for one payer kind overlap in time; end the old one first."))

    @api.model
    def _in_force(self, on_date):
        """``{payer_kind: trigger}`` of the triggers valid on a date."""
        on_date = fields.Date.to_string(on_date) if not isinstance(on_date, str) else on_date
        triggers = self.search([("date_from", "<=", on_date), "|", ("date_to", "=", False),
                                ("date_to", ">=", on_date)])
        return {t.payer_kind: t for t in triggers}
