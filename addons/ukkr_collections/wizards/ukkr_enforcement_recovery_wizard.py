from odoo import api, fields, models


class UkkrEnforcementRecoveryWizard(models.TransientModel):
    """«Поступление»: money recovered under a writ (the proceeding's method checks rights and amounts)."""
    _name = "ukkr.enforcement.recovery.wizard"
    _description = "Register a recovery under a writ"

    proceeding_id = fields.Many2one("ukkr.enforcement.proceeding", "Enforcement proceeding", required=True,
                                    default=lambda self: self.env.context.get("active_id"))
    amount = fields.Float("Amount", digits=(14, 2), required=True)
    date = fields.Date("Payment date", required=True, default=lambda self: fields.Date.context_today(self))
    doc = fields.Char("Payment document", required=True)

    @api.multi
    def action_register(self):
        self.ensure_one()
        self.proceeding_id.action_register_recovery(self.amount, self.date, self.doc)
        return {"type": "ir.actions.act_window_close"}
