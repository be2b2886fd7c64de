from odoo import api, fields, models

from .ukkr_fssp_reconciliation import KINDS


class UkkrFsspReconciliationLine(models.Model):
    _name = "ukkr.fssp.reconciliation.line"
    _description = "Reconciliation with the bailiffs: line"
    _order = "reconciliation_id, kind, id"

    reconciliation_id = fields.Many2one("ukkr.fssp.reconciliation", "Reconciliation", required=True,
                                        ondelete="cascade", index=True)
    kind = fields.Selection(KINDS, "Result", required=True, index=True)
    proceeding_id = fields.Many2one("ukkr.enforcement.proceeding", "Our proceeding", ondelete="set null")
    account_id = fields.Many2one(related="proceeding_id.account_id", string="Personal account", readonly=True)
    is_municipal = fields.Boolean(related="proceeding_id.is_municipal", string="Municipal housing", readonly=True)
    proceeding_number = fields.Char("Proceeding number")
    writ_number = fields.Char("Writ number")
    debtor = fields.Char("Debtor (register)")
    amount = fields.Float("Amount (register)", digits=(14, 2))
    collected = fields.Float("Collected (register)", digits=(14, 2))
    fssp_state = fields.Char("State (register)")
    our_amount = fields.Float("Amount (ours)", digits=(14, 2))
    our_collected = fields.Float("Collected (ours)", digits=(14, 2))
    our_state = fields.Selection(related="proceeding_id.state", string="State (ours)", readonly=True)

    @api.multi
    def name_get(self):
        names = []
        for line in self:
            kind = dict(self._fields["kind"]._description_selection(self.env)).get(line.kind, "")
            names.append((line.id, "%s: %s" % (line.writ_number or line.proceeding_number or "", kind)))
        return names
