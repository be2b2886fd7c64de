from odoo import api, fields, models


class UkkrPeriod(models.Model):
    """A billing period with its due date and limitation expiry, from the rules: lets SQL (the tranche list,
    reports) work with due dates without recomputing the calendar. Refreshed by the importer for new periods
    and by ``refresh`` after a rule changes."""
    _name = "ukkr.period"
    _description = "Billing period"
    _order = "name desc"

    name = fields.Char("Period", size=7, required=True, index=True)
    due_date = fields.Date("Due date", required=True)
    limitation_expiry = fields.Date("Limitation expires", required=True)

    _sql_constraints = [("name_uniq", "unique(name)", "The period already exists.")]

    @api.model
    def refresh(self, periods=None):
        """(Re)compute due dates for these periods, or for every period in the ledger."""
        if periods is None:
            self.env.cr.execute("SELECT DISTINCT period FROM ukkr_ledger_line")
            periods = [p for (p,) in self.env.cr.fetchall()]
        context = self.env["ukkr.rules"]._penalty_context()
        values = []
        for period in sorted(set(periods)):
            due = context["due_date"](period)
            values.append((period, due, context["expiry"](due)))
        if values:
            from psycopg2.extras import execute_values
            execute_values(self.env.cr, """
                INSERT INTO ukkr_period (name, due_date, limitation_expiry) VALUES %s
                ON CONFLICT (name) DO UPDATE SET due_date = EXCLUDED.due_date,
                                                 limitation_expiry = EXCLUDED.limitation_expiry""", values)
        self.invalidate_cache()
        return len(values)
