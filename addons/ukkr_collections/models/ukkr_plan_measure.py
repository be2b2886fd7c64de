from odoo import fields, models


class UkkrPlanMeasure(models.Model):
    _inherit = "ukkr.plan.measure"

    evidence_kind = fields.Selection(selection_add=[("collection", "Collection actions")])
