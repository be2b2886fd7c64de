from odoo import api, models

from odoo.addons.ukkr_debt_plan.models.groups import LAWYER, OPERATOR

UKKR_STAFF = (OPERATOR, LAWYER)


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def ukkr_landing_action(self):
        """УККР staff open «Задолженность» on the debtor cases (the administration on the plan)."""
        if any(self.env.user.has_group(group) for group in UKKR_STAFF):
            return self.env.ref("ukkr_collections.action_ukkr_debtor_case").read()[0]
        return super().ukkr_landing_action()
