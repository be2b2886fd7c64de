from odoo import api, fields, models

# model → (SQL of the cost kind, SQL of the quantity, SQL of the action's own cost or None); {t} is the table.
# A model not listed costs nothing (a write-off, a reconciliation, a housing offer: office work not priced).
COST_SPECS = {
    "ukkr.notice": ("{t}.channel::varchar", "1", None),   # the channels are named as the cost kinds
    "ukkr.visit": ("'visit_hour'", "GREATEST((SELECT count(*) FROM ukkr_visit_staff_rel s "
                                   "WHERE s.visit_id = {t}.id), 1)", None),   # one hour of each staff member
    "ukkr.consultation": ("'consultation'", "1", None),
    "ukkr.court.case": ("'state_duty'", "1", "NULLIF({t}.duty_to_pay, 0)"),   # the duty actually to pay
    "ukkr.enforcement.proceeding": ("'bailiff_fee'", "1", None),
    "ukkr.service.limitation": ("'limitation_works'", "1", None),
    "ukkr.travel.ban.request": ("'registered_letter'", "1", None),
    "ukkr.installment.agreement": ("'agreement'", "1", None),
    "ukkr.workoff.agreement": ("'agreement'", "1", None),
}


class UkkrMeasureAction(models.AbstractModel):
    """Every collection action carries its cost: the rate of ``ukkr.cost.rate`` in force on its date × quantity,
    or its own sum where it has one (a court case's state duty to pay)."""
    _inherit = "ukkr.measure.action"

    action_cost = fields.Float("Cost, RUB", digits=(12, 2), compute="_compute_action_cost",
                               help="The cost of this action to the utility, from the dated cost records.")

    @api.model
    def _cost_rows_query(self, date_from=None, date_to=None, ids=None):
        """(sql, params) of this model's counted actions: model, id, measure, account_id, date, cost_kind, quantity,
        own_cost. Only actions with a date; the range and ``ids`` narrow them."""
        date_field = self._measure_date_field
        domain = list(self._measure_done_domain()) + [(date_field, "!=", False)]
        if date_from:
            domain.append((date_field, ">=", date_from))
        if date_to:
            domain.append((date_field, "<=", date_to))
        if ids is not None:
            domain.append(("id", "in", list(ids) or [0]))
        if self._measure_number_field:
            domain.append((self._measure_number_field, "!=", 0))
        query = self.sudo()._where_calc(domain, active_test=False)
        from_clause, where_clause, params = query.get_sql()
        table = '"%s"' % self._table
        kind, quantity, own = COST_SPECS.get(self._name, ("NULL", "1", None))
        number = '%s."%s"' % (table, self._measure_number_field) if self._measure_number_field else \
            "%d" % (self._measure_number or 0)
        sql = """SELECT %%s::varchar AS model, %(t)s.id AS id, %(number)s AS measure,
                        %(account)s AS account_id, %(t)s."%(date)s" AS date, (%(kind)s)::varchar AS cost_kind,
                        (%(quantity)s)::numeric AS quantity, (%(own)s)::numeric AS own_cost
                 FROM %(from)s WHERE %(where)s""" % {
            "t": table, "number": number, "date": date_field,
            "account": '%s."%s"' % (table, self._measure_account_field) if self._measure_account_field in self._fields
            else "NULL::integer",   # a reconciliation with the bailiffs concerns no one account
            "kind": kind.format(t=table), "quantity": quantity.format(t=table),
            "own": own.format(t=table) if own else "NULL", "from": from_clause, "where": where_clause or "TRUE"}
        return sql, [self._name] + list(params)

    def _compute_action_cost(self):
        records = self.filtered("id")
        costs = {}
        if records:
            sql, params = self._cost_rows_query(ids=records.ids)
            self.env.cr.execute("""SELECT a.id, coalesce(a.own_cost, a.quantity * r.amount, 0)
                                   FROM (%s) a LEFT JOIN ukkr_cost_rate r ON r.kind = a.cost_kind
                                    AND r.date_from <= a.date AND (r.date_to IS NULL OR r.date_to >= a.date)"""
                                % sql, params)
            costs = dict(self.env.cr.fetchall())
        for record in self:
            record.action_cost = float(costs.get(record.id) or 0.0)


class UkkrMeasureFigure(models.AbstractModel):
    _inherit = "ukkr.measure.figure"

    @api.model
    def _costed_actions_query(self, date_from, date_to):
        """(sql, params) of every counted collection action dated in [date_from, date_to] with its cost:
        model, id, measure, account_id, date, cost_kind, cost. One UNION over the action models."""
        parts, params = [], []
        for name in self._action_models():
            sql, part_params = self.env[name]._cost_rows_query(date_from, date_to)
            parts.append(sql)
            params += part_params
        if not parts:
            return "SELECT NULL::varchar AS model, 0 AS id, 0 AS measure, 0 AS account_id, NULL::date AS date, " \
                   "NULL::varchar AS cost_kind, 0::numeric AS cost WHERE FALSE", []
        return """SELECT a.model, a.id, a.measure, a.account_id, a.date::date AS date, a.cost_kind,
                         coalesce(a.own_cost, a.quantity * r.amount, 0) AS cost
                  FROM (%s) a LEFT JOIN ukkr_cost_rate r ON r.kind = a.cost_kind AND r.date_from <= a.date
                   AND (r.date_to IS NULL OR r.date_to >= a.date)""" % " UNION ALL ".join(parts), params
