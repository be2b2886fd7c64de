from odoo import api, fields, models


class UkkrInstallmentTranche(models.Model):
    """A period of the account's debt that an installment agreement covers, and how much of it."""
    _name = "ukkr.installment.tranche"
    _description = "Period covered by an installment agreement"
    _inherit = ["ukkr.workflow.line.mixin"]
    _workflow_parent_field = "agreement_id"
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

    @api.model
    def create(self, vals):
        if vals.get("period"):
            self.env["ukkr.rules"]._parse_period(vals["period"])
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if vals.get("period"):
            self.env["ukkr.rules"]._parse_period(vals["period"])
        return super().write(vals)
