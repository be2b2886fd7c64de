from odoo import api, fields, models


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
