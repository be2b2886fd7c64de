from odoo import fields, models


class UkkrPaymentAllocation(models.Model):
    """Which part of a payment went to which ledger line; rebuilt by ``ukkr.ledger.line._allocate_payments``."""
    _name = "ukkr.payment.allocation"
    _description = "Payment allocation"
    _order = "payment_id, ledger_line_id"

    payment_id = fields.Many2one("ukkr.payment", "Payment", required=True, ondelete="cascade", index=True)
    ledger_line_id = fields.Many2one("ukkr.ledger.line", "Ledger line", required=True, ondelete="cascade",
                                     index=True)
    account_id = fields.Many2one("ukkr.personal.account", "Personal account", required=True, ondelete="cascade",
                                 index=True)
    period = fields.Char("Period", size=7, required=True)
    date = fields.Date("Payment date", required=True)
    amount = fields.Float("Amount", digits=(14, 2), required=True)
