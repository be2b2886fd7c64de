from odoo import api, fields, models

from .ukkr_payment import CHANNELS

NOT_PAYER_CHANNELS = ("fssp", "work_off")   # recoveries by the bailiffs and the work-off set-off


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
    def _payer_channels(self):
        """``[(name, how to pay)]`` of the active channels a payer uses by himself, in the register's order: what
        every document that tells a payer how to pay prints (notice letters and e-mails, entrance notices,
        agreements) — one register, no text in the templates (measure 16). The bailiffs' recoveries and the
        work-off set-off are not ways to pay and are left out."""
        return [(channel.name, channel.how_to_pay.strip()) for channel in self.sudo().search([])
                if (channel.how_to_pay or "").strip() and channel.code not in NOT_PAYER_CHANNELS]

    @api.model
    def _how_to_pay_text(self):
        """The payer's instructions of the active channels, one paragraph each — for notices and letters."""
        return "\n".join("%s: %s" % channel for channel in self._payer_channels())
