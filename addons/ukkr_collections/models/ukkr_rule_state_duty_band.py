from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .selections import CONFIDENCE
from .money import rub


class UkkrRuleStateDutyBand(models.Model):
    """One line of a state-duty scale: above ``lower`` the duty is fixed part + percent of the excess, within min/max."""
    _name = "ukkr.rule.state.duty.band"
    _description = "State duty band"
    _order = "scale_id, lower"

    scale_id = fields.Many2one("ukkr.rule.state.duty", "Scale", required=True, ondelete="cascade")
    lower = fields.Float("Claims above, RUB", required=True, digits=(16, 2),
                         help="The band applies to claims greater than this amount (the first band: from 0).")
    fixed = fields.Float("Fixed part, RUB", digits=(16, 2))
    percent = fields.Float("Percent of the excess", digits=(6, 3))
    minimum = fields.Float("Minimum, RUB", digits=(16, 2), help="0: none.")
    maximum = fields.Float("Maximum, RUB", digits=(16, 2), help="0: none.")
    confidence = fields.Selection(CONFIDENCE, "Confidence", required=True, default="high")

    @api.multi
    def name_get(self):
        names = []
        for band in self:
            names.append((band.id, _("%s: claims above %s RUB") % (band.scale_id.display_name, rub(band.lower))))
        return names

    _sql_constraints = [("scale_lower_uniq", "unique(scale_id, lower)", "Each band of a scale has its own lower bound.")]

    @api.constrains("lower", "fixed", "percent", "minimum", "maximum")
    def _check_values(self):
        for band in self:
            if min(band.lower, band.fixed, band.percent, band.minimum, band.maximum) < 0 or band.percent >= 100 \
                    or (band.maximum and band.maximum < band.minimum):
                raise ValidationError(_("A state duty band has non-negative amounts, a percent below 100 and a "
                                        "maximum not below its minimum."))
