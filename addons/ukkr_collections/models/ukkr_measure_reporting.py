"""Measures of the order that report on the collection work itself, counted from the same records:

- 21 «информация о направлении исковых заявлений (судебных приказов) в суд»: the court orders and claims for the
  debt filed in the period (the same filings measure 18 counts);
- 25 «мониторинг … мер по исполнению судебных актов»: the events of the enforcement proceedings in the period —
  writs presented, proceedings opened, recoveries, writs returned as uncollectable, proceedings closed as paid;
- 26 «информация о направлении исполнительных документов в УФССП»: writs presented to the bailiffs (the
  proceeding's own measure, ``ROUTE_MEASURES``);
- 28 «информация по списанию дебиторской задолженности»: the write-offs posted in the period.

Each row is ``{measure, model, action, count, amount, recovered}`` like ``ukkr.measure.action._measure_figures``
gives, so the plan's executions («Учтено действий») and the monthly report's «Меры» sheet show them untyped.
"""
from odoo import _, api, models

REPORTED_FILINGS = 21
ENFORCEMENT_MONITORING = 25
WRITE_OFF_REPORT = 28
MONITORING_MEASURES = (21, 25, 26, 28)


def _wanted(number, numbers):
    return not numbers or number in numbers


class UkkrCourtCaseReported(models.Model):
    _inherit = "ukkr.court.case"

    @api.model
    def _measure_figures(self, date_from, date_to, numbers=None):
        rows = super()._measure_figures(date_from, date_to, numbers)
        if not _wanted(REPORTED_FILINGS, numbers):
            return rows
        self.env.cr.execute("""
            WITH filed AS (SELECT account_id, date_filed AS date, claim_amount FROM ukkr_court_case
                           WHERE kind IN ('court_order', 'claim') AND date_filed >= %(from)s
                             AND date_filed <= %(to)s),
            first_filed AS (SELECT account_id, min(date) AS date FROM filed GROUP BY account_id)
            SELECT (SELECT count(*) FROM filed), (SELECT coalesce(sum(claim_amount), 0) FROM filed),
                   (SELECT coalesce(sum(p.amount), 0) FROM first_filed f
                    JOIN ukkr_payment p ON p.account_id = f.account_id AND p.date > f.date AND p.date <= %(to)s)""",
                            {"from": date_from, "to": date_to})
        count, amount, recovered = self.env.cr.fetchone()
        if count:
            rows.append({"measure": REPORTED_FILINGS, "model": self._name,
                         "action": _("Court filings reported to the administration"), "count": count,
                         "amount": float(amount), "recovered": float(recovered)})
        return rows


class UkkrEnforcementMonitoring(models.Model):
    _inherit = "ukkr.enforcement.proceeding"

    @api.model
    def _measure_figures(self, date_from, date_to, numbers=None):
        """The presentation of a writ counts for its route's measure (23 employer, 26 bailiffs); measure 25
        counts every event of every proceeding (the bank and pension routes included) instead of presentations
        only."""
        rows = [row for row in super()._measure_figures(date_from, date_to, numbers)
                if row["measure"] != ENFORCEMENT_MONITORING]
        if not _wanted(ENFORCEMENT_MONITORING, numbers):
            return rows
        self.env.cr.execute("""
            SELECT 'presented', count(*), coalesce(sum(writ_amount), 0), 0 FROM ukkr_enforcement_proceeding
             WHERE date_presented >= %(from)s AND date_presented <= %(to)s
            UNION ALL
            SELECT 'opened', count(*), coalesce(sum(writ_amount), 0), 0 FROM ukkr_enforcement_proceeding
             WHERE date_opened >= %(from)s AND date_opened <= %(to)s AND state != 'draft'
            UNION ALL
            SELECT 'recovered', count(*), coalesce(sum(p.amount), 0), coalesce(sum(p.amount), 0)
              FROM ukkr_enforcement_payment_rel r JOIN ukkr_payment p ON p.id = r.payment_id
             WHERE p.date >= %(from)s AND p.date <= %(to)s
            UNION ALL
            SELECT 'returned', count(*), coalesce(sum(remaining), 0), 0 FROM ukkr_enforcement_proceeding
             WHERE date_returned >= %(from)s AND date_returned <= %(to)s
            UNION ALL
            SELECT 'closed', count(*), coalesce(sum(writ_amount), 0), 0 FROM ukkr_enforcement_proceeding
             WHERE state = 'closed' AND date_closed >= %(from)s AND date_closed <= %(to)s""",
                            {"from": date_from, "to": date_to})
        events = self.env.cr.fetchall()   # before _(): a translation lookup runs its own query on this cursor
        labels = {"presented": _("Enforcement: writs presented"), "opened": _("Enforcement: proceedings opened"),
                  "recovered": _("Enforcement: recoveries"),
                  "returned": _("Enforcement: writs returned as uncollectable"),
                  "closed": _("Enforcement: proceedings closed as paid")}
        for event, count, amount, recovered in events:
            if count:
                rows.append({"measure": ENFORCEMENT_MONITORING, "model": self._name, "action": labels[event],
                             "count": count, "amount": float(amount), "recovered": float(recovered)})
        return rows


class UkkrWriteOffReported(models.Model):
    _inherit = "ukkr.write.off"

    @api.model
    def _measure_figures(self, date_from, date_to, numbers=None):
        rows = super()._measure_figures(date_from, date_to, numbers)
        if not _wanted(WRITE_OFF_REPORT, numbers):
            return rows
        self.env.cr.execute("""SELECT count(*), coalesce(sum(amount), 0) FROM ukkr_write_off
                               WHERE state = 'posted' AND date_posted >= %s AND date_posted <= %s""",
                            (date_from, date_to))
        count, amount = self.env.cr.fetchone()
        if count:
            rows.append({"measure": WRITE_OFF_REPORT, "model": self._name,
                         "action": _("Write-offs reported to the administration"), "count": count,
                         "amount": float(amount), "recovered": 0.0})
        return rows


class UkkrPlanMeasureMonitoring(models.Model):
    _inherit = "ukkr.plan.measure"

    @api.model
    def _set_collection_evidence(self, numbers):
        """Measures counted from the collection records in every plan version not superseded (the data file
        sets the order's own version; later versions copied it before)."""
        measures = self.search([("number", "in", list(numbers)), ("plan_state", "!=", "superseded"),
                                ("evidence_kind", "!=", "collection")])
        if measures:
            measures.write({"evidence_kind": "collection"})
        return True
