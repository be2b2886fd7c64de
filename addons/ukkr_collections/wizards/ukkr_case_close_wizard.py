from odoo import api, fields, models

from ..models.ukkr_debtor_case import CLOSE_REASONS


class UkkrCaseCloseWizard(models.TransientModel):
    _name = "ukkr.case.close.wizard"
    _description = "Close debtor cases by hand"

    case_ids = fields.Many2many("ukkr.debtor.case", string="Cases",
                                default=lambda self: self.env.context.get("active_ids"))
    reason = fields.Selection([r for r in CLOSE_REASONS if r[0] not in ("paid", "written_off")], "Reason",
                              required=True)
    comment = fields.Text("Comment")

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        self.case_ids._close_by_hand(self.reason, self.comment)
        return {"type": "ir.actions.act_window_close"}
