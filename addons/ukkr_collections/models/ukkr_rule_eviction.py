from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class UkkrRuleEviction(models.Model):
    """When the municipality, as landlord, may claim the eviction of a social tenant (ЖК 90: more than 6 months
    without payment, with other premises of at least the hostel norm per person, ЖК 105) or the termination of a
    commercial tenancy (ГК 687 ч.2: 6 months without payment)."""
    _name = "ukkr.rule.eviction"
    _inherit = "ukkr.rule.dated.mixin"
    _description = "Eviction and termination terms"
    _order = "date_from desc"

    name = fields.Char("Name", required=True)
    social_months = fields.Integer("Social tenancy: months without payment, more than", required=True, default=6)
    area_per_person = fields.Float("Premises offered: m² per person, at least", required=True, default=6.0,
                                   digits=(6, 1))
    commercial_months = fields.Integer("Commercial tenancy: months without payment, at least", required=True,
                                       default=6)

    @api.constrains("date_from", "date_to", "social_months", "area_per_person", "commercial_months")
    def _check_values(self):
        for rule in self:
            if min(rule.social_months, rule.commercial_months) < 1 or rule.area_per_person <= 0:
                raise ValidationError(_("The months are at least 1 and the area per person is positive."))
        self._check_dated()
