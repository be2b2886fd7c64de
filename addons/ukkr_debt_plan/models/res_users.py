from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    ukkr_department_id = fields.Many2one(
        "res.partner", string="Organisation / department",
        help="The organisation or department this user works for (МУП «УККР», or a department of the "
             "administration). A user executes the plan measures assigned to it or to its parent organisation.")
