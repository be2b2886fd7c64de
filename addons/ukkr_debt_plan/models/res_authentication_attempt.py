from odoo import api, models


class ResAuthenticationAttempt(models.Model):
    """OCA auth_brute_force checks the attempts as the user who is logging in, which is why it lets every user
    read every attempt (logins and addresses of others). The check runs as the system here, and the attempts are
    for the system administrator only (security/ukkr_login_security.xml)."""
    _inherit = "res.authentication.attempt"

    @api.model
    def _trusted(self, remote, login):
        return super(ResAuthenticationAttempt, self.sudo())._trusted(remote, login)
