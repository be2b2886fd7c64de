from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class UkkrRuleEnforcement(models.Model):
    """The parameters of enforcement by the bailiffs and by the creditor himself (229-ФЗ)."""
    _name = "ukkr.rule.enforcement"
    _inherit = "ukkr.rule.dated.mixin"
    _description = "Enforcement parameters (229-ФЗ)"
    _order = "date_from desc"

    name = fields.Char("Name", required=True)
    employer_limit = fields.Float("Writ to the employer or pension payer: up to, RUB", required=True,
                                  default=100000.0, digits=(16, 2))
    voluntary_days = fields.Integer("Voluntary period, working days", required=True, default=5)
    travel_ban_threshold = fields.Float("Travel ban: debt from, RUB", required=True, default=30000.0,
                                        digits=(16, 2))
    travel_ban_late_threshold = fields.Float("Travel ban later: debt over, RUB", default=10000.0, digits=(16, 2),
                                             help="0: no such rule.")
    travel_ban_late_months = fields.Integer("Travel ban later: months after the voluntary period", default=2)
    writ_years = fields.Integer("Writ presentation period, years", required=True, default=3)
    representation_months = fields.Integer("Re-presentation after return as uncollectable, months", required=True,
                                           default=6)
    fee_percent = fields.Float("Enforcement fee, %", required=True, default=7.0, digits=(6, 2))
    fee_min_individual = fields.Float("Fee minimum: citizen or sole trader, RUB", required=True, default=1000.0,
                                      digits=(16, 2))
    fee_min_organisation = fields.Float("Fee minimum: organisation, RUB", required=True, default=10000.0,
                                        digits=(16, 2))

    @api.constrains("date_from", "date_to", "employer_limit", "voluntary_days", "travel_ban_threshold",
                    "writ_years", "representation_months", "fee_percent")
    def _check_values(self):
        for rule in self:
            if min(rule.employer_limit, rule.travel_ban_threshold, rule.travel_ban_late_threshold,
                   rule.fee_min_individual, rule.fee_min_organisation) < 0 \
                    or min(rule.voluntary_days, rule.writ_years, rule.representation_months,
                           rule.travel_ban_late_months) < 0 or not 0 < rule.fee_percent < 100:
                raise ValidationError(_("Enforcement parameters are non-negative and the fee is between 0 and 100 %."))
        self._check_dated()
