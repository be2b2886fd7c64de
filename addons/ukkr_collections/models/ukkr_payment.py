from odoo import fields, models

CHANNELS = [("bank", "Bank"), ("post", "Post office"), ("terminal", "Terminal"), ("cash", "Cash desk"),
            ("online", "Online"), ("fssp", "Bailiffs (ФССП)"), ("employer", "Employer"), ("work_off", "Work-off")]


class UkkrPayment(models.Model):
    """A payment from the billing system; ``doc`` identifies it, so a re-import changes nothing."""
    _name = "ukkr.payment"
    _description = "Payment"
    _order = "date desc, id desc"
    _rec_name = "doc"

    account_id = fields.Many2one("ukkr.personal.account", "Personal account", required=True, ondelete="restrict",
                                 index=True)
    date = fields.Date("Payment date", required=True, index=True)
    amount = fields.Float("Amount", digits=(14, 2), required=True)
    period = fields.Char("Period named by the payer", size=7)
    doc = fields.Char("Payment document", required=True)
    channel = fields.Selection(CHANNELS, "Channel", required=True, default="bank")
    import_id = fields.Many2one("ukkr.billing.import", "Imported by", ondelete="set null")
    close_id = fields.Many2one("ukkr.monthly.close", "Posted by the close of", ondelete="set null", index=True,
                               readonly=True, help="The monthly close whose accounting entry counted this payment "
                                                   "as cash; a payment that arrives after its month was closed is "
                                                   "posted by the next close.")

    _sql_constraints = [("doc_uniq", "unique(doc)", "This payment document has already been imported.")]
