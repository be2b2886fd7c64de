from odoo import api, fields, models


class UkkrPeriod(models.Model):
    """A billing period with its due date and limitation expiry, from the rules: lets SQL (the tranche list,
    reports) work with due dates without recomputing the calendar. Refreshed by the importer for new periods
    and by ``refresh`` after a rule changes.

    Accounts whose contract set another due day (``ukkr.rule.due.day`` of a building or an account, where the law
    allowed it) have their own dates in the table ``ukkr_period_account`` (account, period, due date, expiry),
    only where they differ from the period's; the tranche view reads that row first."""
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
        return len(values)

    @api.model
    def refresh_known(self):
        """Refresh every period already in the table (after a due-day or calendar rule changed)."""
        self.env.cr.execute("SELECT name FROM ukkr_period")
        return self.refresh([name for (name,) in self.env.cr.fetchall()])
