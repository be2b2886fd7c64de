from odoo import api, fields, models


class UkkrLedgerLine(models.Model):
    """The debt ledger: one line per personal account × period (YYYY-MM) × service.

    Written set-based by the billing import (accrued), the payment allocation (paid), penalties and write-offs.
    """
    _name = "ukkr.ledger.line"
    _description = "Debt ledger line"
    _order = "account_id, period, service_id"
    _rec_name = "period"

    account_id = fields.Many2one("ukkr.personal.account", "Personal account", required=True, ondelete="cascade",
                                 index=True)
    period = fields.Char("Period", size=7, required=True, index=True)
    service_id = fields.Many2one("ukkr.service", "Service", required=True, ondelete="restrict")
    accrued = fields.Float("Accrued", digits=(14, 2))
    paid = fields.Float("Paid", digits=(14, 2))
    correction = fields.Float("Corrections", digits=(14, 2))
    penalty = fields.Float("Penalties", digits=(14, 2))
    written_off = fields.Float("Written off", digits=(14, 2))
    balance = fields.Float("Unpaid principal", digits=(14, 2), compute="_compute_balance")

    _sql_constraints = [("line_uniq", "unique(account_id, period, service_id)",
                         "There is already a ledger line for this account, period and service.")]

    @api.depends("accrued", "paid", "correction", "written_off")
    def _compute_balance(self):
        for line in self:
            line.balance = line.accrued + line.correction - line.paid - line.written_off
