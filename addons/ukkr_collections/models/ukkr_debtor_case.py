from datetime import datetime

import psycopg2
import psycopg2.errorcodes
from psycopg2.extras import execute_values

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .selections import PAYER_KINDS
from .ukkr_personal_account import TENURES, address as address_text
from odoo.addons.ukkr_debt_plan.models.groups import MANAGER, OPERATOR, LAWYER
from . import ledger_sql
from .money import rub

PRIORITIES = [("0", "Low"), ("1", "Medium"), ("2", "High"), ("3", "Urgent")]
CLOSE_REASONS = [("paid", "Debt paid off"), ("written_off", "Written off"), ("account_closed", "Account closed"),
                 ("deceased", "Debtor deceased or liquidated"), ("error", "Opened by mistake"), ("other", "Other")]


class UkkrDebtorCase(models.Model):
    """Дело должника: one open case per personal account, the file every collection action hangs on.

    Opened by the monthly close when a trigger of ``ukkr.case.trigger`` holds (set-based), or by hand. Its debt
    figures at the last close are stored (the kanban reads them); the live debt comes from the ledger on the form.
    Closed automatically when the debt is paid off (daily scheduled action), or by hand with a reason.
    """
    _name = "ukkr.debtor.case"
    _description = "Debtor case"
    _inherit = ["mail.thread", "mail.activity.mixin", "ukkr.workflow.mixin"]
    _order = "priority desc, overdue_at_close desc, id"
    # the status, how and why the case was opened and closed, and the close's figures: set by the code only
    _workflow_fields = ("state", "close_reason", "close_comment", "date_closed", "opened_by", "open_reason",
                        "date_open", "last_close_period", "debt_at_close", "overdue_at_close", "penalty_at_close",
                        "months_in_debt", "next_deadline", "next_action")

    name = fields.Char("Case", readonly=True, copy=False, index=True)
    account_id = fields.Many2one("ukkr.personal.account", "Personal account", required=True, ondelete="restrict",
                                 index=True, track_visibility="onchange")
    partner_id = fields.Many2one(related="account_id.partner_id", string="Payer", store=True, readonly=True)
    settlement_id = fields.Many2one(related="account_id.settlement_id", string="Settlement", store=True,
                                    readonly=True)
    building_id = fields.Many2one(related="account_id.building_id", string="Building", store=True, readonly=True)
    # stored for the kanban card (issue 22): a card that showed the account itself made every kanban page read 40
    # personal accounts — a prefetch of all their columns, logged by auditlog as 40 reads (INSERT + UPDATE each)
    account_name = fields.Char(related="account_id.name", string="Account number", store=True, readonly=True)
    apartment = fields.Char(related="account_id.apartment", string="Apartment", store=True, readonly=True)
    # from the case's own stored copies, not through the account: a kanban page then reads no personal account
    # (each read of one is logged by auditlog)
    address = fields.Char("Address", compute="_compute_address")
    payer_kind = fields.Selection(PAYER_KINDS, related="account_id.payer_kind", string="Payer kind", store=True,
                                  readonly=True)
    tenure = fields.Selection(TENURES, related="account_id.tenure", string="Tenure", store=True, readonly=True)
    is_municipal = fields.Boolean(related="account_id.is_municipal", string="Municipal housing", store=True,
                                  readonly=True)
    stage_id = fields.Many2one("ukkr.case.stage", "Stage", required=True, index=True, track_visibility="onchange",
                               group_expand="_read_group_stage_ids", default=lambda self: self._stage("identified"),
                               ondelete="restrict")
    stage_code = fields.Selection(related="stage_id.code", string="Stage meaning", store=True, readonly=True)
    state = fields.Selection([("open", "Open"), ("closed", "Closed")], "Status", default="open", required=True,
                             readonly=True, index=True, track_visibility="onchange")
    user_id = fields.Many2one("res.users", "Responsible", index=True, track_visibility="onchange",
                              default=lambda self: self.env.user)
    priority = fields.Selection(PRIORITIES, "Priority", default="0", index=True, track_visibility="onchange",
                                help="From the overdue debt × months in debt at the last close (thresholds in the "
                                     "case triggers).")
    color = fields.Integer("Colour")
    opened_by = fields.Selection([("close", "Monthly close"), ("hand", "By hand")], "Opened by", default="hand",
                                 readonly=True)
    open_reason = fields.Char("Why opened", readonly=True)
    date_open = fields.Date("Opened on", default=lambda self: fields.Date.context_today(self), readonly=True)
    date_closed = fields.Date("Closed on", readonly=True, copy=False)
    close_reason = fields.Selection(CLOSE_REASONS, "Closing reason", readonly=True, copy=False,
                                    track_visibility="onchange")
    close_comment = fields.Text("Closing comment", readonly=True, copy=False)
    last_close_period = fields.Char("Figures of the close", size=7, readonly=True)
    debt_at_close = fields.Float("Debt at the close", digits=(14, 2), readonly=True)
    overdue_at_close = fields.Float("Overdue at the close", digits=(14, 2), readonly=True)
    penalty_at_close = fields.Float("Penalties at the close", digits=(14, 2), readonly=True)
    months_in_debt = fields.Integer("Months in debt", readonly=True, group_operator="max")
    debt_total = fields.Float(related="account_id.debt_total", string="Debt now", readonly=True)
    overdue_total = fields.Float(related="account_id.overdue_total", string="Overdue now", readonly=True)
    penalty_total = fields.Float(related="account_id.penalty_total", string="Penalties now", readonly=True)
    tranche_html = fields.Html(related="account_id.tranche_html", string="Debt by period", readonly=True)
    next_deadline = fields.Date("Next deadline", readonly=True, index=True,
                                help="The earliest open deadline set by the case's actions (a notice's 20 days, an "
                                     "agreement's next payment, a promise to pay…).")
    next_action = fields.Char("Next action", readonly=True)
    notice_ids = fields.One2many("ukkr.notice", "case_id", "Notices")
    visit_ids = fields.One2many("ukkr.visit", "case_id", "Visits")
    consultation_ids = fields.One2many("ukkr.consultation", "case_id", "Consultations")
    deadline_passed = fields.Boolean("Deadline passed", compute="_compute_deadline_passed",
                                     search="_search_deadline_passed")

    _sql_constraints = [("name_uniq", "unique(name)", "Case numbers are unique.")]

    @api.depends("building_id.name", "apartment")
    def _compute_address(self):
        for case in self:
            case.address = address_text(case.building_id.name, case.apartment)

    @api.model_cr
    def init(self):
        # one open case per personal account, whoever opens it
        self.env.cr.execute("""CREATE UNIQUE INDEX IF NOT EXISTS ukkr_debtor_case_one_open
                               ON ukkr_debtor_case (account_id) WHERE state = 'open'""")
        # the kanban's columns: open cases of a stage in the model's order, 40 at a time
        self.env.cr.execute("""CREATE INDEX IF NOT EXISTS ukkr_debtor_case_kanban_index
                               ON ukkr_debtor_case (stage_id, priority DESC, overdue_at_close DESC, id)
                               WHERE state = 'open'""")

    # ------------------------------------------------------------------ helpers
    @api.model
    def _stage(self, code):
        return self.env["ukkr.case.stage"].search([("code", "=", code)], limit=1)

    @api.model
    def _read_group_stage_ids(self, stages, domain, order):
        return stages.search([], order=order)

    def _compute_deadline_passed(self):
        today = fields.Date.context_today(self)
        for case in self:
            case.deadline_passed = bool(case.state == "open" and case.next_deadline and case.next_deadline < today)

    def _search_deadline_passed(self, operator, value):
        passed = [("state", "=", "open"), ("next_deadline", "<", fields.Date.context_today(self))]
        if (operator == "=") == bool(value):
            return passed
        return ["|", "|", ("state", "!=", "open"), ("next_deadline", "=", False),
                ("next_deadline", ">=", fields.Date.context_today(self))]

    @api.model
    def _action_models(self):
        base = self.env.registry["ukkr.case.action"]
        return [name for name, model in sorted(self.env.registry.items())
                if not model._abstract and not model._transient and issubclass(model, base)]

    @api.multi
    def _update_next_deadline(self):
        """Store the earliest deadline the cases' actions set (called by the actions when they change)."""
        found = {case.id: [] for case in self}
        if not found:
            return
        for name in self._action_models():
            for action in self.env[name].sudo().search([("case_id", "in", self.ids)]):
                deadline = action._case_deadline()
                if deadline and deadline[0]:
                    found[action.case_id.id].append(deadline)
        for case in self.sudo():
            # actions give their deadline as a date or as a string: one form before comparing
            dated = [(d if isinstance(d, str) else fields.Date.to_string(d), text) for d, text in found[case.id]]
            earliest = min(dated, key=lambda d: d[0]) if dated else (False, False)
            if (case.next_deadline or False, case.next_action or False) != earliest:
                case._transition({"next_deadline": earliest[0], "next_action": earliest[1]})

    # ------------------------------------------------------------------ create / write
    @api.model
    def create(self, vals):
        account_id = vals.get("account_id")
        if account_id and self.search_count([("account_id", "=", account_id), ("state", "=", "open")]):
            account = self.env["ukkr.personal.account"].browse(account_id)
            raise UserError(_("Account %s already has an open debtor case: work in that case.") % account.name)
        try:
            with self.env.cr.savepoint():
                case = super().create(vals)
        except psycopg2.IntegrityError as error:
            if error.pgcode != psycopg2.errorcodes.UNIQUE_VIOLATION:
                raise
            # another user opened a case for this account at the same moment (the one-open-case index)
            account = self.env["ukkr.personal.account"].browse(account_id)
            raise UserError(_("Account %s already has an open debtor case: work in that case.") % account.name)
        self.env["ukkr.numbering"]._number(case)
        return case

    @api.multi
    def write(self, vals):
        if "stage_id" in vals and not self._in_workflow_path():
            stage = self.env["ukkr.case.stage"].browse(vals["stage_id"])
            if not (self.env.user.has_group(OPERATOR) or self.env.user.has_group(LAWYER)):
                raise AccessError(_("Only УККР staff move debtor cases between stages."))
            for case in self:
                if case.state == "closed":
                    raise UserError(_("Case %s is closed; reopen it before moving it.") % case.name)
            if stage.code == "paid":
                unpaid = self.filtered(lambda c: c.debt_total > 0)
                if unpaid:
                    raise UserError(_("Case %s cannot be marked paid off: the account still owes %s RUB.")
                                    % (unpaid[0].name, rub(unpaid[0].debt_total)))
            elif stage.code == "written_off" or stage.is_closing:
                raise UserError(_("A case is written off through a write-off approved by the УККР — manager, "
                                  "not by moving its card."))
        result = super().write(vals)
        if "stage_id" in vals:
            closing = self.filtered(lambda c: c.state == "open" and c.stage_id.is_closing)
            for reason, cases in (("written_off", closing.filtered(lambda c: c.stage_code == "written_off")),
                                  ("paid", closing.filtered(lambda c: c.stage_code != "written_off"))):
                cases._transition({"state": "closed", "close_reason": reason,
                                   "date_closed": fields.Date.context_today(self)})
        return result

    @api.multi
    def unlink(self):
        if not self.env.user.has_group(MANAGER):
            raise AccessError(_("Only the УККР — manager group deletes debtor cases; close them instead."))
        if any(self.env[name].sudo().search_count([("case_id", "in", self.ids)]) for name in self._action_models()):
            raise UserError(_("A case with recorded actions cannot be deleted; close it with a reason."))
        return super().unlink()

    # ------------------------------------------------------------------ buttons
    def _close_by_hand(self, reason, comment=False):
        """Close by hand with a reason (the close wizard): УККР staff only."""
        if not (self.env.user.has_group(OPERATOR) or self.env.user.has_group(LAWYER)):
            raise AccessError(_("Only УККР staff close debtor cases."))
        if reason not in dict(CLOSE_REASONS) or reason in ("paid", "written_off"):
            raise UserError(_("Choose why the case is closed."))
        if reason == "other" and not (comment or "").strip():
            raise UserError(_("Describe why the case is closed."))
        for case in self:
            if case.state == "closed":
                raise UserError(_("Case %s is already closed.") % case.name)
        self.check_access_rule("write")
        self._transition({"state": "closed", "close_reason": reason, "close_comment": comment,
                          "date_closed": fields.Date.context_today(self)})
        return True

    @api.multi
    def action_reopen(self):
        if not self.env.user.has_group(MANAGER):
            raise AccessError(_("Only the УККР — manager group reopens a closed case."))
        for case in self:
            if case.state != "closed":
                raise UserError(_("Case %s is open.") % case.name)
            if self.search_count([("account_id", "=", case.account_id.id), ("state", "=", "open")]):
                raise UserError(_("Account %s already has another open case.") % case.account_id.name)
        stage = self._stage("identified")
        for case in self:
            case._transition({"state": "open", "close_reason": False, "close_comment": False, "date_closed": False,
                              "stage_id": stage.id if case.stage_id.is_closing else case.stage_id.id})
        return True

    @api.multi
    def _advance_to(self, code, note=None):
        """Move open cases forward to a stage (never backwards past it) — used by the actions themselves."""
        stage = self._stage(code)
        movable = self.filtered(lambda c: c.state == "open" and c.stage_id.sequence < stage.sequence)
        if movable:
            movable.sudo()._transition({"stage_id": stage.id})
            if note:
                for case in movable:
                    case.sudo().message_post(body=note, subtype="mail.mt_note")
        return movable

    # ------------------------------------------------------------------ the monthly close and the daily check
    @api.model
    def _sync_with_close(self, close):
        """After a close: open a case where a trigger holds and none is open, refresh every open case's figures and
        priority from the snapshot. Set-based: three statements whatever the number of accounts."""
        cr = self.env.cr
        period_end = "%s-28" % close.period
        triggers = self.env["ukkr.case.trigger"].sudo()._in_force(period_end)
        if not triggers:
            return {"opened": 0, "updated": 0}
        params = [(kind, t.months_of_accruals, t.min_amount, t.score_medium, t.score_high, t.score_urgent)
                  for kind, t in triggers.items()]
        stage = self._stage("identified")
        now = datetime.utcnow().replace(microsecond=0)
        cr.execute("""
            CREATE TEMP TABLE ukkr_case_trigger_tmp (payer_kind varchar, months numeric, amount numeric,
                medium numeric, high numeric, urgent numeric) ON COMMIT DROP""")
        execute_values(cr, "INSERT INTO ukkr_case_trigger_tmp VALUES %s", params)
        cr.execute("""
            WITH pending AS (   -- overdue at the close and no open case yet
                SELECT s.account_id, s.debt, s.overdue_debt, s.penalty, s.months_in_debt, t.*
                FROM ukkr_debt_snapshot s
                JOIN ukkr_case_trigger_tmp t ON t.payer_kind = s.payer_kind
                WHERE s.close_id = %(close)s AND s.overdue_debt > 0
                  AND NOT EXISTS (SELECT 1 FROM ukkr_debtor_case c WHERE c.account_id = s.account_id
                                  AND c.state = 'open')),
            monthly AS (        -- average monthly accruals of the last 12 months, for those below the amount only
                SELECT account_id, sum(accrued + correction) / count(DISTINCT period) AS average
                FROM ukkr_ledger_line
                WHERE account_id IN (SELECT account_id FROM pending WHERE overdue_debt < amount)
                  AND period <= %(period)s AND period > to_char(
                    to_date(%(period)s || '-01', 'YYYY-MM-DD') - interval '12 months', 'YYYY-MM')
                GROUP BY account_id),
            candidate AS (
                SELECT p.*, coalesce(m.average, 0) AS average
                FROM pending p LEFT JOIN monthly m ON m.account_id = p.account_id
                WHERE p.overdue_debt >= p.amount OR (m.average > 0 AND p.overdue_debt >= p.months * m.average))
            INSERT INTO ukkr_debtor_case (account_id, partner_id, settlement_id, building_id, payer_kind, tenure,
                is_municipal, account_name, apartment, stage_id, stage_code, state, priority, opened_by, open_reason,
                date_open, last_close_period, debt_at_close, overdue_at_close, penalty_at_close, months_in_debt,
                create_uid, create_date, write_uid, write_date)
            SELECT c.account_id, a.partner_id, a.settlement_id, a.building_id, a.payer_kind, a.tenure,
                   a.is_municipal, a.name, a.apartment, %(stage)s, 'identified', 'open', '0', 'close',
                   %(reason)s || to_char(c.overdue_debt, 'FM999999999990D00'), %(today)s,
                   %(period)s, c.debt, c.overdue_debt, c.penalty, c.months_in_debt,
                   %(uid)s, %(now)s, %(uid)s, %(now)s
            FROM candidate c JOIN ukkr_personal_account a ON a.id = c.account_id
            RETURNING id""", {"period": close.period, "close": close.id, "stage": stage.id, "uid": self.env.uid,
                              "now": now, "today": fields.Date.context_today(self),
                              "reason": _("Monthly close %s: overdue RUB ") % close.period})
        opened = [row[0] for row in cr.fetchall()]
        self.env["ukkr.numbering"]._number(self.browse(opened))
        cr.execute("""
            UPDATE ukkr_debtor_case c SET last_close_period = %(period)s, debt_at_close = s.debt,
                overdue_at_close = s.overdue_debt, penalty_at_close = s.penalty, months_in_debt = s.months_in_debt,
                priority = CASE WHEN s.overdue_debt * s.months_in_debt >= t.urgent THEN '3'
                                WHEN s.overdue_debt * s.months_in_debt >= t.high THEN '2'
                                WHEN s.overdue_debt * s.months_in_debt >= t.medium THEN '1' ELSE '0' END,
                write_date = %(now)s
            FROM ukkr_debt_snapshot s JOIN ukkr_case_trigger_tmp t ON t.payer_kind = s.payer_kind
            WHERE s.close_id = %(close)s AND s.account_id = c.account_id AND c.state = 'open'""",
                   {"period": close.period, "close": close.id, "now": now})
        updated = cr.rowcount
        cr.execute("DROP TABLE ukkr_case_trigger_tmp")
        self.invalidate_cache()
        return {"opened": len(opened), "updated": updated}

    @api.model
    def _open_cases_paid_off(self):
        """Ids of open cases whose account owes no principal now (ledger charged minus allocated payments)."""
        self.env.cr.execute("""
            SELECT c.id FROM ukkr_debtor_case c
            WHERE c.state = 'open' AND NOT EXISTS (
                SELECT 1 FROM (
                    SELECT l.period, sum({charged}) AS charged
                    FROM ukkr_ledger_line l WHERE l.account_id = c.account_id GROUP BY l.period) ch
                LEFT JOIN (SELECT p.period, sum(p.amount) AS paid FROM ukkr_payment_allocation p
                           WHERE p.account_id = c.account_id GROUP BY p.period) pa ON pa.period = ch.period
                WHERE ch.charged - coalesce(pa.paid, 0) > 0.004)""".format(charged=ledger_sql.charged("l")))
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def _cron_close_paid_cases(self):
        """Daily: cases whose debt is paid off move to «Погашено» and close (with a line in their history); the
        open cases' next deadlines are looked at again (a promise kept, an agreement's payment made)."""
        cases = self.browse(self._open_cases_paid_off())
        cases._transition({"next_deadline": False, "next_action": False})
        if cases:
            cases._transition({"stage_id": self._stage("paid").id})
            for case in cases:
                case.message_post(body=_("The debt is paid off: the case is closed."), subtype="mail.mt_note")
        self.search([("state", "=", "open"), ("next_deadline", "!=", False)])._update_next_deadline()
        return len(cases)
