import bisect
import calendar
import re
from datetime import date, timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from . import limitation_calc, penalty_calc


def _as_date(value):
    if isinstance(value, date):
        return value
    try:
        return fields.Date.from_string(value)
    except (TypeError, ValueError):
        raise UserError(_("«%s» is not a date.") % (value,))


class UkkrRules(models.AbstractModel):
    """The legal parameters as functions over the dated rule records (LEGAL_RULES.md).

    Scripting API: ``env['ukkr.rules'].due_date('2026-03')``, ``.penalty(principal, due_date, calc_date,
    payments=[(date, amount)], payer_kind='individual')``, ``.penalty_segments(...)`` for the printed calculation.
    Each call reads the rule tables once; the arithmetic is in penalty_calc (pure functions).
    """
    _name = "ukkr.rules"
    _description = "Legal rules of the suite"

    # ------------------------------------------------------------------ calendar and due dates
    @api.model
    def _calendar(self):
        self.env.cr.execute("SELECT date, kind FROM ukkr_rule_holiday")
        holidays, working = set(), set()
        for day, kind in self.env.cr.fetchall():
            (holidays if kind == "holiday" else working).add(_as_date(day))

        def is_non_working(day):
            if day in working:
                return False
            return day.weekday() >= 5 or day in holidays
        return is_non_working

    @api.model
    def _parse_period(self, period):
        match = re.match(r"^(\d{4})-(\d{2})$", period or "")
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise UserError(_("«%s» is not a period: write YYYY-MM, e.g. 2026-03.") % (period,))
        return int(match.group(1)), int(match.group(2))

    @api.model
    def due_day(self, period):
        """Day of the following month on which ``period``'s bill is due, from the due-day rules."""
        self._parse_period(period)
        rule = self.env["ukkr.rule.due.day"].search([("period_from", "<=", period)], order="period_from desc",
                                                     limit=1)
        if not rule:
            raise UserError(_("No due-day rule covers period %s.") % period)
        return rule.day

    @api.model
    def due_date(self, period, is_non_working=None):
        """Due date of a period's bill: the rule's day of the next month, moved to a working day (ГК 193)."""
        year, month = self._parse_period(period)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        day = min(self.due_day(period), calendar.monthrange(year, month)[1])
        return penalty_calc.shift_to_working_day(date(year, month, day), is_non_working or self._calendar())

    # ------------------------------------------------------------------ rates
    @api.model
    def _rate_function(self):
        """A function date → applicable penalty rate in percent: the key rate, with the cap where one applies."""
        self.env.cr.execute("SELECT date_from, rate FROM ukkr_rule_key_rate ORDER BY date_from")
        rows = [(_as_date(d), r) for d, r in self.env.cr.fetchall()]
        starts = [d for d, _r in rows]
        self.env.cr.execute("SELECT date_from, date_to, cap_rate, mode FROM ukkr_rule_penalty_cap")
        caps = [(_as_date(a), _as_date(b), rate, mode) for a, b, rate, mode in self.env.cr.fetchall()]

        def rate_on(day):
            index = bisect.bisect_right(starts, day) - 1
            if index < 0:
                raise UserError(_("No key rate is recorded for %s: add it under Debt → Settings → Key rates.")
                                % day.strftime("%d.%m.%Y"))
            rate = rows[index][1]
            for cap_from, cap_to, cap_rate, mode in caps:
                if cap_from <= day <= cap_to:
                    rate = cap_rate if mode == "fixed" else min(cap_rate, rate)
            return rate
        return rate_on

    @api.model
    def key_rate(self, on_date):
        self.env.cr.execute("SELECT rate FROM ukkr_rule_key_rate WHERE date_from <= %s ORDER BY date_from DESC "
                            "LIMIT 1", (_as_date(on_date),))
        row = self.env.cr.fetchone()
        return row and row[0]

    # ------------------------------------------------------------------ penalties
    @api.model
    def penalty_segments(self, principal, due_date, calc_date, payments=None, payer_kind="individual"):
        principal = float(principal)
        if principal < 0:
            raise UserError(_("The principal of a penalty calculation cannot be negative."))
        due, calc = _as_date(due_date), _as_date(calc_date)
        clean_payments = []
        for pay_date, amount in payments or []:
            if float(amount) < 0:
                raise UserError(_("A payment in a penalty calculation cannot be negative."))
            clean_payments.append((_as_date(pay_date), float(amount)))
        return self._penalty_context()["segments"](principal, due, calc, clean_payments, payer_kind)

    @api.model
    def penalty(self, principal, due_date, calc_date, payments=None, payer_kind="individual"):
        """Penalty in rubles, rounded half-up to kopecks (ЖК РФ ст.155 ч.14; conventions in penalty_calc)."""
        return penalty_calc.penalty_total(self.penalty_segments(principal, due_date, calc_date, payments,
                                                                payer_kind))

    @api.model
    def _penalty_context(self):
        """The rules read once, for set-based work over many tranches (monthly close, penalty runs):
        ``due_date(period)``, ``expiry(due_date)`` and ``penalty(principal, due, calc, payments, payer_kind)``."""
        calendar_ = self._calendar()
        rate_on = self._rate_function()
        self.env.cr.execute("SELECT date_from, date_to, debt_before FROM ukkr_rule_moratorium ORDER BY date_from")
        moratoria = [(_as_date(a), _as_date(b), before and _as_date(before)) for a, b, before in
                     self.env.cr.fetchall()]
        bands = {}
        for band in self.env["ukkr.rule.penalty.band"].search([], order="payer_kind, day_from"):
            bands.setdefault(band.payer_kind, []).append(
                penalty_calc.Band(band.day_from, band.day_to or None, band.divisor))
        due_cache = {}

        def due_date(period):
            if period not in due_cache:
                due_cache[period] = self.due_date(period, calendar_)
            return due_cache[period]

        def segments(principal, due, calc, payments, payer_kind):
            if payer_kind not in bands:
                raise UserError(_("No penalty bands are set for payer kind «%s».") % payer_kind)
            applying = [(a, b) for a, b, before in moratoria if not before or due < before]
            return penalty_calc.penalty_segments(principal, due, calc, payments, tuple(bands[payer_kind]),
                                                 rate_on, applying)

        def penalty(principal, due, calc, payments, payer_kind):
            return sum(segment.amount for segment in segments(principal, due, calc, payments, payer_kind))

        def tranche(period, charged, payments, as_of, payer_kind, events=()):
            """One tranche as of a date: charged, unpaid principal, due date, days overdue, limitation expiry,
            penalty (not yet rounded) and age bucket. ``payments``: [(date, amount)] allocated to it;
            ``events``: [(kind, date)] of ``ukkr.limitation.event`` for this tranche, dated up to ``as_of``."""
            from .ukkr_personal_account import aging_bucket
            due = due_date(period)
            # agreements branch: the ONE call site applying limitation events (ГК 203 acknowledgement); the
            # integrator swaps it for self.limitation_expiry_with_events(due, events) of the legal branch
            expiry = limitation_calc.expiry_after_acknowledgements(self.limitation_expiry(due), events)
            days = max((as_of - due).days, 0)
            principal = round(charged - sum(amount for _d, amount in payments), 2)
            return {"period": period, "charged": round(charged, 2), "principal": principal, "due_date": due,
                    "days_overdue": days, "limitation_expiry": expiry, "overdue": as_of > due,
                    "penalty": penalty(charged, due, as_of, payments, payer_kind) if as_of > due and charged > 0
                    else 0.0,
                    "bucket": aging_bucket(days, as_of > expiry)}
        return {"due_date": due_date, "expiry": self.limitation_expiry, "segments": segments, "penalty": penalty,
                "tranche": tranche}

    @api.model
    def _expiry_function(self):
        """period → limitation expiry of its tranche, with the calendar read once and results cached."""
        calendar_ = self._calendar()
        cache = {}

        def expiry_of(period):
            if period not in cache:
                cache[period] = self.limitation_expiry(self.due_date(period, calendar_))
            return cache[period]
        return expiry_of

    @api.model
    def limitation_expiry(self, due_date):
        """Expiry of the 3-year limitation period of a tranche: 3 years from the day after its due date
        (ГК 196, 200; Пленум ВС № 43 п.24) — due 10.02.2020 → 11.02.2023. ГК 203/204 changes (acknowledgement,
        filing) are applied on top of it by the agreement and court records."""
        start = _as_date(due_date) + timedelta(days=1)
        try:
            return start.replace(year=start.year + 3)
        except ValueError:  # 29 February → 28 February (ГК 192 п.3: the last day of that month)
            return start.replace(year=start.year + 3, day=28)
