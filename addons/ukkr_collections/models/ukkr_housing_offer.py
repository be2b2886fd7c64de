from odoo import _, api, fields, models
from odoo.exceptions import UserError

OUTCOMES = [("pending", "Pending"), ("accepted", "Accepted"), ("refused", "Refused"), ("no_answer", "No answer")]


class UkkrHousingOffer(models.Model):
    """An offer of cheaper (smaller) municipal housing to a social tenant with chronic debt (measure 15).

    The housing department (administration — executor) records and updates offers for municipal housing (record
    rules); УККР staff read them. Candidates: ``_candidate_account_ids`` (social tenancy, municipal, months in
    debt ≥ the policy in force).
    """
    _name = "ukkr.housing.offer"
    _inherit = ["ukkr.case.action", "mail.thread", "ukkr.workflow.mixin"]
    _description = "Cheaper housing offer"
    _workflow_fields = ("months_in_debt",)
    _order = "date desc, id desc"
    _measure_number = 15

    name = fields.Char("Reference", compute="_compute_name", store=True)
    is_municipal = fields.Boolean(related="account_id.is_municipal", store=True, string="Municipal housing")
    tenure = fields.Selection(related="account_id.tenure", string="Tenure", readonly=True)
    months_in_debt = fields.Integer("Months in debt", readonly=True)
    offered_address = fields.Char("Offered premises: address", required=True, track_visibility="onchange")
    offered_area = fields.Float("Area, m²", digits=(10, 1), track_visibility="onchange")
    offered_rooms = fields.Integer("Rooms", track_visibility="onchange")
    outcome = fields.Selection(OUTCOMES, "Outcome", required=True, default="pending", track_visibility="onchange")
    date_outcome = fields.Date("Outcome on", track_visibility="onchange")
    note = fields.Text("Note")

    @api.depends("account_id.name", "date")
    def _compute_name(self):
        for offer in self:
            offer.name = "%s — %s" % (offer.account_id.name or "", offer.date or "")

    @api.model
    def _months_in_debt(self, account_ids=None):
        """{account_id: number of periods with unpaid charges}. One query."""
        where = "WHERE account_id = ANY(%s)" if account_ids is not None else ""
        self.env.cr.execute("""
            SELECT account_id, count(*) FROM (
                SELECT account_id, period FROM ukkr_ledger_line {where} GROUP BY account_id, period
                HAVING sum(accrued + correction - paid - written_off) > 0.004) t
            GROUP BY account_id""".format(where=where), [list(account_ids)] if account_ids is not None else [])
        return dict(self.env.cr.fetchall())

    @api.model
    def _candidate_account_ids(self, on_date=None):
        """Social tenants of municipal housing whose months in debt reach the policy in force."""
        threshold = self.env["ukkr.housing.offer.policy"].sudo().months_threshold(on_date)
        self.env.cr.execute("""
            SELECT l.account_id FROM (
                SELECT account_id, period FROM ukkr_ledger_line GROUP BY account_id, period
                HAVING sum(accrued + correction - paid - written_off) > 0.004) l
            JOIN ukkr_personal_account a ON a.id = l.account_id
            WHERE a.tenure = 'social' AND a.is_municipal AND a.state = 'active'
            GROUP BY l.account_id HAVING count(*) >= %s""", (threshold,))
        return [account for (account,) in self.env.cr.fetchall()]

    @api.model
    def create(self, vals):
        self._workflow_check_create(vals)
        vals = self._fill_case(dict(vals))
        account = self.env["ukkr.personal.account"].sudo().browse(vals.get("account_id"))
        if account and (account.tenure != "social" or not account.is_municipal):
            raise UserError(_("Cheaper housing is offered only to social tenants of municipal housing; account %s "
                              "is not one.") % account.name)
        if account:
            vals["months_in_debt"] = self._months_in_debt([account.id]).get(account.id, 0)
        with self._workflow_path(creating=True):
            return super().create(vals)

    @api.multi
    def write(self, vals):
        if "outcome" in vals and not self._in_workflow_path():
            decided = self.filtered(lambda offer: offer.outcome != "pending" and offer.outcome != vals["outcome"])
            if decided:
                raise UserError(_("The outcome of offer %s is recorded (%s): it is kept as history; record a new "
                                  "offer instead.") % (decided[0].name, dict(self._fields["outcome"]._description_selection(self.env))[decided[0].outcome]))
        if vals.get("outcome") and vals["outcome"] != "pending" and "date_outcome" not in vals:
            vals = dict(vals, date_outcome=fields.Date.context_today(self))
        return super().write(vals)
