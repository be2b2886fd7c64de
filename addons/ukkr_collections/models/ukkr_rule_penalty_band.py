from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .selections import PAYER_KINDS


class UkkrRulePenaltyBand(models.Model):
    """Penalty factor per overdue day for a payer kind: from day N to day M, 1/divisor of the rate (0 = none)."""
    _name = "ukkr.rule.penalty.band"
    _inherit = "ukkr.rule.mixin"
    _description = "Penalty band"
    _order = "payer_kind, day_from"

    payer_kind = fields.Selection(PAYER_KINDS, "Payer kind", required=True)
    day_from = fields.Integer("From overdue day", required=True, default=1)
    day_to = fields.Integer("To overdue day", help="Empty (0): no end.")
    divisor = fields.Integer("Share of the rate: 1 /", required=True, help="0: no penalty on these days.")

    @api.constrains("day_from", "day_to", "divisor")
    def _check_values(self):
        for band in self:
            if band.day_from < 1 or (band.day_to and band.day_to < band.day_from) or band.divisor < 0:
                raise ValidationError(_("A penalty band runs from day 1 on, ends after it starts and has a "
                                        "non-negative divisor."))
