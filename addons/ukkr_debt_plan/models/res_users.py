from odoo import _, api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    ukkr_department_id = fields.Many2one(
        "res.partner", string="Organisation / department",
        help="The organisation or department this user works for (МУП «УККР», or a department of the "
             "administration). A user executes the plan measures assigned to it or to its parent organisation.")

    @api.model
    def ukkr_landing_action(self):
        """What «Задолженность» opens for the user: the plan's executions (the administration); ukkr_collections
        opens the debtor cases for УККР staff."""
        return self.env.ref("ukkr_debt_plan.action_ukkr_plan_execution").read()[0]

    @api.model
    def _ukkr_login_blocked_message(self, login, remote):
        """The login page's message when OCA auth_brute_force has just refused ``login`` from ``remote`` for
        repeated wrong passwords (``auth_brute_force.max_by_ip_user`` for the pair, ``max_by_ip`` for the
        address); False otherwise."""
        last = self.env["res.authentication.attempt"].sudo().search(
            [("login", "=", login), ("remote", "=", remote)], order="id desc", limit=1)
        if last.result != "banned":
            return False
        return _("Too many wrong passwords: logging in as «%s» from this address is blocked. Ask the system "
                 "administrator to unblock it (Settings → Users → Authentication attempts).") % login
