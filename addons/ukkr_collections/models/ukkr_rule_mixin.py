from odoo import fields, models

from .selections import CONFIDENCE


class UkkrRuleMixin(models.AbstractModel):
    """What every legal rule record carries: where it comes from and how sure we are of it."""
    _name = "ukkr.rule.mixin"
    _description = "Legal rule record"

    source = fields.Char("Legal source", required=True)
    confidence = fields.Selection(CONFIDENCE, "Confidence", required=True, default="high")
    note = fields.Text("Note")
