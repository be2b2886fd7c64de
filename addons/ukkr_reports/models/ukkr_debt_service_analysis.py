from odoo import api, fields, models, tools

from odoo.addons.ukkr_collections.models.selections import PAYER_KINDS
from odoo.addons.ukkr_collections.models.ukkr_personal_account import TENURES

from .report_calc import category_sql
from .ukkr_debt_snapshot_analysis import CATEGORY_SELECTION
from odoo.addons.ukkr_collections.models import ledger_sql


class UkkrDebtServiceAnalysis(models.Model):
    """Accruals, payments and unpaid debt by service and month of accrual, from the ledger as it stands today:
    a database view grouped by settlement, building, category, tenure, municipal flag, service and month — no
    personal field, for the administration's dashboards."""
    _name = "ukkr.debt.service.analysis"
    _description = "Debt by service (ledger)"
    _auto = False
    _order = "period desc"
    _rec_name = "period"

    period = fields.Char("Month of accrual", readonly=True)
    period_date = fields.Date("Month start", readonly=True)
    settlement_id = fields.Many2one("ukkr.settlement", "Settlement", readonly=True)
    building_id = fields.Many2one("ukkr.building", "Building", readonly=True)
    category = fields.Selection(CATEGORY_SELECTION, "Debtor category", readonly=True)
    payer_kind = fields.Selection(PAYER_KINDS, "Payer kind", readonly=True)
    tenure = fields.Selection(TENURES, "Tenure", readonly=True)
    is_municipal = fields.Boolean("Municipal housing", readonly=True)
    service_id = fields.Many2one("ukkr.service", "Service", readonly=True)
    accrued = fields.Float("Accrued, RUB", digits=(16, 2), readonly=True)
    paid = fields.Float("Paid, RUB", digits=(16, 2), readonly=True)
    debt = fields.Float("Unpaid, RUB", digits=(16, 2), readonly=True)

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW {table} AS (
            SELECT min(l.id) AS id, l.period, to_date(l.period || '-01', 'YYYY-MM-DD') AS period_date,
                   a.settlement_id, a.building_id, {category} AS category, a.payer_kind, a.tenure,
                   coalesce(a.is_municipal, false) AS is_municipal, l.service_id,
                   sum({charged}) AS accrued, sum(l.paid) AS paid,
                   sum({owed}) AS debt
            FROM ukkr_ledger_line l JOIN ukkr_personal_account a ON a.id = l.account_id
            GROUP BY l.period, a.settlement_id, a.building_id, a.payer_kind, a.tenure, a.is_municipal, l.service_id)""".format(
            table=self._table, category=category_sql("a.payer_kind", "a.tenure"), charged=ledger_sql.charged("l"),
            owed=ledger_sql.owed("l")))
