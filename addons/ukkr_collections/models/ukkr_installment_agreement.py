from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from . import schedule_calc
from .money import rub
from odoo.addons.ukkr_debt_plan.models.groups import MANAGER

STATES = [("draft", "Draft"), ("active", "In force"), ("fulfilled", "Fulfilled"), ("breached", "Breached"),
          ("cancelled", "Cancelled")]
# what only a draft may change: the terms themselves
TERMS = {"account_id", "case_id", "date", "tranche_ids", "line_ids", "term_months", "first_payment_date"}


class UkkrInstallmentAgreement(models.Model):
    """Соглашение о рассрочке (measure 13): the debtor repays the covered tranches by a monthly schedule.

    draft → «Сформировать график» (equal monthly lines) → activate (checks, then: the case moves to «Соглашение»,
    the covered tranches get a ГК 203 acknowledgement event) → fulfilled when the covered sum is paid, or breached
    by the daily check when a payment is later than the policy's grace days (the case moves to «Ограничение»).
    Payments are the account's ledger payments dated on/after the signing date, matched to the schedule
    cumulatively. API for ПП 354: ``_honoured_account_ids(account_ids, on_date)``.
    """
    _name = "ukkr.installment.agreement"
    _description = "Installment agreement"
    _inherit = ["ukkr.case.action", "mail.thread", "ukkr.workflow.mixin"]
    _order = "date desc, id desc"
    _workflow_fields = ("state", "policy_id", "grace_days", "date_fulfilled", "date_breached", "date_cancelled")
    _workflow_terms = tuple(sorted(TERMS))

    _measure_number = 13
    _measure_amount_field = "amount_covered"

    name = fields.Char("Number", readonly=True, copy=False, index=True)
    date = fields.Date(string="Signing date", track_visibility="onchange")
    state = fields.Selection(STATES, "Status", default="draft", required=True, readonly=True, index=True,
                             copy=False, track_visibility="onchange")
    partner_id = fields.Many2one(related="account_id.partner_id", string="Payer", store=True, readonly=True)
    building_id = fields.Many2one(related="account_id.building_id", string="Building", readonly=True)
    apartment = fields.Char(related="account_id.apartment", string="Apartment", readonly=True)
    is_municipal = fields.Boolean(related="account_id.is_municipal", string="Municipal housing", store=True,
                                  readonly=True)
    tranche_ids = fields.One2many("ukkr.installment.tranche", "agreement_id", "Covered periods", copy=True)
    amount_covered = fields.Float("Debt covered", digits=(14, 2), compute="_compute_amounts", store=True)
    term_months = fields.Integer("Monthly payments", default=12)
    first_payment_date = fields.Date("First payment")
    line_ids = fields.One2many("ukkr.installment.line", "agreement_id", "Schedule", copy=False)
    amount_scheduled = fields.Float("Scheduled", digits=(14, 2), compute="_compute_amounts", store=True)
    policy_id = fields.Many2one("ukkr.installment.policy", "Policy", readonly=True, copy=False,
                                help="The installment policy in force on the signing date.")
    grace_days = fields.Integer("Days of grace", readonly=True, copy=False)
    date_fulfilled = fields.Date("Fulfilled on", readonly=True, copy=False)
    date_breached = fields.Date("Breached on", readonly=True, copy=False)
    date_cancelled = fields.Date("Cancelled on", readonly=True, copy=False)
    note = fields.Text("Other terms")
    amount_paid = fields.Float("Paid since signing", digits=(14, 2), compute="_compute_status")
    amount_due = fields.Float("Due to date", digits=(14, 2), compute="_compute_status")
    arrears = fields.Float("Behind schedule", digits=(14, 2), compute="_compute_status")
    next_payment_date = fields.Date("Next payment", compute="_compute_status")
    next_payment_amount = fields.Float("Next payment amount", digits=(14, 2), compute="_compute_status")

    _sql_constraints = [("name_uniq", "unique(name)", "Agreement numbers are unique.")]

    # ------------------------------------------------------------------ computes
    @api.depends("tranche_ids.amount", "line_ids.amount")
    def _compute_amounts(self):
        for rec in self:
            rec.amount_covered = round(sum(rec.tranche_ids.mapped("amount")), 2)
            rec.amount_scheduled = round(sum(rec.line_ids.mapped("amount")), 2)

    def _compute_status(self):
        today = fields.Date.from_string(fields.Date.context_today(self))
        status = self.filtered("id")._schedule_status(today)
        for rec in self:
            rec.amount_paid = rec.amount_due = rec.arrears = rec.next_payment_amount = 0.0
            rec.next_payment_date = False
            found = status.get(rec.id)
            if not found:
                continue
            rec.amount_paid = found["paid"]
            rec.amount_due = found["due"]
            rec.arrears = found["arrears"]
            if found["next_line"]:
                rec.next_payment_date = found["next_line"][1]
                rec.next_payment_amount = found["next_line"][2]

    @api.multi
    def _schedule_status(self, as_of):
        """``{agreement id: status}`` as of a date, for many agreements in ONE query: per schedule line the
        cumulative sum due (due-to-date) and the payments made by its due date (paid-to-date), per agreement all
        payments since signing up to ``as_of``. Status: the keys of ``schedule_calc.schedule_status`` plus
        ``paid`` and ``lines`` [(line id, due date, amount, due to date, paid to date)]."""
        if not self.ids:
            return {}
        as_of = fields.Date.to_string(as_of) if not isinstance(as_of, str) else as_of
        self.env.cr.execute("""
            WITH ag AS (SELECT id, account_id, date FROM ukkr_installment_agreement WHERE id = ANY(%(ids)s)),
            pay AS (SELECT ag.id AS agreement_id, p.date, p.amount FROM ag
                    JOIN ukkr_payment p ON p.account_id = ag.account_id AND p.date >= ag.date
                                       AND p.date <= %(as_of)s),
            ln AS (SELECT l.id, l.agreement_id, l.date_due, l.amount,
                          sum(l.amount) OVER (PARTITION BY l.agreement_id ORDER BY l.date_due, l.sequence, l.id)
                              AS due_to_date
                   FROM ukkr_installment_line l JOIN ag ON ag.id = l.agreement_id)
            SELECT ag.id, ln.id, ln.date_due, ln.amount, ln.due_to_date,
                   (SELECT coalesce(sum(amount), 0) FROM pay WHERE pay.agreement_id = ag.id
                                                               AND pay.date <= ln.date_due),
                   (SELECT coalesce(sum(amount), 0) FROM pay WHERE pay.agreement_id = ag.id)
            FROM ag LEFT JOIN ln ON ln.agreement_id = ag.id
            ORDER BY ag.id, ln.due_to_date, ln.date_due, ln.id""", {"ids": self.ids, "as_of": as_of})
        rows, paid = defaultdict(list), {}
        for agreement_id, line_id, due, amount, due_to_date, paid_to_date, paid_now in self.env.cr.fetchall():
            paid[agreement_id] = round(paid_now, 2)
            if line_id:
                rows[agreement_id].append((line_id, fields.Date.from_string(due), amount, round(due_to_date, 2),
                                           round(paid_to_date, 2)))
        day = fields.Date.from_string(as_of)
        result = {}
        for rec in self:
            lines = rows.get(rec.id, [])
            status = schedule_calc.schedule_status([(l[0], l[1], l[2]) for l in lines], paid.get(rec.id, 0.0), day,
                                                   rec.grace_days)
            status.update(paid=paid.get(rec.id, 0.0), lines=lines)
            result[rec.id] = status
        return result

    # ------------------------------------------------------------------ create / write / unlink
    @api.model
    def create(self, vals):
        record = super().create(vals)
        self.env["ukkr.numbering"]._number(record)
        return record

    @api.multi
    def unlink(self):
        if not self.env.user.has_group(MANAGER):
            raise AccessError(_("Only the УККР — manager group deletes agreements."))
        if any(rec.state != "draft" for rec in self):
            raise UserError(_("Only a draft agreement can be deleted; cancel a signed one instead."))
        return super().unlink()

    # ------------------------------------------------------------------ checks
    def _principal_on_signing(self):
        """{period: unpaid principal} of the account's tranches on the signing date (from the ledger)."""
        self.ensure_one()
        return {t["period"]: t["principal"] for t in self.account_id.debt_tranches(self.date)}

    def _check_covered(self):
        self.ensure_one()
        if not self.tranche_ids:
            raise UserError(_("Agreement %s covers no debt: fill in the covered periods first.") % self.name)
        principal = self._principal_on_signing()
        for line in self.tranche_ids:
            if line.amount <= 0:
                raise UserError(_("The covered sum for period %s must be positive.") % line.period)
            owed = principal.get(line.period, 0.0)
            if line.amount > owed + 0.004:
                raise UserError(_("The covered sum for period %s (%s RUB) is above the period's unpaid principal "
                                  "on the signing date (%s RUB).") % (line.period, rub(line.amount), rub(owed)))
        return principal

    def _check_term(self, policy, first_date, last_date, count):
        """The term is the months the payments run (the first payment's month counted): 12 monthly payments
        starting the month after signing are a 12-month installment. The first payment is due at the latest in
        the month after signing."""
        self.ensure_one()
        signed = fields.Date.from_string(self.date)
        if first_date < signed:
            raise UserError(_("The first payment (%s) cannot be before the signing date (%s).")
                            % (first_date.strftime("%d.%m.%Y"), signed.strftime("%d.%m.%Y")))
        latest_first = signed + relativedelta(months=2, day=1) - relativedelta(days=1)
        if first_date > latest_first:
            raise UserError(_("The first payment (%s) is due at the latest on %s, by the end of the month after "
                              "signing.") % (first_date.strftime("%d.%m.%Y"), latest_first.strftime("%d.%m.%Y")))
        months = schedule_calc.months_span(first_date, last_date) + 1
        if count > policy.max_months or months > policy.max_months:
            raise UserError(_("The schedule runs %d months with %d payments: the installment policy in force "
                              "allows at most %d months.") % (max(months, 1), count, policy.max_months))

    # ------------------------------------------------------------------ buttons
    @api.multi
    def action_fill_tranches(self):
        """Covered periods := the account's overdue tranches on the signing date, each with its unpaid principal."""
        for rec in self:
            if rec.state != "draft":
                raise UserError(_("Agreement %s is no longer a draft.") % rec.name)
            day = fields.Date.from_string(rec.date)
            tranches = [t for t in rec.account_id.debt_tranches(day) if t["principal"] > 0 and t["due_date"] < day]
            if not tranches:
                raise UserError(_("Account %s has no overdue debt on %s.") % (rec.account_id.name,
                                                                               day.strftime("%d.%m.%Y")))
            rec.write({"tranche_ids": [(5, 0, 0)] + [
                (0, 0, {"period": t["period"], "principal": t["principal"], "amount": t["principal"]})
                for t in tranches]})
        return True

    @api.multi
    def action_generate_schedule(self):
        """«Сформировать график»: equal monthly payments from the first payment date, kopecks to the last one."""
        for rec in self:
            if rec.state != "draft":
                raise UserError(_("Agreement %s is no longer a draft: its schedule is fixed.") % rec.name)
            if rec.term_months < 1:
                raise UserError(_("Set the number of monthly payments."))
            if not rec.first_payment_date:   # the default: a month after signing
                rec.first_payment_date = fields.Date.to_string(fields.Date.from_string(rec.date)
                                                               + relativedelta(months=1))
            policy = self.env["ukkr.installment.policy"]._in_force(rec.date)
            rec._check_covered()
            first = fields.Date.from_string(rec.first_payment_date)
            schedule = schedule_calc.equal_schedule(rec.amount_covered, rec.term_months, first)
            rec._check_term(policy, first, schedule[-1][0], len(schedule))
            rec.write({"line_ids": [(5, 0, 0)] + [
                (0, 0, {"sequence": index + 1, "date_due": fields.Date.to_string(day), "amount": amount})
                for index, (day, amount) in enumerate(schedule)]})
        return True

    @api.multi
    def action_activate(self):
        """Signed: check the terms, put the agreement in force, acknowledge the covered tranches (ГК 203) and
        move the case to «Соглашение». Refused with a clear message — and nothing changed — on bad terms."""
        Event = self.env["ukkr.limitation.event"].sudo()
        for rec in self:
            if rec.state != "draft":
                raise UserError(_("Agreement %s is not a draft.") % rec.name)
            if not rec.line_ids:
                raise UserError(_("Agreement %s has no payment schedule: press «Generate the schedule» first.")
                                % rec.name)
            if rec.date > fields.Date.context_today(self):
                raise UserError(_("Agreement %s is dated %s, in the future: put it in force on the day it is "
                                  "signed.") % (rec.name, fields.Date.from_string(rec.date).strftime("%d.%m.%Y")))
            policy = self.env["ukkr.installment.policy"]._in_force(rec.date)
            principal = rec._check_covered()
            lines = rec.line_ids.sorted(lambda l: (l.date_due, l.sequence, l.id))
            if any(line.amount <= 0 for line in lines):
                raise UserError(_("Every payment of the schedule must be positive."))
            if len(set(lines.mapped("date_due"))) != len(lines):
                raise UserError(_("Two payments of the schedule fall on the same date."))
            if round(rec.amount_scheduled * 100) != round(rec.amount_covered * 100):
                raise UserError(_("The schedule sums to %s RUB, the covered debt is %s RUB: they must be equal.")
                                % (rub(rec.amount_scheduled), rub(rec.amount_covered)))
            rec._check_term(policy, fields.Date.from_string(lines[0].date_due),
                            fields.Date.from_string(lines[-1].date_due), len(lines))
            with rec._workflow_path():
                for line in rec.tranche_ids:
                    line.principal = principal.get(line.period, 0.0)
                rec._transition({"state": "active", "policy_id": policy.id, "grace_days": policy.grace_days})
            for line in rec.tranche_ids:
                Event.create({"account_id": rec.account_id.id, "period": line.period, "kind": "acknowledged",
                              "date": rec.date, "res_model": rec._name, "res_id": rec.id,
                              "note": "Соглашение о рассрочке %s: признано %s руб." % (rec.name, rub(line.amount))})
            text = ("Соглашение о рассрочке %s вступило в силу: %s руб. за периоды %s, %d платежей до %s." % (
                rec.name, rub(rec.amount_covered), ", ".join(rec.tranche_ids.mapped("period")), len(lines),
                fields.Date.from_string(lines[-1].date_due).strftime("%d.%m.%Y")))
            rec._post_note(text)
            rec.case_id._advance_to("agreement", text)
        return True

    @api.multi
    def action_cancel(self):
        """A draft is cancelled by its author; an agreement in force only by the manager (recorded by mistake or
        never signed): its acknowledgement events go with it."""
        for rec in self:
            if rec.state in ("fulfilled", "breached", "cancelled"):
                raise UserError(_("Agreement %s is already fulfilled, breached or cancelled: it cannot be "
                                  "cancelled.") % rec.name)
            if rec.state == "active" and not self.env.user.has_group(MANAGER):
                raise AccessError(_("Only the УККР — manager group cancels an agreement in force."))
            self.env["ukkr.limitation.event"].sudo().search([("res_model", "=", rec._name),
                                                              ("res_id", "=", rec.id)]).unlink()
            rec._transition({"state": "cancelled", "date_cancelled": fields.Date.context_today(self)})
            rec._post_note("Соглашение %s отменено." % rec.name)
        return True

    # ------------------------------------------------------------------ the printed agreement
    def _print_data(self):
        """What the printed agreement shows, formatted the Russian way (the QWeb template only lays it out)."""
        self.ensure_one()
        day = fields.Date.from_string(self.date)
        lines = self.line_ids.sorted(lambda l: (l.date_due, l.sequence, l.id))
        return {
            "date": day.strftime("%d.%m.%Y"),
            "company": self.env.user.company_id.name,
            "place": self.account_id.settlement_id.name or "",
            "address": self.account_id.address,
            "periods": [(t.period, rub(t.principal), rub(t.amount)) for t in self.tranche_ids.sorted("period")],
            "total": rub(self.amount_covered),
            "lines": [(index + 1, fields.Date.from_string(l.date_due).strftime("%d.%m.%Y"), rub(l.amount))
                      for index, l in enumerate(lines)],
            "last_date": fields.Date.from_string(lines[-1].date_due).strftime("%d.%m.%Y") if lines else "",
            "grace_days": self.grace_days or self.env["ukkr.installment.policy"]._in_force(self.date).grace_days,
            "channels": self.env["ukkr.payment.channel"]._payer_channels(),
        }

    # ------------------------------------------------------------------ the case
    def _case_deadline(self):
        """The next schedule line not yet paid, while the agreement is in force."""
        if self.state != "active":
            return None
        status = self._schedule_status(fields.Date.from_string(fields.Date.context_today(self)))[self.id]
        if not status["next_line"]:
            return None
        _line, day, amount = status["next_line"]
        return day, "Платёж по рассрочке %s: %s руб." % (self.name, rub(amount))

    @api.model
    def _measure_done_domain(self):
        return [("state", "in", ("active", "fulfilled", "breached"))]

    # ------------------------------------------------------------------ daily check and the ПП 354 API
    @api.model
    def _cron_check_agreements(self):
        """Daily: agreements in force whose covered sum is paid become fulfilled; those with a payment later than
        the grace days become breached (chatter note, the case moves to «Ограничение»). One status query for all.
        Returns (fulfilled count, breached count)."""
        today = fields.Date.context_today(self)
        agreements = self.sudo().search([("state", "=", "active")])
        status = agreements._schedule_status(today)
        fulfilled = agreements.filtered(lambda a: status[a.id]["paid"] >= a.amount_covered - 0.004)
        breached = (agreements - fulfilled).filtered(lambda a: status[a.id]["breach_line"])
        if fulfilled:
            fulfilled._transition({"state": "fulfilled", "date_fulfilled": today})
            for rec in fulfilled:
                rec.message_post(body="Соглашение %s исполнено: оплачено %s руб. из %s руб." % (
                    rec.name, rub(status[rec.id]["paid"]), rub(rec.amount_covered)), subtype="mail.mt_note")
        if breached:
            breached._transition({"state": "breached", "date_breached": today})
            lines = self.env["ukkr.installment.line"].sudo()
            texts = {}
            for rec in breached:
                line = lines.browse(status[rec.id]["breach_line"])
                text = ("Соглашение о рассрочке %s нарушено: платёж %s руб. со сроком %s не внесён в течение %d "
                        "дней; отставание от графика %s руб." % (
                            rec.name, rub(line.amount), fields.Date.from_string(line.date_due).strftime("%d.%m.%Y"),
                            rec.grace_days, rub(status[rec.id]["arrears"])))
                rec.message_post(body=text, subtype="mail.mt_note")
                texts.setdefault(rec.case_id.id, []).append(text)
            # the cases move in one write; each gets its agreement's note
            for case in breached.mapped("case_id")._advance_to("limitation"):
                case.message_post(body="<br/>".join(texts[case.id]), subtype="mail.mt_note")
        (agreements - fulfilled - breached).mapped("case_id")._update_next_deadline()
        return len(fulfilled), len(breached)

    @api.model
    def _honoured_account_ids(self, account_ids, on_date):
        """Set of account ids (among ``account_ids``) with an installment agreement in force and honoured on
        ``on_date``: signed by then, not cancelled, not yet fulfilled or recorded as breached by then, and no
        schedule payment later than its grace days on that date (payments up to that date). One query."""
        on_date = fields.Date.to_string(on_date) if not isinstance(on_date, str) else on_date
        account_ids = account_ids.ids if isinstance(account_ids, models.BaseModel) else list(account_ids)
        self.env.cr.execute("""
            WITH ag AS (
                SELECT id, account_id, date, grace_days FROM ukkr_installment_agreement
                WHERE account_id = ANY(%(accounts)s) AND state IN ('active', 'fulfilled', 'breached')
                  AND date <= %(day)s AND (date_fulfilled IS NULL OR date_fulfilled > %(day)s)
                  AND (date_breached IS NULL OR date_breached > %(day)s)),
            paid AS (
                SELECT ag.id AS agreement_id, coalesce(sum(p.amount), 0) AS amount FROM ag
                LEFT JOIN ukkr_payment p ON p.account_id = ag.account_id AND p.date >= ag.date
                                        AND p.date <= %(day)s
                GROUP BY ag.id),
            ln AS (
                SELECT l.agreement_id, l.date_due,
                       sum(l.amount) OVER (PARTITION BY l.agreement_id ORDER BY l.date_due, l.sequence, l.id)
                           AS due_to_date
                FROM ukkr_installment_line l JOIN ag ON ag.id = l.agreement_id)
            SELECT DISTINCT ag.account_id FROM ag JOIN paid ON paid.agreement_id = ag.id
            WHERE NOT EXISTS (SELECT 1 FROM ln WHERE ln.agreement_id = ag.id
                                AND ln.date_due + ag.grace_days < %(day)s::date
                                AND ln.due_to_date > paid.amount + 0.004)""",
                            {"accounts": account_ids, "day": on_date})
        return {account_id for (account_id,) in self.env.cr.fetchall()}
