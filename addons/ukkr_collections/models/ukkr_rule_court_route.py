from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .selections import PAYER_KINDS
from .money import rub

APPLICATION_KINDS = [("court_order", "Court order"), ("claim", "Claim")]
COURT_KINDS = [("magistrate", "Magistrate"), ("district", "District court"), ("arbitration", "Arbitration court")]
PROCEDURES = [("court_order", "Court order procedure (no hearing)"), ("simplified", "Simplified procedure"),
              ("ordinary", "Ordinary claim procedure")]


class UkkrRuleCourtRoute(models.Model):
    """Where a debt of a payer kind goes: this kind of application, up to this amount, to this court and procedure."""
    _name = "ukkr.rule.court.route"
    _inherit = "ukkr.rule.dated.mixin"
    _description = "Court jurisdiction rule"
    _order = "payer_kind, kind, amount_limit"

    payer_kind = fields.Selection(PAYER_KINDS, "Payer kind", required=True)
    kind = fields.Selection(APPLICATION_KINDS, "Application", required=True)
    amount_limit = fields.Float("Up to, RUB (inclusive)", digits=(16, 2), help="0: any amount.")
    court = fields.Selection(COURT_KINDS, "Court", required=True)
    procedure = fields.Selection(PROCEDURES, "Procedure", required=True)

    def _label(self, field):
        """The record's value of a selection field as the reader's language shows it."""
        return dict(self._fields[field]._description_selection(self.env)).get(self[field], "")

    @api.multi
    def name_get(self):
        names = []
        for route in self:
            limit = (_("up to %s RUB") % rub(route.amount_limit)) if route.amount_limit else _("any amount")
            names.append((route.id, "%s · %s · %s → %s" % (route._label("kind"), route._label("payer_kind"), limit,
                                                           route._label("court"))))
        return names

    @api.constrains("date_from", "date_to", "payer_kind", "kind", "amount_limit")
    def _check_period(self):
        for route in self:
            if route.amount_limit < 0:
                raise ValidationError(_("An amount limit cannot be negative."))
        self._check_dated(("payer_kind", "kind", "amount_limit"))
