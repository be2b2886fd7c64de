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

    @api.constrains("day_from", "day_to", "divisor")
    def _check_values(self):
        for band in self:
            if band.day_from < 1 or (band.day_to and band.day_to < band.day_from) or band.divisor < 0:
                raise ValidationError(_("A penalty band runs from day 1 on, ends after it starts and has a "
                                        "non-negative divisor."))
