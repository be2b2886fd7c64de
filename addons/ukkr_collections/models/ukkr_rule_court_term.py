from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class UkkrRuleCourtTerm(models.Model):
    """Procedural terms of a court order (ГПК 128, 129; ГПК 107 ч.3): how long the debtor has to object after
    receiving it, and whether non-working days count."""
    _name = "ukkr.rule.court.term"
    _inherit = "ukkr.rule.dated.mixin"
    _description = "Court order terms (ГПК)"
    _order = "date_from desc"

    name = fields.Char("Name", required=True)
    objection_days = fields.Integer("Objections to a court order: days after receipt", required=True, default=10)
    working_days_only = fields.Boolean("Non-working days are not counted", default=True,
                                       help="ГПК 107 ч.3 (from 01.10.2019): terms in days exclude non-working "
                                            "days.")

    @api.constrains("date_from", "date_to", "objection_days")
    def _check_values(self):
        for rule in self:
            if rule.objection_days <= 0:
                raise ValidationError(_("The objection term must be at least one day."))
        self._check_dated()
