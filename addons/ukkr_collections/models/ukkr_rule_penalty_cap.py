from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class UkkrRulePenaltyCap(models.Model):
    """A period in which the rate for penalties is limited (ПП № 474 and its extensions)."""
    _name = "ukkr.rule.penalty.cap"
    _inherit = "ukkr.rule.mixin"
    _description = "Penalty rate cap"
    _order = "date_from desc"

    name = fields.Char("Name", required=True)
    date_from = fields.Date("From", required=True)
    date_to = fields.Date("To", required=True)
    cap_rate = fields.Float("Cap, % per year", required=True, digits=(6, 2), default=9.5)
    mode = fields.Selection([("fixed", "Always the cap rate"), ("lower_of", "The lower of the cap and the key rate")],
                            "How it applies", required=True, default="lower_of")

    @api.constrains("date_from", "date_to", "cap_rate")
    def _check_values(self):
        for record in self:
            if record.date_to < record.date_from:
                raise ValidationError(_("The cap period ends before it starts."))
            if not 0 < record.cap_rate < 100:
                raise ValidationError(_("A cap rate must be between 0 and 100 %."))
            overlap = self.search_count([("id", "!=", record.id), ("date_from", "<=", record.date_to),
                                         ("date_to", ">=", record.date_from)])
            if overlap:
                raise ValidationError(_("Cap periods must not overlap."))
