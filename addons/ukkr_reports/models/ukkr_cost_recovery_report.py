from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from . import xlsx_writer

WINDOWS = (30, 90)   # days after the action in which the account's payments are counted


class UkkrCostRecoveryReport(models.AbstractModel):
    """Cost against recovery per plan measure, action and month — for the administration's monthly meeting
    (measure 3) and the plan's updates (measure 4).

    Per (measure, action, month): the actions counted by the plan (``ukkr.measure.figure``), the accounts they
    reached, their cost (``ukkr.cost.rate`` in force on each action's date, or the action's own sum), what those
    accounts paid within 30 and 90 days after their first action of the month (payments dated up to ``as_of``), and
    the roubles recovered per rouble spent (90 days). A month whose 90 days are not over by ``as_of`` is marked.
    One SQL statement over all action models; payments are not divided between measures: an account reached by an
    SMS and a visit in the same month counts its payments under both.
    """
    _name = "ukkr.cost.recovery.report"
    _inherit = "ukkr.report.mixin"
    _description = "Cost against recovery per measure"

    @api.model
    def _range(self, date_from, date_to, as_of=None):
        try:
            start, end = fields.Date.from_string(date_from), fields.Date.from_string(date_to)
            as_of = fields.Date.from_string(as_of) if as_of else self._today()
        except (TypeError, ValueError):
            raise UserError(_("Give the period as dates."))
        if not start or not end or end < start:
            raise UserError(_("The period ends before it starts."))
        if as_of < start:
            raise UserError(_("Payments are counted up to a date before the period."))
        return start, end, as_of

    @api.model
    def rows(self, date_from, date_to, as_of=None):
        """[dict(measure, month, model, cost_kind, action, actions, accounts, cost, paid_30, paid_90, payers,
        per_rouble, complete)] ordered by measure, action and month."""
        self._check_report_access()
        start, end, as_of = self._range(date_from, date_to, as_of)
        actions_sql, params = self.env["ukkr.measure.figure"].sudo()._costed_actions_query(start, end)
        self.env.cr.execute("""
            WITH action AS (%s),
            totals AS (
                SELECT measure, to_char(date, 'YYYY-MM') AS month, model, coalesce(cost_kind, '') AS cost_kind,
                       count(*) AS actions, count(DISTINCT account_id) AS accounts, sum(cost) AS cost,
                       max(date) AS last_date
                FROM action GROUP BY 1, 2, 3, 4),
            first_action AS (   -- each account once per measure, action and month: its first action
                SELECT measure, to_char(date, 'YYYY-MM') AS month, model, coalesce(cost_kind, '') AS cost_kind,
                       account_id, min(date) AS date
                FROM action WHERE account_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5),
            paid AS (
                SELECT f.measure, f.month, f.model, f.cost_kind,
                       sum(p.amount) FILTER (WHERE p.date <= f.date + %%s) AS paid_short,
                       sum(p.amount) AS paid_long, count(DISTINCT f.account_id) AS payers
                FROM first_action f
                JOIN ukkr_payment p ON p.account_id = f.account_id AND p.date > f.date
                 AND p.date <= f.date + %%s AND p.date <= %%s
                GROUP BY 1, 2, 3, 4)
            SELECT t.measure, t.month, t.model, t.cost_kind, t.actions, t.accounts, t.cost,
                   coalesce(p.paid_short, 0), coalesce(p.paid_long, 0), coalesce(p.payers, 0), t.last_date
            FROM totals t LEFT JOIN paid p ON p.measure = t.measure AND p.month = t.month AND p.model = t.model
                                          AND p.cost_kind = t.cost_kind
            ORDER BY t.measure, t.model, t.cost_kind, t.month""" % actions_sql,
                            params + [WINDOWS[0], WINDOWS[1], as_of])
        found = self.env.cr.fetchall()   # before anything else uses the cursor (the translations below do)
        kinds = dict(self.env["ukkr.cost.rate"]._fields["kind"]._description_selection(self.env))
        names = {}
        result = []
        for measure, month, model, cost_kind, actions, accounts, cost, short, long_, payers, last in found:
            if model not in names:
                names[model] = self.env["ir.model"].sudo()._get(model).name or model
            last = fields.Date.from_string(last) if isinstance(last, str) else last
            cost = round(float(cost or 0), 2)
            long_ = round(float(long_), 2)
            result.append({
                "measure": measure, "month": month, "model": model, "cost_kind": cost_kind or False,
                "action": "%s — %s" % (names[model], kinds[cost_kind]) if cost_kind in kinds else names[model],
                "actions": actions, "accounts": accounts, "cost": cost, "paid_30": round(float(short), 2),
                "paid_90": long_, "payers": payers, "per_rouble": round(long_ / cost, 2) if cost else None,
                "complete": last + timedelta(days=WINDOWS[1]) <= as_of})
        return result

    @api.model
    def render_xlsx(self, date_from, date_to, as_of=None):
        rows = self.rows(date_from, date_to, as_of)
        start, end, as_of = self._range(date_from, date_to, as_of)
        measures = self._measure_names()

        def write(workbook):
            book = xlsx_writer.Book(workbook)
            sheet = workbook.add_worksheet(_("Cost and recovery"))
            book.text(sheet, 0, 0, self._organisation(), "org")
            book.text(sheet, 1, 0, _("Cost of collection actions against what the debtors paid after them, "
                                     "%s — %s (payments counted up to %s)")
                      % (start.strftime("%d.%m.%Y"), end.strftime("%d.%m.%Y"), as_of.strftime("%d.%m.%Y")), "title")
            heads = [_("Measure No."), _("Measure"), _("Action"), _("Month"), _("Actions"), _("Accounts reached"),
                     _("Cost, RUB"), _("Paid within 30 days, RUB"), _("Paid within 90 days, RUB"),
                     _("Accounts that paid"), _("Recovered per rouble spent"), _("90 days over")]
            for col, head in enumerate(heads):
                book.text(sheet, 3, col, head, "head")
            for index, row in enumerate(rows, start=4):
                book.number(sheet, index, 0, row["measure"], "int")
                book.text(sheet, index, 1, measures.get(row["measure"], ""))
                book.text(sheet, index, 2, row["action"])
                book.text(sheet, index, 3, row["month"])
                book.number(sheet, index, 4, row["actions"], "int")
                book.number(sheet, index, 5, row["accounts"], "int")
                book.number(sheet, index, 6, row["cost"])
                book.number(sheet, index, 7, row["paid_30"])
                book.number(sheet, index, 8, row["paid_90"])
                book.number(sheet, index, 9, row["payers"], "int")
                book.number(sheet, index, 10, row["per_rouble"], "pct")
                book.text(sheet, index, 11, _("yes") if row["complete"] else _("not yet"))
            total = len(rows) + 4
            book.text(sheet, total, 2, _("Total"), "cell_bold")
            for col, key in ((4, "actions"), (6, "cost"), (7, "paid_30"), (8, "paid_90")):
                book.number(sheet, total, col, sum(r[key] for r in rows),
                            "int_bold" if key == "actions" else "money_bold")
            spent = sum(r["cost"] for r in rows)
            book.number(sheet, total, 10, round(sum(r["paid_90"] for r in rows) / spent, 2) if spent else None,
                        "pct_bold")
            book.text(sheet, total + 2, 0, _("An account's payments are counted once per measure, action and month, "
                                             "from its first action of the month; an account reached by several "
                                             "measures counts under each."), "note")
            for col, width in enumerate((8, 40, 34, 9, 9, 10, 14, 14, 14, 10, 12, 9)):
                sheet.set_column(col, col, width)
            sheet.freeze_panes(4, 0)
            sheet.set_landscape()
            sheet.set_paper(9)
            sheet.fit_to_pages(1, 0)
            sheet.repeat_rows(3)
        return xlsx_writer.render(write)

    @api.model
    def _measure_names(self):
        plan = self.env["ukkr.plan"].sudo().search([("state", "=", "active")], limit=1)
        return {m.number: (m.name or "").replace("\n", " ") for m in plan.measure_ids}

