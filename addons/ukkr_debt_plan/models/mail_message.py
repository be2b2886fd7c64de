from email.utils import formataddr

from odoo import api, fields, models


class MailMessage(models.Model):
    """Staff without an e-mail address of their own still leave history in the chatter.

    Odoo 11 refuses any chatter message (tracking included) by a user without an e-mail address; at a municipal
    utility many operators have none. Their messages are signed with the company's address (or a local one).
    """
    _inherit = "mail.message"

    email_from = fields.Char(default=lambda self: self._get_default_from())

    @api.model
    def _get_default_from(self):
        user = self.env.user
        return formataddr((user.name, user.email or user.company_id.email or "noreply@localhost"))
