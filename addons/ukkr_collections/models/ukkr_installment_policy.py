from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class UkkrInstallmentPolicy(models.Model):
    """How long an installment agreement may run and how late a payment may be before it is breached.

    A dated policy record (no federal rule sets these: УККР's own order, set by the manager). The agreement takes
    the policy in force on its signing date.
    """
    _name = "ukkr.installment.policy"
    _description = "Installment agreement policy"
    _inherit = ["ukkr.rule.mixin"]
    _order = "date_from desc"
    _rec_name = "date_from"

    date_from = fields.Date("Valid from", required=True)
    date_to = fields.Date("Valid to")
    max_months = fields.Integer("Longest term, months", required=True, default=12,
                                help="From the signing date to the last payment of the schedule.")
    grace_days = fields.Integer("Days of grace before breach", required=True, default=10,
                                help="A payment later than its date by more than this many days breaches the "
                                     "agreement.")

    @api.constrains("date_from", "date_to", "max_months", "grace_days")
    def _check_values(self):
        for rec in self:
            if rec.date_to and rec.date_to < rec.date_from:
                raise ValidationError(_("The policy ends before it starts."))
            if rec.max_months < 1 or rec.grace_days < 0:
                raise ValidationError(_("The longest term is at least one month and the grace days are not "
                                        "negative."))
            overlap = self.search([("id", "!=", rec.id), "|", ("date_to", "=", False),
                                   ("date_to", ">=", rec.date_from)]
                                  + ([("date_from", "<=", rec.date_to)] if rec.date_to else []))
            if overlap:
                raise ValidationError(_("Two installment policies overlap in time; end the old one first."))

    @api.multi
    def name_get(self):
        names = []
        for rec in self:   # a loop, not a comprehension: _() reads the language from this frame
            names.append((rec.id, _("From %s: up to %d months, %d days of grace") % (
                fields.Date.from_string(rec.date_from).strftime("%d.%m.%Y"), rec.max_months, rec.grace_days)))
        return names

    @api.model
    def _in_force(self, on_date):
        """The policy valid on a date; a clear error when none is."""
        policy = self.sudo().search([("date_from", "<=", on_date), "|", ("date_to", "=", False),
                                     ("date_to", ">=", on_date)], limit=1)
        if not policy:
            raise UserError(_("No installment policy is in force on %s: the УККР — manager adds one under "
                              "Settings → Installment policies.") % fields.Date.from_string(on_date)
                            .strftime("%d.%m.%Y"))
        return policy
