from odoo import _, api, fields, models
from odoo.exceptions import UserError


class UkkrInstallmentTranche(models.Model):
    """A period of the account's debt that an installment agreement covers, and how much of it."""
    _name = "ukkr.installment.tranche"
    _description = "Period covered by an installment agreement"
    _order = "agreement_id, period"
    _rec_name = "period"

    agreement_id = fields.Many2one("ukkr.installment.agreement", "Agreement", required=True, ondelete="cascade",
                                   index=True)
    period = fields.Char("Period", size=7, required=True, help="YYYY-MM")
    principal = fields.Float("Unpaid on signing", digits=(14, 2), readonly=True,
                             help="The period's unpaid principal on the signing date (from the ledger; refreshed "
                                  "when the agreement comes into force).")
    amount = fields.Float("Covered", digits=(14, 2), required=True)

    _sql_constraints = [("period_uniq", "unique(agreement_id, period)",
                         "A period is covered once per agreement.")]

    @api.onchange("period")
    def _onchange_period(self):
        agreement = self.agreement_id
        if self.period and agreement.account_id and agreement.date:
            owed = {t["period"]: t["principal"] for t in agreement.account_id.debt_tranches(agreement.date)}
            self.principal = owed.get(self.period, 0.0)
            self.amount = self.principal

    def _check_draft(self, agreements):
        if self.env.context.get("ukkr_agreement_system"):
            return
        for agreement in agreements:
            if agreement.state != "draft":
                raise UserError(_("Agreement %s is no longer a draft: its covered periods cannot be changed.")
                                % agreement.name)

    @api.model
    def create(self, vals):
        self._check_draft(self.env["ukkr.installment.agreement"].browse(vals.get("agreement_id")))
        if vals.get("period"):
            self.env["ukkr.rules"]._parse_period(vals["period"])
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self._check_draft(self.mapped("agreement_id"))
        if vals.get("period"):
            self.env["ukkr.rules"]._parse_period(vals["period"])
        return super().write(vals)

    @api.multi
    def unlink(self):
        self._check_draft(self.mapped("agreement_id"))
        return super().unlink()
