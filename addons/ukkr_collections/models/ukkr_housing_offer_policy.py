from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class UkkrHousingOfferPolicy(models.Model):
    """When a social tenant's debt is chronic enough to offer cheaper housing (measure 15).

    A dated policy record (the district's own order, no federal rule): the number of months with unpaid charges
    from which a municipal social tenant is a candidate.
    """
    _name = "ukkr.housing.offer.policy"
    _description = "Cheaper housing offer policy"
    _inherit = ["ukkr.rule.dated.mixin"]
    _order = "date_from desc"
    _rec_name = "date_from"

    months_in_debt = fields.Integer("Months in debt, at least", required=True, default=6,
                                    help="Periods with unpaid charges from which a social tenant of municipal "
                                         "housing is offered cheaper housing.")

    @api.constrains("date_from", "date_to", "months_in_debt")
    def _check_values(self):
        for policy in self:
            if policy.months_in_debt < 1:
                raise ValidationError(_("The number of months in debt is at least 1."))
        self._check_dated()

    @api.model
    def months_threshold(self, on_date=None):
        policy = self._in_force(on_date or fields.Date.context_today(self))
        return policy.months_in_debt if policy else 6
