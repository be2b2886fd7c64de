import base64

from odoo import _, api, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.mail import single_email_re
from odoo.addons.ukkr_debt_plan.models.groups import OPERATOR



def formataddr(pair):
    """``"Name" <address>``, unencoded: Odoo's mail server encodes non-ASCII names when it builds the message."""
    name, address = pair
    name = (name or "").replace('"', "").replace("\\", "").strip()
    return '"%s" <%s>' % (name, address) if name else address


class UkkrMailer(models.AbstractModel):
    """E-mail to payers through Odoo's mail queue (``mail.mail``, sent by the outgoing ``ir.mail_server``)."""
    _name = "ukkr.mailer"
    _description = "E-mail to payers"

    @api.model
    def send_debt_email(self, account, subject, body_html, attachments=None, origin=None):
        """Queue an e-mail to the payer of ``account`` and return the ``mail.mail`` (as the superuser).

        :param account: ``ukkr.personal.account`` record or id; the address is the account's e-mail, else its
                        payer's; refused when the payer opted out of e-mail or the address is missing or invalid
        :param subject: subject line
        :param body_html: HTML body
        :param attachments: list of ``(file name, bytes)``
        :param origin: the record the e-mail comes from (e.g. a notice), named in the ``X-UKKR-Origin`` header

        The message is also posted in the account's chatter with its attachments. Quiet hours do not apply to
        e-mail: it waits in the recipient's mailbox and disturbs nobody at night, so the queue sends it at once;
        the payer's opt-out does apply.
        """
        if isinstance(account, int):
            account = self.env["ukkr.personal.account"].browse(account)
        account.ensure_one()
        if not self.env.user.has_group(OPERATOR):
            raise AccessError(_("Only УККР users (operator and above) send e-mail to payers."))
        account.check_access_rights("read")
        account.check_access_rule("read")
        if account.email_opt_out:
            raise UserError(_("The payer of account %s has refused e-mail: the message is not sent.")
                            % account.name)
        address = (account.email or account.partner_id.email or "").strip()
        if not address:
            raise UserError(_("Account %s has no e-mail address: the message cannot be sent.") % account.name)
        if not single_email_re.match(address):
            raise UserError(_("E-mail address «%s» of account %s is not valid: write it as name@domain.ru, "
                              "in Latin letters.") % (address, account.name))
        if not (subject or "").strip():
            raise UserError(_("The e-mail has no subject."))
        company = self.env.user.company_id
        if not company.email:
            raise UserError(_("The company «%s» has no e-mail address to send from: set it in the company "
                              "settings.") % company.name)
        attachment_ids = []
        for name, content in attachments or []:
            attachment_ids.append(self.env["ir.attachment"].sudo().create({
                "name": name, "datas_fname": name, "datas": base64.b64encode(content),
                "res_model": account._name, "res_id": account.id}).id)
        headers = {}
        if origin:
            headers["X-UKKR-Origin"] = "%s,%s" % (origin._name, origin.id)
        return self.env["mail.mail"].sudo().create({
            "subject": subject,
            "body_html": body_html,
            "email_from": formataddr((company.name, company.email)),
            "email_to": formataddr((account.partner_id.name or "", address)),
            "model": account._name,
            "res_id": account.id,
            "message_type": "email",
            "author_id": self.env.user.partner_id.id,
            "attachment_ids": [(6, 0, attachment_ids)],
            "headers": repr(headers) if headers else False,
            "auto_delete": False,
        })
