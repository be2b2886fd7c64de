from odoo import api, fields, models, tools

from odoo.addons.ukkr_collections.models.selections import PAYER_KINDS

from .report_calc import category_sql
from .ukkr_debt_snapshot_analysis import CATEGORY_SELECTION


class UkkrCaseAnalysis(models.Model):
    """Debtor cases counted by stage, settlement and category, with their overdue debt at the last close: a database
    view without personal fields, so the administration sees the whole kanban's counts (its users read individual
    cases of municipal housing only)."""
    _name = "ukkr.case.analysis"
    _description = "Debtor cases by stage"
    _auto = False
    _order = "stage_sequence"
    _rec_name = "stage_id"

    stage_id = fields.Many2one("ukkr.case.stage", "Stage", readonly=True)
    stage_sequence = fields.Integer("Stage order", readonly=True)
    state = fields.Selection([("open", "Open"), ("closed", "Closed")], "Status", readonly=True)
    settlement_id = fields.Many2one("ukkr.settlement", "Settlement", readonly=True)
    category = fields.Selection(CATEGORY_SELECTION, "Debtor category", readonly=True)
    payer_kind = fields.Selection(PAYER_KINDS, "Payer kind", readonly=True)
    is_municipal = fields.Boolean("Municipal housing", readonly=True)
    priority = fields.Selection([("0", "Low"), ("1", "Medium"), ("2", "High"), ("3", "Urgent")], "Priority",
                                readonly=True)
    case_count = fields.Integer("Cases", readonly=True)
    overdue = fields.Float("Overdue at the last close, RUB", digits=(16, 2), readonly=True)

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW {table} AS (
            SELECT min(c.id) AS id, c.stage_id, s.sequence AS stage_sequence, c.state, c.settlement_id,
                   {category} AS category, c.payer_kind, coalesce(c.is_municipal, false) AS is_municipal,
                   c.priority, count(*) AS case_count, sum(coalesce(c.overdue_at_close, 0)) AS overdue
            FROM ukkr_debtor_case c JOIN ukkr_case_stage s ON s.id = c.stage_id
            GROUP BY c.stage_id, s.sequence, c.state, c.settlement_id, c.payer_kind, c.tenure, c.is_municipal,
                     c.priority)""".format(table=self._table, category=category_sql("c.payer_kind", "c.tenure")))
