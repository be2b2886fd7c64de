from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class UkkrRuleDatedMixin(models.AbstractModel):
    """A legal rule in force over a period of dates: a new law is a new record, the old one gets its end date."""
    _name = "ukkr.rule.dated.mixin"
    _inherit = "ukkr.rule.mixin"
    _description = "Dated legal rule record"

    date_from = fields.Date("In force from", required=True)
    date_to = fields.Date("In force to", help="Empty: until further notice.")

    def _check_dated(self, key_fields=()):
        """The period is ordered and no two records with the same ``key_fields`` are in force on the same day."""
        for record in self:
            if record.date_to and record.date_to < record.date_from:
                raise ValidationError(_("A rule's period ends before it starts."))
            domain = [("id", "!=", record.id), ("date_from", "<=", record.date_to or "9999-12-31"),
                      "|", ("date_to", "=", False), ("date_to", ">=", record.date_from)]
            for name in key_fields:
                value = record[name]
                domain.append((name, "=", value.id if isinstance(value, models.BaseModel) else value))
            if self.search_count(domain):
                raise ValidationError(_("Two records of this rule would be in force on the same days: set «In force "
                                        "to» on the older record before adding a new one."))

    @api.model
    def _in_force(self, on_date, domain=None):
        """The record in force on ``on_date`` (a date or YYYY-MM-DD) among those matching ``domain``; empty if none."""
        day = fields.Date.to_string(on_date) if not isinstance(on_date, str) else on_date
        return self.search((domain or []) + [("date_from", "<=", day), "|", ("date_to", "=", False),
                                             ("date_to", ">=", day)], order="date_from desc", limit=1)
