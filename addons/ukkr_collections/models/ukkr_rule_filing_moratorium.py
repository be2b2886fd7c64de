from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .selections import PAYER_KINDS


class UkkrRuleFilingMoratorium(models.Model):
    """A moratorium during which the utility does not file for a debt: a decree's days, optionally only for a payer
    kind and only for debts that arose before a date. While one is in force the filing readiness check holds the
    filings it covers. The suite ships none: no moratorium on filing for utility debt is in force as of 12.2026 (the
    2020 and 2022 decrees stopped penalties and enforcement, not filing); a new decree is a new record."""
    _name = "ukkr.rule.filing.moratorium"
    _inherit = "ukkr.rule.dated.mixin"
    _description = "Moratorium on filing"
    _order = "date_from desc"

    name = fields.Char("Name", required=True)
    payer_kind = fields.Selection(PAYER_KINDS, "Payer kind", help="Empty: every payer.")
    debt_before = fields.Date("Only debt due before",
                              help="Empty: every debt. Otherwise only filings claiming a tranche due before this "
                                   "date are held.")

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for record in self:
            if record.date_to and record.date_to < record.date_from:
                raise ValidationError(_("A rule's period ends before it starts."))

    @api.model
    def _covering(self, on_date):
        """The moratoria in force on ``on_date``."""
        day = fields.Date.to_string(on_date)
        return self.sudo().search([("date_from", "<=", day), "|", ("date_to", "=", False), ("date_to", ">=", day)])
