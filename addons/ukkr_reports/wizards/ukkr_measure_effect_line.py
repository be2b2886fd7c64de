from odoo import fields, models


class UkkrMeasureEffectLine(models.TransientModel):
    """One action kind of one measure in the effectiveness list."""
    _name = "ukkr.measure.effect.line"
    _description = "Collection effectiveness line"
    _order = "measure_number, action"

    wizard_id = fields.Many2one("ukkr.measure.effect.wizard", "Request", required=True, ondelete="cascade")
    measure_number = fields.Integer("Measure No.", group_operator=False)
    measure_name = fields.Char("Measure")
    action = fields.Char("Action")
    model = fields.Char("Model")
    count = fields.Integer("Actions")
    amount = fields.Float("Sum of the actions, RUB", digits=(16, 2))
    recovered = fields.Float("Paid after the measure, RUB", digits=(16, 2))
    recovered_per_action = fields.Float("Paid per action, RUB", digits=(16, 2), group_operator="avg")
    recovered_share = fields.Float("Paid / sum of the actions, %", digits=(8, 2), group_operator="avg")
