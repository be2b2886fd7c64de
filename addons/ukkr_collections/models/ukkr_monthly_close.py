import logging
from collections import defaultdict
from datetime import datetime, timedelta

from psycopg2.extras import execute_values

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError

from . import db_locks, penalty_calc, period_calc
from .period_calc import is_period, next_period, period_bounds, previous_period
from .selections import ORGANISATIONS, POPULATION_LABELS as CATEGORY_LABELS
from .sql_copy import copy_rows
from odoo.addons.ukkr_debt_plan.models.groups import MANAGER
from . import ledger_sql
from .chart_of_accounts import chart_accounts
from .money import rub

_logger = logging.getLogger(__name__)
# setting (Настройки → Отчёты УККР): the scheduled close waits at least until this day of the next month; 0 — no day
PARAM_AUTO_CLOSE_DAY = "ukkr_collections.auto_close_day"
CLOSE_LOCK_KEY = db_locks.CLOSE_KEY  # advisory lock: one monthly close at a time, across processes
ACCOUNT_CODES = {"receivable": "62.01", "advances": "62.02", "revenue": "90.01", "bank": "51",
                 "penalty_receivable": "76.02", "penalty_income": "91.01", "opening": "000"}


class UkkrMonthlyClose(models.Model):
    """The close of a month: a frozen debt snapshot per account and the period's accounting entry.

    ``close_period('YYYY-MM')``: set-based (aggregate queries, penalties in memory over prefetched rules, batched
    inserts); refused while the period is closed, and while another close runs (advisory lock). Reopening is for
    the УККР — руководитель group and drops the snapshots and the entry, so the month can be closed again.
    """
    _name = "ukkr.monthly.close"
    _description = "Monthly close"
    _inherit = ["mail.thread", "ukkr.workflow.mixin"]
    _order = "period desc"
    _rec_name = "period"
    _workflow_fields = ("period", "state", "date_closed", "closed_by_id", "account_count", "debt_total",
                        "overdue_total", "penalty_total", "accrued_total", "paid_total", "move_id", "duration")

    period = fields.Char("Period", size=7, required=True, readonly=True)
    state = fields.Selection([("closed", "Closed"), ("reopened", "Reopened")], "Status", readonly=True,
                             default="closed", track_visibility="onchange")
    date_closed = fields.Datetime("Closed on", readonly=True)
    closed_by_id = fields.Many2one("res.users", "Closed by", readonly=True)
    account_count = fields.Integer("Accounts", readonly=True)
    debt_total = fields.Float("Debt", digits=(16, 2), readonly=True)
    overdue_total = fields.Float("Overdue debt", digits=(16, 2), readonly=True)
    penalty_total = fields.Float("Penalties", digits=(16, 2), readonly=True)
    accrued_total = fields.Float("Accrued", digits=(16, 2), readonly=True)
    paid_total = fields.Float("Paid", digits=(16, 2), readonly=True)
    move_id = fields.Many2one("account.move", "Accounting entry", readonly=True)
    snapshot_ids = fields.One2many("ukkr.debt.snapshot", "close_id", "Snapshots")
    duration = fields.Float("Seconds", digits=(8, 1), readonly=True)

    _sql_constraints = [("period_uniq", "unique(period)", "A month is closed once; reopen it to close again.")]

    # ------------------------------------------------------------------ API
    @api.model
    def close_period(self, period):
        import time
        started = time.time()
        if self.env.uid != 1 and not self.env.user.has_group(MANAGER):
            raise AccessError(_("Only the УККР — manager group closes a month."))
        if not is_period(period):
            raise UserError(_("«%s» is not a period: write YYYY-MM, e.g. 2026-10.") % (period,))
        today = fields.Date.from_string(fields.Date.context_today(self))
        start, end = period_bounds(period)
        if end >= today:
            raise UserError(_("Month %s has not ended yet: it can be closed from %s on.")
                            % (period, (end + timedelta(days=1)).strftime("%d.%m.%Y")))
        self._lock_close()
        existing = self.search([("period", "=", period)])
        if existing.state == "closed":
            raise UserError(_("Month %s is already closed. To close it again, the УККР — manager group reopens it "
                              "first.") % period)
        self._check_close_order(period)
        previous = self.search([("period", "<", period), ("state", "=", "closed")], order="period desc", limit=1)
        state = self._compute_state(period, end)
        close = existing or self.sudo()._workflow_create({"period": period})
        close = close.sudo()
        self._insert_snapshots(close, period, state)
        cases = self.env["ukkr.debtor.case"].sudo()._sync_with_close(close)
        move = self._post_entry(close, period, end, state, previous)
        totals = state["totals"]
        close._transition({"state": "closed", "date_closed": fields.Datetime.now(), "closed_by_id": self.env.uid,
                     "account_count": len(state["accounts"]), "debt_total": totals["debt"],
                     "overdue_total": totals["overdue"], "penalty_total": totals["penalty"],
                     "accrued_total": totals["accrued"], "paid_total": totals["paid"],
                     "move_id": move.id, "duration": time.time() - started})
        close._note(_("Month %s closed: %d accounts, debt %s RUB. Debtor cases opened: %d, figures refreshed: %d.")
                    % (period, len(state["accounts"]), rub(totals["debt"]), cases["opened"], cases["updated"]))
        return close

    @api.model
    def _check_close_order(self, period):
        """Months are closed in order: the month after the last closed one; with none closed, not after a month
        that was reopened (its entry was reversed: the ledger would skip it)."""
        last = self.search([("state", "=", "closed")], order="period desc", limit=1)
        if last and period != next_period(last.period):
            raise UserError(_("Months are closed in order: the last closed month is %s, so the next one to close is "
                              "%s, not %s.") % (last.period, next_period(last.period), period))
        if not last:
            earliest = self.search([("state", "=", "reopened")], order="period", limit=1)
            if earliest and period > earliest.period:
                raise UserError(_("Month %s was reopened and is not closed again: close it before %s.")
                                % (earliest.period, period))

    @api.model
    def _lock_close(self):
        """One close (or reopening) at a time, and none while a billing file is being imported."""
        if db_locks.try_lock(self.env.cr, CLOSE_LOCK_KEY):
            return
        if db_locks.held_by_others(self.env.cr, CLOSE_LOCK_KEY) == {"ShareLock"}:
            raise UserError(_("A billing file is being imported right now; nothing has changed. Close the month when "
                              "the import has finished."))
        raise UserError(_("Another monthly close is running right now; nothing has changed. Try again when it has "
                          "finished."))

    @api.multi
    def action_reopen(self):
        if not self.env.user.has_group(MANAGER):
            raise AccessError(_("Only the УККР — manager group reopens a closed month."))
        self._lock_close()
        for close in self:
            if close.state != "closed":
                raise UserError(_("Month %s is not closed: only a closed month is reopened.") % close.period)
            later = self.search([("period", ">", close.period), ("state", "=", "closed")], limit=1)
            if later:
                raise UserError(_("Month %s cannot be reopened while the later month %s is closed.")
                                % (close.period, later.period))
            self.env.cr.execute("UPDATE ukkr_payment SET close_id = NULL WHERE close_id = %s", (close.id,))
            move = close.sudo().move_id
            if move:
                self._post_reversal(move)
            # the snapshots are the close's own data: dropped in one statement (tens of thousands of rows)
            self.env.cr.execute("DELETE FROM ukkr_debt_snapshot WHERE close_id = %s", (close.id,))
            self.env["ukkr.debt.snapshot"].invalidate_cache()
            close.sudo()._transition({"state": "reopened", "move_id": False})
            close._note(_("Month %s reopened.") % close.period)
        return True

    def _post_reversal(self, move):
        """Reversing entry (обратная проводка): the posted entry stays, a new one with debit and credit swapped
        cancels it, so the audit trail is kept. Written like the close's own entry — Odoo's ``reverse_moves``
        copies and rewrites line by line, which takes minutes for a city-sized entry."""
        self.env.cr.execute("""SELECT account_id, partner_id, name, credit, debit FROM account_move_line
                               WHERE move_id = %s ORDER BY id""", (move.id,))
        swapped = self.env.cr.fetchall()
        return self._create_posted_entry(move.journal_id, move.date, _("Reversal of %s") % (move.ref or move.name),
                                         swapped)

    @api.model
    def _check_entry_lines(self, journal, accounts, lines):
        """What Odoo checks when it creates an entry's lines one by one (account_move.py), once per account: not
        deprecated, of the journal's company, kept in the company's currency, allowed by the journal's entry
        controls; and the entry balances — before anything is written or a sequence number is drawn."""
        for account in accounts:
            if account.deprecated:
                raise UserError(_("Account %s %s is deprecated: the entry is not posted, nothing has changed.")
                                % (account.code, account.name))
            if account.company_id != journal.company_id:
                raise UserError(_("Account %s belongs to another company than journal %s: the entry is not "
                                  "posted, nothing has changed.") % (account.code, journal.name))
            if account.currency_id and account.currency_id != account.company_id.currency_id:
                raise UserError(_("Account %s is kept in its own currency (%s): the monthly close posts in the "
                                  "company's currency only; nothing has changed.")
                                % (account.code, account.currency_id.name))
            if (journal.type_control_ids or journal.account_control_ids) and not (
                    account.user_type_id in journal.type_control_ids or account in journal.account_control_ids):
                raise UserError(_("Journal %s does not allow account %s (its «Entry Controls»): the entry is not "
                                  "posted, nothing has changed.") % (journal.name, account.code))
        difference = round(sum(round(debit or 0.0, 2) - round(credit or 0.0, 2)
                               for _a, _p, _n, debit, credit in lines), 2)
        if difference:
            raise UserError(_("The entry does not balance (debit − credit = %s): it is not posted, nothing has "
                              "changed.") % rub(difference))

    @api.model
    def _create_posted_entry(self, journal, entry_date, ref, lines):
        """A posted entry of the general journal ``journal`` with any number of ``lines`` (account id, partner id,
        label, debit, credit), written set-based.

        Odoo creates entry lines one by one, each with its recomputations (≈ 2 ms a line); a city's close has
        thousands of receivable lines, one per organisation. So the entry is created and posted empty through the
        ORM (sequence number, lock date), its lines go in with one INSERT carrying what Odoo itself stores for a
        posted line of a general journal (balance, cash basis, residual of reconcilable and liquidity accounts, the
        related company, currency, type, journal, date, reference) and the entry's own computed fields are set alike;
        Odoo's per-line checks and the balance run first (``_check_entry_lines``). A test compares such an entry
        with one made by the ORM column by column."""
        if journal.type in ("sale", "purchase"):
            raise UserError(_("Journal %s is a sale or purchase journal: its entries are not written by the "
                              "monthly close.") % journal.name)
        accounts = {account.id: account for account in
                    self.env["account.account"].sudo().browse(list({line[0] for line in lines}))}
        self._check_entry_lines(journal, accounts.values(), lines)
        move = self.env["account.move"].sudo().with_context(check_move_validity=False).create({
            "journal_id": journal.id, "date": entry_date, "ref": ref})
        # posted while still empty (sequence number, lock date): posting a full entry makes Odoo recompute and
        # rewrite every line's residual one UPDATE at a time (its dependency on the entry's state)
        move.post()
        entry_date = move.date   # 'YYYY-MM-DD' in Odoo 11
        now = datetime.utcnow().replace(microsecond=0)
        uid = move.create_uid.id   # the lines are written by whoever created the entry, as through the ORM
        rows = []
        for account_id, partner_id, name, debit, credit in lines:
            account = accounts[account_id]
            debit, credit = round(debit or 0.0, 2), round(credit or 0.0, 2)
            balance = round(debit - credit, 2)
            open_item = account.reconcile or account.internal_type == "liquidity"
            rows.append((name, debit, credit, balance, debit, credit, balance, account.company_id.currency_id.id,
                         balance if open_item else 0.0, open_item and not balance, account_id, move.id, ref,
                         journal.id, entry_date, entry_date, account.company_id.id, partner_id or None,
                         account.user_type_id.id, uid, now, uid, now))
        execute_values(self.env.cr, """
            INSERT INTO account_move_line (name, debit, credit, balance, debit_cash_basis, credit_cash_basis,
                balance_cash_basis, company_currency_id, amount_residual, reconciled, account_id, move_id, ref,
                journal_id, date_maturity, date, company_id, partner_id, user_type_id, amount_currency,
                amount_residual_currency, tax_base_amount, blocked, tax_exigible, create_uid, create_date, write_uid,
                write_date)
            SELECT v.name, v.debit, v.credit, v.balance, v.debit_cb, v.credit_cb, v.balance_cb, v.currency,
                   v.residual, v.reconciled, v.account, v.move, v.ref, v.journal, v.maturity::date, v.day::date,
                   v.company, v.partner::integer, v.user_type, 0, 0, 0, false, true, v.cu, v.cd, v.wu, v.wd
            FROM (VALUES %s) AS v(name, debit, credit, balance, debit_cb, credit_cb, balance_cb, currency, residual,
                                  reconciled, account, move, ref, journal, maturity, day, company, partner,
                                  user_type, cu, cd, wu, wd)""", rows, page_size=5000)
        # the entry's own stored fields as Odoo computes them (_amount_compute: sum of debits; _compute_partner_id:
        # the one partner of all lines, if one; _compute_matched_percentage: nothing reconciled yet, so 0 with
        # receivable/payable lines and 1 without) — one UPDATE instead of reading every line through the ORM
        self.env.cr.execute("""
            UPDATE account_move m SET amount = t.debit,
                   partner_id = CASE WHEN t.partners = 1 THEN t.partner END,
                   matched_percentage = CASE WHEN coalesce(t.open_amount, 0) = 0 THEN 1.0 ELSE 0.0 END
            FROM (SELECT sum(l.debit) AS debit, count(DISTINCT l.partner_id) AS partners, min(l.partner_id) AS partner,
                         sum(abs(l.debit - l.credit)) FILTER (WHERE ty.type IN ('receivable', 'payable')) AS open_amount
                  FROM account_move_line l JOIN account_account_type ty ON ty.id = l.user_type_id
                  WHERE l.move_id = %s) t
            WHERE m.id = %s""", (move.id, move.id))
        self.env["account.move.line"].invalidate_cache()
        move.invalidate_cache()
        return move

    def _note(self, body):
        """Chatter note by the acting user, even one without an e-mail address of their own."""
        user = self.env.user
        self.sudo().message_post(body=body, author_id=user.partner_id.id, subtype="mail.mt_note",
                                 email_from=user.partner_id.email or user.company_id.email or "noreply@localhost")

    # ------------------------------------------------------------------ the computation
    @api.model
    def debt_state(self, period, as_of):
        """The debt of every account as the close computes it, without closing anything: ``{"accounts": {account_id:
        {debt, overdue, penalty, buckets, months, accrued, paid, last_payment, payer_kind, tenure, …}}, "totals":
        {…}, "skipped": …}`` for the periods up to ``period`` as of the date ``as_of`` — e.g. the opening debt of a
        year whose December is not closed (the monthly report). It reads every account: the system (a report
        computing as superuser) and the УККР — руководитель group only."""
        if self.env.uid != SUPERUSER_ID and not self.env.user.has_group(MANAGER):
            raise AccessError(_("Only the УККР — manager group reads the debt of every account."))
        return self._compute_state(period, as_of)

    @api.model
    def _compute_state(self, period, as_of):
        """Per account: debt by bucket, penalty, months in debt, last payment — as of ``as_of`` for periods up to
        ``period``. Two aggregate reads plus the penalty arithmetic in memory."""
        cr = self.env.cr
        context = self.env["ukkr.rules"]._penalty_context()
        evaluate = context["tranche"]
        # Fast path: a tranche paid in full, by payments all made while no penalty runs yet, has no principal and
        # no penalty — SQL finds those and only the rest is evaluated in Python (at 36 months of history most
        # tranches are such). The context key ``ukkr_close_full_path`` turns it off (the test compares both).
        quiet = []
        if not self.env.context.get("ukkr_close_full_path"):
            cr.execute("SELECT name FROM ukkr_period WHERE name <= %s", (period,))
            periods = [name for (name,) in cr.fetchall()]
            cr.execute("SELECT DISTINCT payer_kind FROM ukkr_personal_account WHERE payer_kind IS NOT NULL")
            for (kind,) in cr.fetchall():
                for name in periods:
                    until = context["quiet_until"](name, kind)
                    if until is not None:
                        quiet.append((name, kind, until))
        cr.execute("DROP TABLE IF EXISTS ukkr_close_tranche")
        cr.execute("""
            CREATE TEMP TABLE ukkr_close_tranche ON COMMIT DROP AS
            WITH charged AS (
                SELECT account_id, period, sum({charged}) AS amount FROM ukkr_ledger_line
                WHERE period <= %(period)s GROUP BY account_id, period),
            paid AS (
                SELECT account_id, period, sum(amount) AS amount, min(amount) AS smallest, max(date) AS last
                FROM ukkr_payment_allocation WHERE date <= %(as_of)s AND period <= %(period)s
                GROUP BY account_id, period),
            quiet AS (
                SELECT * FROM unnest(%(q_period)s::varchar[], %(q_kind)s::varchar[], %(q_until)s::date[])
                    AS q(period, payer_kind, until))
            SELECT c.account_id, c.period, c.amount,
                   coalesce(p.amount >= c.amount AND p.smallest > 0 AND p.last <= q.until, false) AS settled
            FROM charged c JOIN ukkr_personal_account a ON a.id = c.account_id
            LEFT JOIN paid p ON p.account_id = c.account_id AND p.period = c.period
            LEFT JOIN quiet q ON q.period = c.period AND q.payer_kind = a.payer_kind""".format(
                charged=ledger_sql.charged()),
                   {"period": period, "as_of": as_of, "q_period": [q[0] for q in quiet],
                    "q_kind": [q[1] for q in quiet], "q_until": [q[2] for q in quiet]})
        cr.execute("ANALYZE ukkr_close_tranche")
        # the accounts with a ledger line up to the period: those of the tranches
        cr.execute("""
            SELECT a.id, a.partner_id, a.settlement_id, a.building_id, a.payer_kind, a.tenure, a.is_municipal
            FROM ukkr_personal_account a
            WHERE a.id IN (SELECT account_id FROM ukkr_close_tranche)""")
        accounts = {row[0]: {"partner_id": row[1], "settlement_id": row[2], "building_id": row[3],
                             "payer_kind": row[4], "tenure": row[5], "is_municipal": row[6], "debt": 0.0,
                             "overdue": 0.0, "penalty": 0.0, "months": 0, "accrued": 0.0, "paid": 0.0,
                             "last_payment": None, "buckets": defaultdict(float)} for row in cr.fetchall()}
        # settled tranches only count for the month's accruals
        cr.execute("""SELECT account_id, sum(amount) FROM ukkr_close_tranche WHERE settled AND period = %s
                      GROUP BY account_id""", (period,))
        for account_id, amount in cr.fetchall():
            accounts[account_id]["accrued"] += amount
        cr.execute("SELECT account_id, period, amount FROM ukkr_close_tranche WHERE NOT settled")
        charged = cr.fetchall()
        cr.execute("SELECT count(*) FROM ukkr_close_tranche WHERE settled")
        skipped = cr.fetchone()[0]
        cr.execute("""
            SELECT al.account_id, al.period, al.date, sum(al.amount) FROM ukkr_payment_allocation al
            JOIN ukkr_close_tranche t ON t.account_id = al.account_id AND t.period = al.period AND NOT t.settled
            WHERE al.date <= %s AND al.period <= %s GROUP BY al.account_id, al.period, al.date""", (as_of, period))
        allocated = defaultdict(list)
        day_of = {}   # a city's payments fall on a few hundred distinct days: parse each once
        for account_id, tranche, pay_date, amount in cr.fetchall():
            day = day_of.get(pay_date)
            if day is None:
                day = day_of[pay_date] = fields.Date.from_string(pay_date)
            allocated[(account_id, tranche)].append((day, amount))
        cr.execute("DROP TABLE ukkr_close_tranche")
        cr.execute("""
            SELECT account_id, sum(amount) FILTER (WHERE date >= %s), max(date) FROM ukkr_payment
            WHERE date <= %s GROUP BY account_id""", (period_bounds(period)[0], as_of))
        for account_id, paid, last in cr.fetchall():
            if account_id in accounts:
                accounts[account_id]["paid"] = paid or 0.0
                accounts[account_id]["last_payment"] = last
        # agreements branch: limitation events of all accounts in one query (acknowledgements restart the period)
        events = self.env["ukkr.limitation.event"]._events_by_tranche(None, as_of)
        for account_id, period_of, amount in charged:
            data = accounts[account_id]
            if period_of == period:
                data["accrued"] += amount
            tranche = evaluate(period_of, amount, allocated.get((account_id, period_of), []), as_of,
                               data["payer_kind"], events.get((account_id, period_of), ()), account_id)
            data["penalty"] += penalty_calc.round_money(tranche["penalty"])  # per tranche, as on the form
            if tranche["principal"] <= 0.004:
                continue
            data["debt"] += tranche["principal"]
            data["buckets"][tranche["bucket"]] += tranche["principal"]
            if tranche["overdue"]:
                data["overdue"] += tranche["principal"]
                data["months"] += 1
        totals = dict.fromkeys(("debt", "overdue", "penalty", "accrued", "paid"), 0.0)   # also with no account
        for data in accounts.values():
            data["penalty"] = penalty_calc.round_money(data["penalty"])
            data["debt"] = round(data["debt"], 2)
            for key, source in (("debt", "debt"), ("overdue", "overdue"), ("penalty", "penalty"),
                                ("accrued", "accrued"), ("paid", "paid")):
                totals[key] += data[source]
        return {"accounts": accounts, "totals": {k: round(v, 2) for k, v in totals.items()}, "skipped": skipped}

    def _insert_snapshots(self, close, period, state):
        now = datetime.utcnow().replace(microsecond=0)
        values = []
        for account_id, d in state["accounts"].items():
            b = d["buckets"]
            values.append((close.id, period, account_id, d["partner_id"], d["settlement_id"], d["building_id"],
                           d["payer_kind"], d["tenure"], d["is_municipal"], round(d["accrued"], 2),
                           round(d["paid"], 2), d["debt"], round(d["overdue"], 2), round(b["current"], 2),
                           round(b["1_3"], 2), round(b["3_6"], 2), round(b["6_12"], 2), round(b["12_36"], 2),
                           round(b["barred"], 2), d["penalty"], d["months"], d["last_payment"],
                           self.env.uid, now, self.env.uid, now))
        copy_rows(self.env.cr, "ukkr_debt_snapshot", (
            "close_id", "period", "account_id", "partner_id", "settlement_id", "building_id", "payer_kind", "tenure",
            "is_municipal", "accrued", "paid", "debt", "overdue_debt", "debt_current", "debt_1_3", "debt_3_6",
            "debt_6_12", "debt_12_36", "debt_barred", "penalty", "months_in_debt", "last_payment_date", "create_uid",
            "create_date", "write_uid", "write_date"), values)
        # fresh statistics: without them the planner of the case sync below takes the just-written snapshot for an
        # empty table and re-aggregates the ledger once per snapshot row (a 2 000-account close spent 50 s there)
        # (the columns the sync's joins and filters use: the whole table's statistics took 0.4 s at 20 000 × 11
        # months, these 0.05 s; autovacuum refreshes the rest)
        self.env.cr.execute("ANALYZE ukkr_debt_snapshot (close_id, period, account_id, payer_kind, overdue_debt)")

    # ------------------------------------------------------------------ accounting
    @api.model
    def _accounts(self):
        return chart_accounts(self.env, ACCOUNT_CODES)

    @staticmethod
    def _group_of(data):
        if data["payer_kind"] in ORGANISATIONS:
            return ("partner", data["partner_id"])
        return ("category", data["tenure"])

    def _post_entry(self, close, period, end, state, previous):
        """Post the month: receivable (62.01) per organisation and one line per category of the population,
        accruals to revenue (90.01), cash (51), advances (62.02), penalties (76.02 / 91.01); the first close also
        brings the opening debt (000). The receivable's balance then equals the snapshot's debt."""
        accounts = self.sudo()._accounts()
        journal = self.env.ref("ukkr_collections.journal_ukkr").sudo()
        if previous:
            self.env.cr.execute("""
                SELECT s.account_id, s.debt, s.penalty FROM ukkr_debt_snapshot s WHERE s.close_id = %s""",
                                (previous.id,))
            before = {a: (debt, penalty) for a, debt, penalty in self.env.cr.fetchall()}
            self.env.cr.execute("""
                SELECT account_id, sum({charged}) FROM ukkr_ledger_line
                WHERE period > %s AND period <= %s GROUP BY account_id""".format(charged=ledger_sql.charged()),
                (previous.period, period))
            accrued = dict(self.env.cr.fetchall())
            opening = False
            # write-offs posted since the last close credited 62.01 with their own entry (ukkr.write.off)
            for account_id, amount in self.env["ukkr.write.off"]._write_off_adjustments(close, end).items():
                old_debt, old_penalty = before.get(account_id, (0.0, 0.0))
                before[account_id] = (old_debt - amount, old_penalty)
        else:
            prior = self._compute_state(previous_period(period), period_bounds(previous_period(period))[1])
            before = {a: (d["debt"], d["penalty"]) for a, d in prior["accounts"].items()}
            accrued = {a: d["accrued"] for a, d in state["accounts"].items()}
            opening = True
            # payments before the month are inside the opening debt: mark them posted without counting them
            self.env.cr.execute("UPDATE ukkr_payment SET close_id = %s WHERE close_id IS NULL AND date < %s",
                                (close.id, period_bounds(period)[0]))
        # cash: every payment dated up to the month's end that no close has posted yet (late ones included)
        self.env.cr.execute("""UPDATE ukkr_payment SET close_id = %s WHERE close_id IS NULL AND date <= %s
                               RETURNING amount""", (close.id, end))
        cash = sum(amount for (amount,) in self.env.cr.fetchall())
        groups = defaultdict(lambda: {"debt": 0.0, "before": 0.0, "accrued": 0.0})
        penalty_change = 0.0
        for account_id, data in state["accounts"].items():
            group = groups[self._group_of(data)]
            group["debt"] += data["debt"]
            old_debt, old_penalty = before.get(account_id, (0.0, 0.0))
            group["before"] += old_debt
            group["accrued"] += accrued.get(account_id, 0.0)
            penalty_change += data["penalty"] - old_penalty
        lines = []

        def add(account, amount, name, partner_id=False):
            amount = round(amount, 2)
            if abs(amount) >= 0.005:
                lines.append((account.id, partner_id, name, amount if amount > 0 else 0.0,
                              -amount if amount < 0 else 0.0))
        total_accrued = total_settled = total_before = 0.0
        # names only (the ORM would read every field of thousands of partners)
        self.env.cr.execute("SELECT id, name FROM res_partner WHERE id = ANY(%s)",
                            ([key[1] for key in groups if key[0] == "partner"],))
        partners = dict(self.env.cr.fetchall())
        for (kind, key), group in sorted(groups.items(), key=lambda item: (item[0][0], str(item[0][1]))):
            settled = group["before"] + group["accrued"] - group["debt"]
            total_accrued += group["accrued"]
            total_settled += settled
            total_before += group["before"]
            label = partners.get(key, "") if kind == "partner" else CATEGORY_LABELS.get(key, key)
            change = group["debt"] - (0.0 if opening else group["before"])
            add(accounts["receivable"], change, _("%s: receivable for %s") % (label, period),
                key if kind == "partner" else False)
        add(accounts["revenue"], -total_accrued, _("Accrued for %s") % period)
        add(accounts["bank"], cash, _("Payments received in %s") % period)
        add(accounts["advances"], -(cash - total_settled), _("Advances and unapplied payments, %s") % period)
        if opening:
            add(accounts["opening"], -total_before, _("Opening debt before %s") % period)
            # penalties owed before the first close are part of the opening balance too
            opening_penalty = sum(old_penalty for _debt, old_penalty in before.values())
            add(accounts["penalty_receivable"], opening_penalty, _("Opening penalties before %s") % period)
            add(accounts["opening"], -opening_penalty, _("Opening penalties before %s") % period)
        add(accounts["penalty_receivable"], penalty_change, _("Penalties accrued in %s") % period)
        add(accounts["penalty_income"], -penalty_change, _("Penalties accrued in %s") % period)
        # rounding of many accounts' figures may leave a kopeck: it belongs to the advances line
        difference = round(sum(debit - credit for _a, _p, _n, debit, credit in lines), 2)
        if difference:
            add(accounts["advances"], -difference, _("Rounding, %s") % period)
        # УККР's managers need no accounting rights: the close is authorised above and posts as the system
        return self._create_posted_entry(journal, fields.Date.to_string(end), _("Monthly close %s") % period, lines)

    @api.model
    def _cron_close_previous_month(self):
        """Daily: close the previous month unless it is closed — once its accruals are imported and, when a day is
        set, not before that day of the month. Why it waits is written in the server log."""
        today = fields.Date.from_string(fields.Date.context_today(self))
        period = previous_period(period_calc.period_of(today))
        if self.search([("period", "=", period)]):
            return False
        ready, reason = self._auto_close_ready(period, today)
        _logger.info("Scheduled monthly close of %s: %s", period, reason)
        if not ready:
            return False
        return self.close_period(period)

    @api.model
    def _auto_close_ready(self, period, today):
        """``(ready, why)``: a month is closed automatically only after the billing system's accruals of that
        month are in the ledger (a closed month refuses them), and not before the configured day of the month."""
        try:
            day = int(self.env["ir.config_parameter"].sudo().get_param(PARAM_AUTO_CLOSE_DAY, "0") or 0)
        except ValueError:
            day = 0
        if day and today.day < day:
            return False, "postponed: the close waits until day %d of the month (setting %s)" % (
                day, PARAM_AUTO_CLOSE_DAY)
        self.env.cr.execute("SELECT count(*), count(DISTINCT account_id) FROM ukkr_ledger_line "
                            "WHERE period = %s AND accrued <> 0",
                            (period,))
        lines, accounts = self.env.cr.fetchone()
        if not lines:
            return False, "postponed: no accruals of %s are imported yet (the close would refuse them later)" % period
        return True, "closing: %d accrual lines of %d accounts are imported" % (lines, accounts)
