from odoo import api, fields, models, tools

from . import ledger_sql
from .selections import PAYER_KINDS

# The reader's «today»: days overdue and the time-bar are counted to the date the reading user's request gives
# (fields.Date.context_today — tests fix it with today_is), passed to the view as a transaction-local setting by
# every ORM read of the model (search, read, read_group); never the database server's clock. A scalar subquery:
# PostgreSQL evaluates it once per query (as fast as current_date), not once per tranche.
READING_DATE_SQL = "(SELECT nullif(current_setting('ukkr.reading_date', true), '')::date)"


class UkkrDebtTranche(models.Model):
    """One account's debt for one period, live (a database view over the ledger, allocations and periods).

    Principal is what is still unpaid; days overdue and time-bar are as of the reader's today (``READING_DATE_SQL``,
    set by ``_set_reading_date`` before every read of the view). The limitation expiry is the
    one the account form shows: with the tranche's limitation events applied (``ukkr_tranche_clock``, empty while a
    court filing is pending). Penalties and the frozen month-end state are in the monthly snapshots.
    """
    _name = "ukkr.debt.tranche"
    _description = "Debt tranche"
    _auto = False
    _order = "period, account_id"
    _rec_name = "period"

    account_id = fields.Many2one("ukkr.personal.account", "Personal account", readonly=True)
    settlement_id = fields.Many2one("ukkr.settlement", "Settlement", readonly=True)
    payer_kind = fields.Selection(PAYER_KINDS, "Payer kind", readonly=True)
    is_municipal = fields.Boolean("Municipal housing", readonly=True)
    period = fields.Char("Period", readonly=True)
    charged = fields.Float("Charged", digits=(14, 2), readonly=True)
    paid = fields.Float("Paid", digits=(14, 2), readonly=True)
    principal = fields.Float("Unpaid", digits=(14, 2), readonly=True)
    due_date = fields.Date("Due date", readonly=True)
    days_overdue = fields.Integer("Days overdue", readonly=True, group_operator="max")
    limitation_expiry = fields.Date("Limitation expires", readonly=True)
    is_time_barred = fields.Boolean("Time-barred", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW ukkr_debt_tranche AS (
                SELECT min(l.id) AS id, l.account_id, a.settlement_id, a.payer_kind, a.is_municipal, l.period,
                       sum({charged}) AS charged, sum(l.paid) AS paid,
                       sum({owed}) AS principal,
                       coalesce(o.due_date, p.due_date) AS due_date,
                       GREATEST({today} - coalesce(o.due_date, p.due_date), 0) AS days_overdue,
                       CASE WHEN k.account_id IS NOT NULL THEN k.limitation_expiry
                            ELSE coalesce(o.limitation_expiry, p.limitation_expiry) END AS limitation_expiry,
                       coalesce({today} > CASE WHEN k.account_id IS NOT NULL THEN k.limitation_expiry
                                                    ELSE coalesce(o.limitation_expiry, p.limitation_expiry) END,
                                false) AS is_time_barred
                FROM ukkr_ledger_line l
                JOIN ukkr_personal_account a ON a.id = l.account_id
                LEFT JOIN ukkr_period p ON p.name = l.period
                LEFT JOIN ukkr_period_account o ON o.account_id = l.account_id AND o.period = l.period
                LEFT JOIN ukkr_tranche_clock k ON k.account_id = l.account_id AND k.period = l.period
                GROUP BY l.account_id, a.settlement_id, a.payer_kind, a.is_municipal, l.period, p.due_date,
                         p.limitation_expiry, o.due_date, o.limitation_expiry, k.account_id, k.limitation_expiry
                HAVING sum({owed}) > 0.004
            )""".format(charged=ledger_sql.charged("l"), owed=ledger_sql.owed("l"), today=READING_DATE_SQL))

    def _set_reading_date(self):
        self.env.cr.execute("SELECT set_config('ukkr.reading_date', %s, true)",
                            (str(fields.Date.context_today(self)),))

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False, access_rights_uid=None):
        self._set_reading_date()
        return super()._search(args, offset=offset, limit=limit, order=order, count=count,
                               access_rights_uid=access_rights_uid)

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        self._set_reading_date()
        return super().read_group(domain, fields, groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy)

    def _read_from_database(self, field_names, inherited_field_names=[]):
        self._set_reading_date()
        return super()._read_from_database(field_names, inherited_field_names)
