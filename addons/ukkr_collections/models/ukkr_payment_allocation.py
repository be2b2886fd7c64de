from odoo import api, fields, models

from .money import rub


class UkkrPaymentAllocation(models.Model):
    """Which part of a payment went to which ledger line; rebuilt by ``ukkr.ledger.line._allocate_payments``."""
    _name = "ukkr.payment.allocation"
    _description = "Payment allocation"
    _order = "payment_id, ledger_line_id"
    # derived rows, rebuilt from scratch at will (tens of thousands per import): who and when belong to the payment
    # and the import log; without the four audit columns each row also skips two foreign-key checks
    _log_access = False

    payment_id = fields.Many2one("ukkr.payment", "Payment", required=True, ondelete="cascade", index=True)
    ledger_line_id = fields.Many2one("ukkr.ledger.line", "Ledger line", required=True, ondelete="cascade",
                                     index=True)
    # indexed together with the period (init): the close reads an account's allocations of one period
    account_id = fields.Many2one("ukkr.personal.account", "Personal account", required=True, ondelete="cascade")
    period = fields.Char("Period", size=7, required=True)
    date = fields.Date("Payment date", required=True)
    amount = fields.Float("Amount", digits=(14, 2), required=True)

    @api.multi
    def name_get(self):
        return [(rec.id, "%s → %s: %s" % (rec.payment_id.doc or "", rec.period, rub(rec.amount))) for rec in self]

    def init(self):
        # (account, period): the close fetches the allocations of its unpaid tranches; by account alone the
        # index returned all 36 months of the account for each tranche (5 s instead of 1 s at 20 000 accounts)
        self.env.cr.execute("""CREATE INDEX IF NOT EXISTS ukkr_payment_allocation_account_period_index
                               ON ukkr_payment_allocation (account_id, period)""")
