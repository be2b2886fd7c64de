from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .ukkr_personal_account import rub

MANAGER = "ukkr_debt_plan.group_ukkr_manager"
STATES = [("draft", "Draft"), ("signed", "Signed"), ("done", "Posted"), ("cancelled", "Cancelled")]
WORKERS = [("payer", "The payer"), ("resident", "A resident of the premises")]
TERMS = {"account_id", "case_id", "date", "worker_relation", "worker_id", "work_description", "hours",
         "hourly_rate", "request_date", "request_file", "date_start", "date_end"}


class UkkrWorkoffAgreement(models.Model):
    """Отработка долга (measure 17): a paid service contract with УККР whose pay is set off against the
    account's debt at the worker's written request (ТК 4, 137 — no deductions from wages; ГК 410 — set-off).

    draft → signed (the written request — date and scanned copy — is required) → posted: a ledger payment of
    channel «work_off» (document WORKOFF-<id>) allocated like an imported payment, so the debt and the case update;
    or cancelled before posting.
    """
    _name = "ukkr.workoff.agreement"
    _description = "Work-off agreement"
    _inherit = ["ukkr.case.action", "mail.thread", "ukkr.workflow.mixin"]
    _order = "date desc, id desc"
    _workflow_fields = ("state", "date_done", "payment_id")
    _workflow_terms = tuple(sorted(TERMS))
    _dated_steps = {"post": "_post"}

    _measure_number = 17
    _measure_amount_field = "amount"

    name = fields.Char("Number", readonly=True, copy=False, index=True)
    date = fields.Date(string="Contract date", track_visibility="onchange")
    state = fields.Selection(STATES, "Status", default="draft", required=True, readonly=True, index=True,
                             copy=False, track_visibility="onchange")
    partner_id = fields.Many2one(related="account_id.partner_id", string="Payer", store=True, readonly=True)
    is_municipal = fields.Boolean(related="account_id.is_municipal", string="Municipal housing", store=True,
                                  readonly=True)
    worker_relation = fields.Selection(WORKERS, "Who works", required=True, default="payer")
    worker_id = fields.Many2one("res.partner", "Worker", track_visibility="onchange",
                                help="The payer, or a resident of the premises who works off the account's debt.")
    work_description = fields.Text("Work")
    date_start = fields.Date("Work from")
    date_end = fields.Date("Work until")
    hours = fields.Float("Hours", digits=(8, 2), track_visibility="onchange")
    hourly_rate = fields.Float("Rate per hour, RUB", digits=(10, 2), track_visibility="onchange")
    amount = fields.Float("Amount credited", digits=(14, 2), compute="_compute_amount", store=True,
                          track_visibility="onchange", help="Hours × rate: the pay set off against the debt.")
    request_date = fields.Date("Set-off requested on", help="Date of the worker's written request to set the pay "
                                                            "off against the debt (ГК 410).")
    request_file = fields.Binary("Written request", attachment=True, copy=False)
    request_filename = fields.Char("Request file name", copy=False)
    date_done = fields.Date("Set off on", readonly=True, copy=False)
    payment_id = fields.Many2one("ukkr.payment", "Ledger payment", readonly=True, copy=False, ondelete="restrict")

    _sql_constraints = [("name_uniq", "unique(name)", "Agreement numbers are unique.")]

    @api.depends("hours", "hourly_rate")
    def _compute_amount(self):
        for rec in self:
            rec.amount = round(rec.hours * rec.hourly_rate, 2)

    @api.onchange("account_id", "worker_relation")
    def _onchange_worker(self):
        if self.worker_relation == "payer" and self.account_id:
            self.worker_id = self.account_id.partner_id

    # ------------------------------------------------------------------ create / write / unlink
    @api.model
    def create(self, vals):
        if vals.get("worker_relation", "payer") == "payer" and not vals.get("worker_id") and vals.get("account_id"):
            vals["worker_id"] = self.env["ukkr.personal.account"].browse(vals["account_id"]).partner_id.id
        record = super().create(vals)
        self.env.cr.execute("UPDATE ukkr_workoff_agreement SET name = 'ОТ-' || lpad(id::text, 6, '0') "
                            "WHERE id = %s", (record.id,))
        record.invalidate_cache(["name"], record.ids)
        return record

    @api.multi
    def unlink(self):
        if not self.env.user.has_group(MANAGER):
            raise AccessError(_("Only the УККР — manager group deletes agreements."))
        if any(rec.state != "draft" for rec in self):
            raise UserError(_("Only a draft agreement can be deleted; cancel a signed one instead."))
        return super().unlink()

    # ------------------------------------------------------------------ buttons
    @api.multi
    def action_sign(self):
        for rec in self:
            if rec.state != "draft":
                raise UserError(_("Work-off agreement %s is not a draft.") % rec.name)
            if not rec.worker_id or not (rec.work_description or "").strip():
                raise UserError(_("Name the worker and describe the work before signing."))
            if rec.hours <= 0 or rec.hourly_rate <= 0:
                raise UserError(_("Hours and the hourly rate must be positive."))
            if not rec.request_date or not rec.request_file:
                raise UserError(_("The worker's written request to set the pay off against the debt (ГК 410) is "
                                  "required before signing: enter its date and attach the scanned request."))
            if rec.request_date > rec.date:
                raise UserError(_("The set-off request (%s) is dated after the contract (%s).")
                                % (fields.Date.from_string(rec.request_date).strftime("%d.%m.%Y"),
                                   fields.Date.from_string(rec.date).strftime("%d.%m.%Y")))
            if rec.date_start and rec.date_end and rec.date_end < rec.date_start:
                raise UserError(_("The work ends before it starts."))
            rec._transition({"state": "signed"})
            text = "Договор об отработке долга %s подписан: %s, %s ч × %s руб. = %s руб. в зачёт долга." % (
                rec.name, rec.worker_id.name, ("%g" % rec.hours).replace(".", ","), rub(rec.hourly_rate),
                rub(rec.amount))
            rec._post_note(text)
            rec.case_id._advance_to("agreement", text)
        return True

    @api.multi
    def action_post(self):
        """«Зачесть»: asks the day the accepted work is set off against the debt."""
        self.ensure_one()
        if self.state != "signed":
            raise UserError(_("Work-off agreement %s must be signed before it is posted.") % self.name)
        self.check_access_rights("write")
        self.check_access_rule("write")
        return self._open_step("post", _("Set off work-off agreement %s") % self.name)

    def _post(self, date_done=None, _text=None):
        """Work accepted: the pay becomes a ledger payment (channel «work_off») allocated to the debt."""
        self.check_access_rights("write")
        self.check_access_rule("write")
        ledger = self.env["ukkr.ledger.line"].sudo()
        for rec in self:
            if rec.state == "done":
                raise UserError(_("Work-off agreement %s is already posted (payment %s).")
                                % (rec.name, rec.payment_id.doc))
            if rec.state != "signed":
                raise UserError(_("Work-off agreement %s must be signed before it is posted.") % rec.name)
            day = date_done or fields.Date.context_today(self)
            day = day if isinstance(day, str) else fields.Date.to_string(day)
            if day < rec.date:
                raise UserError(_("The set-off cannot be dated before the contract."))
            self.env.cr.execute("SELECT max(period) FROM ukkr_monthly_close WHERE state = 'closed'")
            last_closed = self.env.cr.fetchone()[0]
            if last_closed and day[:7] <= last_closed:
                raise UserError(_("Month %s is closed: date the set-off in an open month, or ask the УККР manager "
                                  "to reopen it.") % day[:7])
            as_of = fields.Date.from_string(day)
            open_debt = round(sum(t["principal"] for t in rec.account_id.debt_tranches(as_of)
                                  if not t["limitation_expiry"] or t["limitation_expiry"] >= as_of), 2)
            if rec.amount > open_debt + 0.004:
                raise UserError(_("The credited %s RUB is above the account's debt that can be set off on %s "
                                  "(%s RUB; time-barred debt cannot be set off, ГК 411): pay the rest as wages.")
                                % (rub(rec.amount), as_of.strftime("%d.%m.%Y"), rub(open_debt)))
            payment = self.env["ukkr.payment"].sudo().create({
                "account_id": rec.account_id.id, "date": day, "amount": rec.amount, "channel": "work_off",
                "doc": "WORKOFF-%d" % rec.id})
            ledger._allocate_new_payments([payment.id])
            rec._transition({"state": "done", "date_done": day, "payment_id": payment.id})
            rec._post_note("Зачтено в счёт долга %s руб. (платёж %s от %s)." % (
                rub(rec.amount), payment.doc, as_of.strftime("%d.%m.%Y")))
        self.mapped("account_id").invalidate_cache()
        return True

    @api.multi
    def action_cancel(self):
        for rec in self:
            if rec.state == "done":
                raise UserError(_("Work-off agreement %s is posted: its payment is in the ledger and cannot be "
                                  "cancelled here.") % rec.name)
            if rec.state == "cancelled":
                raise UserError(_("Work-off agreement %s is already cancelled.") % rec.name)
            rec._transition({"state": "cancelled"})
            rec._post_note("Договор об отработке %s отменён." % rec.name)
        return True

    # ------------------------------------------------------------------ the case and the plan
    def _case_deadline(self):
        if self.state == "signed" and self.date_end:
            return fields.Date.from_string(self.date_end), "Окончание работ по договору отработки %s" % self.name
        return None

    @api.model
    def _measure_done_domain(self):
        return [("state", "in", ("signed", "done"))]
