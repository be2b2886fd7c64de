from odoo import api, fields, models


class UkkrDebtorCase(models.Model):
    """The case's agreements (installment and work-off), for its form's page and buttons."""
    _inherit = "ukkr.debtor.case"

    installment_ids = fields.One2many("ukkr.installment.agreement", "case_id", "Installment agreements")
    workoff_ids = fields.One2many("ukkr.workoff.agreement", "case_id", "Work-off agreements")
    installment_count = fields.Integer("Installments", compute="_compute_agreement_counts")
    workoff_count = fields.Integer("Work-offs", compute="_compute_agreement_counts")

    @api.depends("installment_ids", "workoff_ids")
    def _compute_agreement_counts(self):
        for case in self:
            case.installment_count = len(case.installment_ids)
            case.workoff_count = len(case.workoff_ids)
