from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .selections import PENALTY_KINDS


class UkkrRulePenaltyBand(models.Model):
    """Penalty factor per overdue day for a payer kind: from day N to day M, 1/divisor of the rate (0 = none).

    A band may be dated: it applies to debts falling due from ``date_from`` to ``date_to`` (empty: no limit), so a
    change of the law is a new set of bands, the old one closed."""
    _name = "ukkr.rule.penalty.band"
    _inherit = "ukkr.rule.mixin"
    _description = "Penalty band"
    _order = "payer_kind, day_from"

    payer_kind = fields.Selection(PENALTY_KINDS, "Payer kind", required=True)
    date_from = fields.Date("For debts due from", help="Empty: since the earliest rules.")
    date_to = fields.Date("For debts due to", help="Empty: until further notice.")
    day_from = fields.Integer("From overdue day", required=True, default=1)
    day_to = fields.Integer("To overdue day", help="Empty (0): no end.")
    divisor = fields.Integer("Share of the rate: 1 /", required=True, help="0: no penalty on these days.")

    def _label(self, field):
        """The record's value of a selection field as the reader's language shows it."""
        return dict(self._fields[field]._description_selection(self.env)).get(self[field], "")

    @api.multi
    def name_get(self):
        names = []
        for band in self:
            days = (_("days %d–%d") % (band.day_from, band.day_to)) if band.day_to else \
                (_("from day %d") % band.day_from)
            share = (_("1/%d of the rate") % band.divisor) if band.divisor else _("no penalty")
            names.append((band.id, "%s: %s, %s" % (band._label("payer_kind"), days, share)))
        return names

    @api.constrains("day_from", "day_to", "divisor", "date_from", "date_to")
    def _check_values(self):
        for band in self:
            if band.day_from < 1 or (band.day_to and band.day_to < band.day_from) or band.divisor < 0:
                raise ValidationError(_("A penalty band runs from day 1 on, ends after it starts and has a "
                                        "non-negative divisor."))
            if band.date_from and band.date_to and band.date_to < band.date_from:
                raise ValidationError(_("A rule's period ends before it starts."))
