from odoo import api, fields, models


class UkkrMeasureAction(models.AbstractModel):
    """What a collection action (notice, visit, agreement, court filing…) inherits so that the plan counts it.

    A concrete model sets ``_measure_number`` (the order's measure it fulfils) — or ``_measure_number_field``, a
    stored integer field, when the measure depends on the record (e.g. a court case's kind) — and has an action date
    (``_measure_date_field``), a personal account (``_measure_account_field``) and optionally a sum
    (``_measure_amount_field``). ``_measure_done_domain()`` narrows to the records that count (e.g. sent notices).
    The plan's execution records and the administration's report read these figures; nobody types them in twice.
    """
    _name = "ukkr.measure.action"
    _description = "Collection action counted for a plan measure"

    _measure_number = None
    _measure_number_field = None
    _measure_date_field = "date"
    _measure_account_field = "account_id"
    _measure_amount_field = None

    @api.model
    def _measure_done_domain(self):
        return []

    @api.model
    def _measure_figures(self, date_from, date_to, numbers=None):
        """``[{measure, model, action, count, amount, recovered}]`` for actions dated in [date_from, date_to].

        ``recovered``: payments of the accounts concerned dated after their first action in the range, up to
        ``date_to`` — the result the administration asks for («оплачено после применения меры»).
        """
        date_field = self._measure_date_field
        domain = [(date_field, ">=", date_from), (date_field, "<=", date_to)] + self._measure_done_domain()
        if self._measure_number_field:
            if numbers:
                domain.append((self._measure_number_field, "in", list(numbers)))
        elif not self._measure_number or (numbers and self._measure_number not in numbers):
            return []
        records = self.sudo().search(domain)
        if not records:
            return []
        label = self._measure_action_label()   # (before the query below: a translation lookup queries too)
        number_field = self._measure_number_field
        query = """
            WITH action AS (
                SELECT {number} AS measure, {account} AS account_id, {date} AS date, {amount} AS amount
                FROM {table} WHERE id IN %(ids)s),
            first_action AS (SELECT measure, account_id, min(date) AS date FROM action GROUP BY measure, account_id),
            recovered AS (
                SELECT f.measure, sum(p.amount) AS amount FROM first_action f
                JOIN ukkr_payment p ON p.account_id = f.account_id AND p.date > f.date AND p.date <= %(date_to)s
                GROUP BY f.measure)
            SELECT a.measure, count(*), coalesce(sum(a.amount), 0), coalesce(max(r.amount), 0)
            FROM action a LEFT JOIN recovered r ON r.measure = a.measure
            GROUP BY a.measure ORDER BY a.measure""".format(
            number=('"%s"' % number_field) if number_field else "%(number)s::int",
            account='"%s"' % self._measure_account_field, date='"%s"' % date_field,
            amount=('"%s"' % self._measure_amount_field) if self._measure_amount_field else "0::numeric",
            table=self._table)
        self.env.cr.execute(query, {"ids": tuple(records.ids), "date_to": date_to, "number": self._measure_number})
        return [{"measure": measure, "model": self._name, "action": label, "count": count,
                 "amount": float(amount), "recovered": float(recovered)}
                for measure, count, amount, recovered in self.env.cr.fetchall() if measure]

    @api.model
    def _measure_action_label(self):
        """The kind of action in the user's language (the model's translated name) for the plan's reports."""
        return self.env["ir.model"].sudo()._get(self._name).name or self._description


class UkkrMeasureFigure(models.AbstractModel):
    """All collection actions' figures per plan measure, for a date range."""
    _name = "ukkr.measure.figure"
    _description = "Plan measure figures from collection actions"

    @api.model
    def _action_models(self):
        base = self.env.registry["ukkr.measure.action"]
        return [name for name, model in sorted(self.env.registry.items())
                if not model._abstract and not model._transient and issubclass(model, base)]

    @api.model
    def figures(self, date_from, date_to, numbers=None):
        """``[{measure, model, action, count, amount, recovered}]`` sorted by measure, then action."""
        date_from, date_to = fields.Date.to_string(fields.Date.from_string(date_from)), \
            fields.Date.to_string(fields.Date.from_string(date_to))
        rows = []
        for name in self._action_models():
            rows += self.env[name]._measure_figures(date_from, date_to, numbers)
        return sorted(rows, key=lambda row: (row["measure"], row["action"]))
