from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

COURTS = [("general", "Courts of general jurisdiction and magistrates (НК 333.19)"),
          ("arbitration", "Arbitration courts (НК 333.21)")]


class UkkrRuleStateDuty(models.Model):
    """A state-duty scale for property claims in one kind of court, for filings in a date range, with its bands."""
    _name = "ukkr.rule.state.duty"
    _inherit = "ukkr.rule.dated.mixin"
    _description = "State duty scale"
    _order = "court, date_from desc"

    name = fields.Char("Name", required=True)
    court = fields.Selection(COURTS, "Court", required=True, default="general")
    order_percent = fields.Float("Court order: % of the claim duty", required=True, default=50.0, digits=(6, 2),
                                 help="The duty for a court order is this share of the duty payable on a claim of "
                                      "the same amount (so at least half of the smallest claim duty).")
    order_minimum = fields.Float("Court order: not less than, RUB", digits=(16, 2),
                                 help="The least duty for a court order, whatever the share gives (НК 333.21 "
                                      "п.1 пп.2 in the wording of 259-ФЗ: 8 000). 0: none.")
    band_ids = fields.One2many("ukkr.rule.state.duty.band", "scale_id", "Bands", copy=True)

    @api.constrains("date_from", "date_to", "court")
    def _check_period(self):
        self._check_dated(("court",))

    @api.constrains("order_percent", "order_minimum", "band_ids")
    def _check_bands(self):
        for scale in self:
            if not 0 < scale.order_percent <= 100:
                raise ValidationError(_("The court order share must be between 0 and 100 %."))
            if scale.order_minimum < 0:
                raise ValidationError(_("The least court order duty cannot be negative."))
            lowers = scale.band_ids.mapped("lower")
            if lowers and (min(lowers) != 0 or len(set(lowers)) != len(lowers)):
                raise ValidationError(_("A scale's bands start at 0 and each has its own lower bound."))
