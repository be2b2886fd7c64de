from odoo import api, fields, models

from .ukkr_payment import CHANNELS


class UkkrPaymentChannel(models.Model):
    """A way to pay (measure 16): the register of payment channels with the instructions notices print."""
    _name = "ukkr.payment.channel"
    _description = "Payment channel"
    _order = "sequence, id"

    code = fields.Selection(CHANNELS, "Ledger channel", required=True,
                            help="The channel of the ledger's payments that this entry describes.")
    name = fields.Char("Name", required=True)
    how_to_pay = fields.Text("How to pay", help="Instructions for the payer, printed in notices.")
    active = fields.Boolean(default=True)
    sequence = fields.Integer("Sequence", default=10)

    _sql_constraints = [("code_uniq", "unique(code)", "Each ledger channel is described once.")]

    @api.model
    def _how_to_pay_text(self):
        """The payer's instructions of the active channels, one paragraph each — for notices and letters."""
        return "\n".join("%s: %s" % (channel.name, channel.how_to_pay.strip())
                         for channel in self.search([]) if (channel.how_to_pay or "").strip())
