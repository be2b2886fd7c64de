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

    @api.model
    def _ukkr_translate_created_notes(self):
        """«Plan measure создано»: the note Odoo logs when a record is created names the model in the language of
        the moment, which was none when the modules' data were installed or a scheduled action ran (both now run
        with a language: data records log nothing, scheduled actions run in their user's language). The notes
        already written get the model's Russian name. Runs at every install and update; one UPDATE per model."""
        self.env.cr.execute("SELECT DISTINCT model FROM mail_message WHERE model LIKE 'ukkr.%%'")
        for (model,) in self.env.cr.fetchall():
            record = self.env["ir.model"].search([("model", "=", model)], limit=1)
            if not record:
                continue
            source, russian = record.with_context(lang=None).name, record.with_context(lang="ru_RU").name
            if source == russian:
                continue
            self.env.cr.execute("""UPDATE mail_message SET body = %s WHERE model = %s AND body IN %s""",
                                ("<p>%s создано</p>" % russian, model,
                                 ("<p>%s создано</p>" % source, "<p>%s created</p>" % source)))
        return True
