from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .selections import PAYER_KINDS
from .ukkr_personal_account import TENURES


class UkkrDebtSnapshot(models.Model):
    """One account's debt frozen at the end of a closed month: what last month's reports are made of."""
    _name = "ukkr.debt.snapshot"
    _description = "Debt snapshot"
    _order = "period desc, account_id"
    _rec_name = "period"

    close_id = fields.Many2one("ukkr.monthly.close", "Monthly close", required=True, ondelete="cascade", index=True)
    period = fields.Char("Period", size=7, required=True, index=True)
    account_id = fields.Many2one("ukkr.personal.account", "Personal account", required=True, ondelete="cascade",
                                 index=True)
    partner_id = fields.Many2one("res.partner", "Payer")
    settlement_id = fields.Many2one("ukkr.settlement", "Settlement", index=True)
    building_id = fields.Many2one("ukkr.building", "Building")
    payer_kind = fields.Selection(PAYER_KINDS, "Payer kind")
    tenure = fields.Selection(TENURES, "Tenure")
    is_municipal = fields.Boolean("Municipal housing")
    accrued = fields.Float("Accrued in the month", digits=(14, 2))
    paid = fields.Float("Paid in the month", digits=(14, 2))
    debt = fields.Float("Debt", digits=(14, 2))
    overdue_debt = fields.Float("Overdue debt", digits=(14, 2))
    debt_current = fields.Float("Not overdue", digits=(14, 2))
    debt_1_3 = fields.Float("1–3 months", digits=(14, 2))
    debt_3_6 = fields.Float("3–6 months", digits=(14, 2))
    debt_6_12 = fields.Float("6–12 months", digits=(14, 2))
    debt_12_36 = fields.Float("1–3 years", digits=(14, 2))
    debt_barred = fields.Float("Time-barred", digits=(14, 2))
    penalty = fields.Float("Penalties", digits=(14, 2))
    months_in_debt = fields.Integer("Months in debt", group_operator="max")
    last_payment_date = fields.Date("Last payment")

    _sql_constraints = [("account_period_uniq", "unique(period, account_id)",
                         "An account has one snapshot per closed period.")]

    @api.multi
    def write(self, vals):
        self.check_access_rights("write")   # over RPC: a refusal of rights first, then the business rule
        raise UserError(_("Snapshots of a closed month cannot be changed: reopen the month to close it again."))

    @api.multi
    def unlink(self):
        self.check_access_rights("unlink")
        if not self.env.context.get("ukkr_reopen"):
            raise UserError(_("Snapshots of a closed month cannot be deleted: reopen the month instead."))
        return super().unlink()
