from collections import defaultdict

from odoo import api, fields, models

from .allocation import allocate
from .sql_copy import copy_rows


class UkkrLedgerLine(models.Model):
    """The debt ledger: one line per personal account × period (YYYY-MM) × service.

    Written set-based by the billing import (accrued), the payment allocation (paid), penalties and write-offs.
    """
    _name = "ukkr.ledger.line"
    _description = "Debt ledger line"
    _order = "account_id, period, service_id"
    _rec_name = "period"

    account_id = fields.Many2one("ukkr.personal.account", "Personal account", required=True, ondelete="cascade",
                                 index=True)
    period = fields.Char("Period", size=7, required=True, index=True)
    service_id = fields.Many2one("ukkr.service", "Service", required=True, ondelete="restrict")
    accrued = fields.Float("Accrued", digits=(14, 2))
    paid = fields.Float("Paid", digits=(14, 2))
    correction = fields.Float("Corrections", digits=(14, 2))
    penalty = fields.Float("Penalties", digits=(14, 2))
    written_off = fields.Float("Written off", digits=(14, 2))
    balance = fields.Float("Unpaid principal", digits=(14, 2), compute="_compute_balance")

    _sql_constraints = [("line_uniq", "unique(account_id, period, service_id)",
                         "There is already a ledger line for this account, period and service.")]

    def init(self):
        # the lines still owing something (a small part of a long history): new payments are allocated over them
        # (_owed_lines with after_payments) — the predicate is the query's own condition
        self.env.cr.execute("""CREATE INDEX IF NOT EXISTS ukkr_ledger_line_owing_index ON ukkr_ledger_line (account_id)
                               WHERE accrued + correction - written_off - paid > 0.004""")

    @api.depends("accrued", "paid", "correction", "written_off")
    def _compute_balance(self):
        for line in self:
            line.balance = line.accrued + line.correction - line.paid - line.written_off

    @api.model
    def _allocate_payments(self, account_ids=None):
        """Rebuild the allocation of payments to ledger lines (and the lines' «paid») for these accounts, or for
        all, from scratch. Set-based: two reads, the pure allocation per account in memory, a COPY of the
        allocations and one UPDATE of the lines whose «paid» changes."""
        cr = self.env.cr
        where, params = ("WHERE account_id = ANY(%s)", [list(account_ids)]) if account_ids is not None else ("", [])
        lines = self._owed_lines(where, params, after_payments=False)
        cr.execute("SELECT id, account_id, date, amount, period FROM ukkr_payment " + where, params)
        payments = defaultdict(list)
        for payment_id, account_id, pay_date, amount, period in cr.fetchall():
            payments[account_id].append((payment_id, fields.Date.from_string(pay_date), amount, period))
        cr.execute("DELETE FROM ukkr_payment_allocation " + where, params)
        return self._write_allocations(lines, payments, replace=True)

    @api.model
    def _allocate_new_payments(self, payment_ids):
        """Allocate newly imported payments on top of the existing allocation. An account whose new payments are
        dated before one of its older payments is rebuilt from scratch instead (the order of payments matters)."""
        cr = self.env.cr
        cr.execute("""SELECT n.account_id, min(n.date), max(o.date) FROM ukkr_payment n
                      LEFT JOIN ukkr_payment o ON o.account_id = n.account_id AND NOT (o.id = ANY(%s))
                      WHERE n.id = ANY(%s) GROUP BY n.account_id""", (list(payment_ids), list(payment_ids)))
        rebuild, append = [], []
        for account_id, first_new, last_old in cr.fetchall():
            (rebuild if last_old and last_old > first_new else append).append(account_id)
        count = self._allocate_payments(rebuild) if rebuild else 0
        if append:
            lines = self._owed_lines("WHERE account_id = ANY(%s)", [append], after_payments=True)
            cr.execute("SELECT id, account_id, date, amount, period FROM ukkr_payment WHERE id = ANY(%s) "
                       "AND account_id = ANY(%s)", (list(payment_ids), append))
            payments = defaultdict(list)
            for payment_id, account_id, pay_date, amount, period in cr.fetchall():
                payments[account_id].append((payment_id, fields.Date.from_string(pay_date), amount, period))
            count += self._write_allocations(lines, payments)
        return count

    @api.model
    def _accounts_to_reallocate(self, account_ids):
        """Accounts among these that hold money not yet allocated (an advance): new accruals must absorb it."""
        self.env.cr.execute("""
            SELECT p.account_id
            FROM (SELECT account_id, sum(amount) AS amount FROM ukkr_payment WHERE account_id = ANY(%s)
                  GROUP BY account_id) p
            LEFT JOIN (SELECT account_id, sum(amount) AS amount FROM ukkr_payment_allocation
                       WHERE account_id = ANY(%s) GROUP BY account_id) a ON a.account_id = p.account_id
            WHERE p.amount - coalesce(a.amount, 0) > 0.004""", (list(account_ids), list(account_ids)))
        return [account_id for (account_id,) in self.env.cr.fetchall()]

    def _owed_lines(self, where, params, after_payments):
        """Lines of the accounts with what they owe: before any payment (a rebuild needs every line), or after the
        payments allocated so far — then only the lines still owing something (the rest can take nothing; at 36
        months of history that is most lines)."""
        owed = "accrued + correction - written_off" + (" - paid" if after_payments else "")
        if after_payments:
            where += " AND %s > 0.004" % owed
        self.env.cr.execute("SELECT id, account_id, period, %s FROM ukkr_ledger_line %s" % (owed, where), params)
        lines = defaultdict(list)
        for line_id, account_id, period, amount in self.env.cr.fetchall():
            lines[account_id].append((line_id, period, amount))
        return lines

    def _write_allocations(self, lines, payments, replace=False):
        """Allocate ``payments`` over ``lines`` per account, add the result to the allocation table (COPY) and
        write the lines' «paid»: added to what they hold, or, with ``replace`` (a rebuild: ``lines`` are all lines
        of the accounts), set to the new value — one UPDATE touching only the lines whose figure changes."""
        expiry_of = self.env["ukkr.rules"]._expiry_function()
        line_period = {line_id: (account_id, period) for account_id, items in lines.items()
                       for line_id, period, _owed in items}
        pay_date = {payment_id: day for items in payments.values() for payment_id, day, _a, _p in items}
        rows, paid = [], {}
        for account_id in set(lines) & set(payments):
            allocations, paid_lines = allocate(lines[account_id], payments[account_id],
                                               expiry_of.for_account(account_id))
            paid.update(paid_lines)
            rows.extend(allocations)
        cr = self.env.cr
        copy_rows(cr, "ukkr_payment_allocation", ("payment_id", "ledger_line_id", "account_id", "period", "date",
                                                  "amount"),
                  ((payment_id, line_id) + line_period[line_id] + (pay_date[payment_id], amount)
                   for payment_id, line_id, amount in rows))
        if replace:
            values = ((line_id, paid.get(line_id, 0.0)) for line_id in line_period)
            update = "paid = v.paid FROM ukkr_paid_update v WHERE l.id = v.id AND l.paid IS DISTINCT FROM v.paid"
        else:
            values = paid.items()
            update = "paid = round(l.paid + v.paid, 2) FROM ukkr_paid_update v WHERE l.id = v.id"
        # the new figures by COPY into a scratch table, then one UPDATE (a rebuild of 36 months touches millions)
        cr.execute("DROP TABLE IF EXISTS ukkr_paid_update")
        cr.execute("CREATE TEMP TABLE ukkr_paid_update (id integer PRIMARY KEY, paid numeric) ON COMMIT DROP")
        if copy_rows(cr, "ukkr_paid_update", ("id", "paid"), values):
            cr.execute("ANALYZE ukkr_paid_update")
            cr.execute("UPDATE ukkr_ledger_line l SET " + update)
        cr.execute("DROP TABLE ukkr_paid_update")
        self.invalidate_cache()
        self.env["ukkr.payment.allocation"].invalidate_cache()
        return len(rows)
