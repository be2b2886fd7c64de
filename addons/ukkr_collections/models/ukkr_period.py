import logging

from odoo import api, fields, models, tools
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)


class UkkrPeriod(models.Model):
    """A billing period with its due date and limitation expiry, from the rules: lets SQL (the tranche list,
    reports) work with due dates without recomputing the calendar. Refreshed by the importer for new periods
    and by ``refresh`` after a rule changes.

    Accounts whose contract set another due day (``ukkr.rule.due.day`` of a building or an account, where the law
    allowed it) have their own dates in the table ``ukkr_period_account`` (account, period, due date, expiry),
    only where they differ from the period's; the tranche view reads that row first.

    Tranches with limitation events (ГК 203 acknowledgement, ГК 204 filing, cancellation, dismissal) have their
    expiry in ``ukkr_tranche_clock`` (account, period, expiry — NULL while a filing is pending), computed by the one
    tranche evaluation of ``ukkr.rules`` and refreshed whenever an event changes: the tranche view, the court queue
    and every SQL reader give the same answer as the account form."""
    _name = "ukkr.period"
    _description = "Billing period"
    _order = "name desc"

    name = fields.Char("Period", size=7, required=True, index=True)
    due_date = fields.Date("Due date", required=True)
    limitation_expiry = fields.Date("Limitation expires", required=True)

    _sql_constraints = [("name_uniq", "unique(name)", "The period already exists.")]

    @api.model_cr
    def init(self):
        self.env.cr.execute("""
            CREATE TABLE IF NOT EXISTS ukkr_period_account (
                account_id integer NOT NULL REFERENCES ukkr_personal_account(id) ON DELETE CASCADE,
                period varchar(7) NOT NULL,
                due_date date NOT NULL,
                limitation_expiry date NOT NULL,
                PRIMARY KEY (account_id, period))""")
        self.env.cr.execute("""
            CREATE TABLE IF NOT EXISTS ukkr_tranche_clock (
                account_id integer NOT NULL REFERENCES ukkr_personal_account(id) ON DELETE CASCADE,
                period varchar(7) NOT NULL,
                limitation_expiry date,
                PRIMARY KEY (account_id, period))""")
        # a database from before the table: its events' clocks (none at install)
        if tools.table_exists(self.env.cr, "ukkr_limitation_event"):
            self.env.cr.execute("SELECT EXISTS (SELECT 1 FROM ukkr_limitation_event) "
                                "AND NOT EXISTS (SELECT 1 FROM ukkr_tranche_clock)")
            if self.env.cr.fetchone()[0]:
                self.refresh_clocks(strict=False)

    @api.model
    def refresh(self, periods=None):
        """(Re)compute due dates for these periods, or for every period in the ledger."""
        if periods is None:
            self.env.cr.execute("SELECT DISTINCT period FROM ukkr_ledger_line")
            periods = [p for (p,) in self.env.cr.fetchall()]
        rules = self.env["ukkr.rules"]
        context = rules._penalty_context()
        values = []
        for period in sorted(set(periods)):
            due = context["due_date"](period)
            values.append((period, due, context["expiry"](due)))
        from psycopg2.extras import execute_values
        if values:
            execute_values(self.env.cr, """
                INSERT INTO ukkr_period (name, due_date, limitation_expiry) VALUES %s
                ON CONFLICT (name) DO UPDATE SET due_date = EXCLUDED.due_date,
                                                 limitation_expiry = EXCLUDED.limitation_expiry""", values)
        # the accounts with a contract due day: their own rows where they differ
        general = {period: due for period, due, _expiry in values}
        specific = rules._due_day_function().specific
        self.env.cr.execute("DELETE FROM ukkr_period_account WHERE period IN %s", (tuple(general) or ("",),))
        if specific and general:
            self.env.cr.execute("SELECT DISTINCT account_id, period FROM ukkr_ledger_line "
                                "WHERE account_id IN %s AND period IN %s", (tuple(specific), tuple(general)))
            own = []
            for account_id, period in self.env.cr.fetchall():
                due = context["due_date"](period, account_id)
                if due != general[period]:
                    own.append((account_id, period, due, context["expiry"](due)))
            if own:
                execute_values(self.env.cr, "INSERT INTO ukkr_period_account (account_id, period, due_date, "
                                            "limitation_expiry) VALUES %s", own)
        self.invalidate_cache()
        self.refresh_clocks(periods=list(general), strict=False)   # the due dates may have moved: the event clocks with them
        return len(values)

    @api.model
    def refresh_clocks(self, account_ids=None, periods=None, strict=True):
        """(Re)compute the limitation expiry of the tranches that have limitation events, for these accounts and
        periods (all when None), by the tranche evaluation every screen uses (``ukkr.rules`` —
        ``limitation_expiry_with_events`` over the tranche's due date). One query for the events, one insert.
        Returns the number of tranches."""
        cr = self.env.cr
        where, params = ["TRUE"], []
        if account_ids is not None:
            account_ids = sorted(set(account_ids))
            where.append("account_id = ANY(%s)")
            params.append(account_ids)
        if periods is not None:
            periods = sorted(set(periods))
            where.append("period = ANY(%s)")
            params.append(periods)
        if (account_ids is not None and not account_ids) or (periods is not None and not periods):
            return 0
        cr.execute("DELETE FROM ukkr_tranche_clock WHERE %s" % " AND ".join(where), params)
        events = self.env["ukkr.limitation.event"].sudo()._events_by_tranche(account_ids)
        if periods is not None:
            events = {key: found for key, found in events.items() if key[1] in periods}
        if not events:
            return 0
        rules = self.env["ukkr.rules"]
        due_date = rules._penalty_context()["due_date"]
        rows = []
        for (account_id, period), found in sorted(events.items()):
            try:
                expiry = rules.limitation_expiry_with_events(due_date(period, account_id), list(found))
            except UserError:
                if strict:   # a new event the rules refuse (e.g. a filing before the due date): said, not stored
                    raise
                _logger.warning("Limitation events of account %s, period %s are refused by the rules; the "
                                "tranche keeps its ordinary expiry", account_id, period)
                continue
            rows.append((account_id, period, expiry or None))
        if not rows:
            return 0
        from psycopg2.extras import execute_values
        execute_values(cr, "INSERT INTO ukkr_tranche_clock (account_id, period, limitation_expiry) VALUES %s", rows)
        return len(rows)

    @api.model
    def refresh_known(self):
        """Refresh every period already in the table (after a due-day or calendar rule changed)."""
        self.env.cr.execute("SELECT name FROM ukkr_period")
        return self.refresh([name for (name,) in self.env.cr.fetchall()])

