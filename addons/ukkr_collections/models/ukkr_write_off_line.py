
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .period_calc import is_period
from .money import rub


class UkkrWriteOffLine(models.Model):
    """One tranche (period) of a write-off: unpaid principal and the penalty on it at the time of the proposal."""
    _name = "ukkr.write.off.line"
    _description = "Write-off tranche"
    _inherit = ["ukkr.workflow.line.mixin"]
    _order = "period"
    _workflow_parent_field = "write_off_id"

    write_off_id = fields.Many2one("ukkr.write.off", "Write-off", required=True, ondelete="cascade", index=True)
    period = fields.Char("Period", size=7, required=True)
    principal = fields.Float("Principal", digits=(14, 2), required=True)
    penalty = fields.Float("Penalty", digits=(14, 2))

    @api.multi
    def name_get(self):
        return [(line.id, "%s: %s" % (line.period, rub(line.principal))) for line in self]

    @api.constrains("period")
    def _check_period(self):
        for line in self:
            if not is_period(line.period):
                raise ValidationError(_("A period is written YYYY-MM, e.g. 2023-01."))
