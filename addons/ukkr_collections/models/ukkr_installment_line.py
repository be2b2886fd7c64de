from odoo import _, api, fields, models

from .money import rub

LINE_STATES = [("paid", "Paid"), ("partly", "Partly paid"), ("open", "Not yet due"), ("late", "Late")]


class UkkrInstallmentLine(models.Model):
    """One payment of an installment schedule. What is paid comes from the ledger, matched cumulatively: the
    line is paid when the payments since signing reach the schedule's sum up to and including it."""
    _name = "ukkr.installment.line"
    _description = "Installment schedule line"
    _inherit = ["ukkr.workflow.line.mixin"]
    _workflow_parent_field = "agreement_id"
    _order = "agreement_id, date_due, sequence, id"

    agreement_id = fields.Many2one("ukkr.installment.agreement", "Agreement", required=True, ondelete="cascade",
                                   index=True)
    sequence = fields.Integer("No.", default=1)
    date_due = fields.Date("Pay by", required=True)
    amount = fields.Float("Amount", digits=(14, 2), required=True)
    due_to_date = fields.Float("Due to date", digits=(14, 2), compute="_compute_paid",
                               help="The schedule's sum up to and including this payment.")
    paid_to_date = fields.Float("Paid by its date", digits=(14, 2), compute="_compute_paid",
                                help="Payments since signing dated up to this payment's date.")
    amount_paid = fields.Float("Paid of it", digits=(14, 2), compute="_compute_paid",
                               help="How much of this payment is covered by all payments so far.")
    status = fields.Selection(LINE_STATES, "Status", compute="_compute_paid")

    @api.multi
    def name_get(self):
        names = []
        for line in self:   # a loop: _() reads the language from this frame
            names.append((line.id, _("Payment %d: %s RUB by %s") % (
                line.sequence, rub(line.amount), fields.Date.from_string(line.date_due).strftime("%d.%m.%Y"))))
        return names

    def _compute_paid(self):
        today = fields.Date.from_string(fields.Date.context_today(self))
        agreements = self.mapped("agreement_id").filtered("id")
        status = agreements._schedule_status(today)
        for line in self:
            found = status.get(line.agreement_id.id)
            row = found and next((r for r in found["lines"] if r[0] == line.id), None)
            if not row:
                line.due_to_date = line.paid_to_date = line.amount_paid = 0.0
                line.status = "open"
                continue
            line.due_to_date, line.paid_to_date = row[3], row[4]
            line.amount_paid = found["covered"].get(line.id, 0.0)
            if line.amount_paid >= line.amount - 0.004:
                line.status = "paid"
            elif row[1] < today:
                line.status = "late"
            else:
                line.status = "partly" if line.amount_paid > 0 else "open"
