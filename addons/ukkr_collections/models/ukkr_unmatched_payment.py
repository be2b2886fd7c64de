from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

OPERATOR = "ukkr_debt_plan.group_ukkr_operator"
STATES = [("unmatched", "To match"), ("matched", "Matched"), ("ignored", "Not a payer's payment")]


class UkkrUnmatchedPayment(models.Model):
    """A bank payment whose personal account was not recognised (bank statement, payment register).

    The importer lists it here (one row per payment document, so a second import adds nothing); the operator picks
    the personal account and presses «Сопоставить»: the payment enters the ledger (channel «bank») and is allocated
    like an imported one. A transfer that is not a payer's payment (a refund, a grant) is set aside with a reason.
    """
    _name = "ukkr.unmatched.payment"
    _description = "Unmatched bank payment"
    _inherit = ["mail.thread", "ukkr.workflow.mixin"]
    _order = "state desc, date desc, id desc"
    _rec_name = "doc"
    _workflow_fields = ("state", "payment_id", "matched_by_id", "date_matched")

    doc = fields.Char("Payment document", required=True, readonly=True, index=True)
    source = fields.Selection([("bank_statement", "Bank statement (1C)"),
                               ("payment_register", "Bank payment register")], "Source", readonly=True)
    date = fields.Date("Payment date", required=True, readonly=True)
    amount = fields.Float("Amount", digits=(14, 2), required=True, readonly=True)
    payer = fields.Char("Payer", readonly=True)
    payer_inn = fields.Char("Payer's ИНН", readonly=True)
    payer_account = fields.Char("Payer's bank account", readonly=True)
    purpose = fields.Text("Purpose of payment", readonly=True)
    account_number = fields.Char("Account number as given", readonly=True,
                                 help="The personal account the bank's register names (unknown to the suite).")
    candidates = fields.Char("Numbers found in the text", readonly=True)
    period = fields.Char("Period named by the payer", size=7, readonly=True)
    state = fields.Selection(STATES, "Status", default="unmatched", required=True, readonly=True, index=True,
                             track_visibility="onchange")
    account_id = fields.Many2one("ukkr.personal.account", "Personal account", track_visibility="onchange",
                                 states={"matched": [("readonly", True)], "ignored": [("readonly", True)]})
    payment_id = fields.Many2one("ukkr.payment", "Ledger payment", readonly=True, ondelete="restrict")
    matched_by_id = fields.Many2one("res.users", "Matched by", readonly=True)
    date_matched = fields.Datetime("Matched on", readonly=True)
    note = fields.Text("Note")

    _sql_constraints = [("doc_uniq", "unique(doc)", "This payment document is already listed.")]

    @api.multi
    def write(self, vals):
        if "account_id" in vals and not self._in_workflow_path():
            if any(rec.state != "unmatched" for rec in self):
                raise UserError(_("The personal account of a matched or set-aside payment cannot be changed."))
        return super().write(vals)

    def _check_operator(self):
        if self.env.uid != 1 and not self.env.user.has_group(OPERATOR):
            raise AccessError(_("Bank payments are matched by the УККР — operator and manager groups."))

    @api.multi
    def action_match(self):
        """Book the payment on the chosen personal account (it then counts like any imported payment)."""
        self._check_operator()
        lock_error = self.env["ukkr.billing.import"]._lock_for_import()
        if lock_error:
            raise UserError(lock_error)
        Payment = self.env["ukkr.payment"].sudo()
        for rec in self:
            if rec.state != "unmatched":
                raise UserError(_("Payment %s is not waiting to be matched.") % rec.doc)
            if not rec.account_id:
                raise UserError(_("Choose the personal account of payment %s first.") % rec.doc)
            if Payment.search_count([("doc", "=", rec.doc)]):
                raise UserError(_("Payment document %s is already in the ledger.") % rec.doc)
            payment = Payment.create({"account_id": rec.account_id.id, "date": rec.date, "amount": rec.amount,
                                      "period": rec.period or False, "doc": rec.doc, "channel": "bank"})
            self.env["ukkr.ledger.line"].sudo()._allocate_new_payments([payment.id])
            rec._transition({"state": "matched", "payment_id": payment.id, "matched_by_id": self.env.uid,
                             "date_matched": fields.Datetime.now()})
            rec.account_id.invalidate_cache()
        return True

    @api.multi
    def action_ignore(self):
        """Not a payer's payment (a refund, a grant, a transfer of another kind): set aside, with the reason."""
        self._check_operator()
        for rec in self:
            if rec.state != "unmatched":
                raise UserError(_("Payment %s is not waiting to be matched.") % rec.doc)
            if not (rec.note or "").strip():
                raise UserError(_("Write in «Note» why payment %s is not a payer's payment.") % rec.doc)
        return self._transition({"state": "ignored"})

    @api.multi
    def action_reset(self):
        """A payment set aside by mistake goes back to the list to match."""
        self._check_operator()
        for rec in self:
            if rec.state != "ignored":
                raise UserError(_("Only a payment set aside can be put back to match."))
        return self._transition({"state": "unmatched"})
