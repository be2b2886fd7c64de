import bisect
import calendar
import math
import re
from datetime import date, timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from . import penalty_calc
from . import court_route_calc, enforcement_calc, limitation_calc, limitation_period_calc, state_duty_calc
from .rule_errors import RuleInputError
from .selections import PAYER_KINDS


def _as_date(value):
    if isinstance(value, date):
        return value
    try:
        return fields.Date.from_string(value)
    except (TypeError, ValueError):
        raise UserError(_("«%s» is not a date.") % (value,))


def _as_amount(value):
    try:
        amount = float(value)
    except (TypeError, ValueError):
        amount = None
    if amount is None or isinstance(value, bool) or not math.isfinite(amount):
        raise UserError(_("«%s» is not an amount.") % (value,))
    return amount


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
    def _check_calendar_covers(self, first, last):
        """A UserError unless the holiday records cover every year from ``first`` to ``last`` (each year of the
        production calendar has at least its New Year holidays recorded): a term counted in working days across an
        unrecorded year would be wrong."""
        self.env.cr.execute("SELECT DISTINCT extract(year FROM date)::int FROM ukkr_rule_holiday "
                            "WHERE date BETWEEN %s AND %s", (date(first.year, 1, 1), date(last.year, 12, 31)))
        recorded = {row[0] for row in self.env.cr.fetchall()}
        missing = [year for year in range(first.year, last.year + 1) if year not in recorded]
        if missing:
            raise UserError(_("The production calendar of %s is not recorded: add its holidays and transferred "
                              "working days under Settings → Legal rules → Holidays.")
                            % ", ".join(str(year) for year in missing))

    @api.model
    def objection_deadline(self, receipt_date):
        """The last day of the debtor's objections to a court order received on ``receipt_date``: the 10th working
        day after it (ГПК 128; ГПК 107 ч.3: non-working days are not counted), from the court-order terms in force
        that day and the suite's holiday records. Received Fri 20.02.2026 → 23.02 is a holiday → Tue 10.03.2026
        (09.03 is a holiday too)."""
        day = _as_date(receipt_date) if receipt_date else None
        if not day:
            raise UserError(_("The date the debtor received the court order is required."))
        rule = self.env["ukkr.rule.court.term"]._in_force(day)
        if not rule:
            raise UserError(_("No court order terms (ГПК 128) are in force on %s: add them under Settings → Legal "
                              "rules.") % day.strftime("%d.%m.%Y"))
        if not rule.working_days_only:   # calendar days, a term ending on a non-working day moves on (ГПК 108)
            return penalty_calc.shift_to_working_day(day + timedelta(days=rule.objection_days), self._calendar())
        deadline = enforcement_calc.nth_working_day_after(day, rule.objection_days, self._calendar())
        self._check_calendar_covers(day, deadline)
        return deadline

    @api.model
    def _parse_period(self, period):
        match = re.match(r"^(\d{4})-(\d{2})$", period or "")
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise UserError(_("«%s» is not a period: write YYYY-MM, e.g. 2026-03.") % (period,))
        return int(match.group(1)), int(match.group(2))

    @api.model
    def _due_day_function(self):
        """A function (period, account_id=None) → due day, the rule tables read once.

        The law record in force for the period (the latest ``period_from`` not after it, without building or
        account) gives the day; where it lets a contract set another day (ЖК 155 ч.1 before 177-ФЗ), the account's
        own record, else its building's record covering the period, wins. ``.min_day(period)`` is the earliest day
        any account may have for the period (the monthly close's conservative fast path); ``.specific`` the ids of
        the accounts whose day may differ from the law's."""
        cr = self.env.cr
        cr.execute("""SELECT period_from, period_to, day, contract_day_allowed, building_id, account_id
                      FROM ukkr_rule_due_day ORDER BY period_from""")
        law, by_building, by_account = [], {}, {}
        for start, end, day, allowed, building_id, account_id in cr.fetchall():
            if building_id:
                by_building.setdefault(building_id, []).append((start, end, day))
            elif account_id:
                by_account.setdefault(account_id, []).append((start, end, day))
            else:
                law.append((start, day, bool(allowed)))
        starts = [row[0] for row in law]
        building_of = {}
        if by_building:
            cr.execute("SELECT id, building_id FROM ukkr_personal_account WHERE building_id IN %s",
                       (tuple(by_building),))
            building_of = dict(cr.fetchall())

        def law_rule(period):
            index = bisect.bisect_right(starts, period) - 1
            if index < 0:
                raise UserError(_("No due-day rule covers period %s.") % period)
            return law[index]

        def covering(rows, period):
            found = None
            for start, end, day in rows:
                if start <= period and (not end or period <= end):
                    found = day
            return found

        def due_day(period, account_id=None):
            _start, day, allowed = law_rule(period)
            if allowed and account_id:
                own = covering(by_account.get(account_id, ()), period)
                if own is None and account_id in building_of:
                    own = covering(by_building[building_of[account_id]], period)
                if own is not None:
                    return own
            return day

        def min_day(period):
            _start, day, allowed = law_rule(period)
            if not allowed:
                return day
            days = [covering(rows, period) for rows in list(by_account.values()) + list(by_building.values())]
            return min([day] + [d for d in days if d is not None])
        due_day.min_day = min_day
        due_day.specific = set(by_account) | set(building_of)
        return due_day

    @api.model
    def _account_id(self, account):
        if not account:
            return None
        if isinstance(account, models.BaseModel):
            return account.id
        if isinstance(account, int) and not isinstance(account, bool):
            return account
        raise UserError(_("«%s» is not a personal account.") % (account,))

    @api.model
    def due_day(self, period, account=None):
        """Day of the following month on which ``period``'s bill is due, from the due-day rules (for ``account``,
        a record or id: its contract's day where the law allowed one)."""
        self._parse_period(period)
        return self._due_day_function()(period, self._account_id(account))

    @api.model
    def _due_date_of(self, period, day, is_non_working):
        year, month = self._parse_period(period)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        day = min(day, calendar.monthrange(year, month)[1])
        return penalty_calc.shift_to_working_day(date(year, month, day), is_non_working)

    @api.model
    def due_date(self, period, is_non_working=None, account=None):
        """Due date of a period's bill: the rule's day of the next month, moved to a working day (ГК 193)."""
        return self._due_date_of(period, self.due_day(period, account), is_non_working or self._calendar())

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
        bands, dated_bands = {}, {}
        for band in self.env["ukkr.rule.penalty.band"].search([], order="payer_kind, day_from"):
            value = penalty_calc.Band(band.day_from, band.day_to or None, band.divisor)
            bands.setdefault(band.payer_kind, []).append(value)
            dated_bands.setdefault(band.payer_kind, []).append(
                (_as_date(band.date_from) if band.date_from else date.min,
                 _as_date(band.date_to) if band.date_to else date.max, value))
        due_day_of = self._due_day_function()
        specific = due_day_of.specific
        due_cache = {}
        resource_buyers = set()
        if bands.get("managing"):
            self.env.cr.execute("SELECT id FROM ukkr_personal_account WHERE resource_buyer")
            resource_buyers = {row[0] for row in self.env.cr.fetchall()}

        def due_date(period, account_id=None):
            """The due date of ``period`` (for ``account_id``: its contract's due day where one applies)."""
            key = (period, due_day_of(period, account_id)) if account_id in specific else period
            due = due_cache.get(key)
            if due is None:
                due = due_cache[key] = self._due_date_of(period, due_day_of(period, account_id), calendar_)
            return due

        def penalty_kind(payer_kind, account_id):
            """Managing organisations and ТСЖ buying resources have their own bands (190-ФЗ ст.15 ч.9.3,
            416-ФЗ ст.13 ч.6.3)."""
            return "managing" if account_id in resource_buyers else payer_kind

        expiry_cache, applying_cache, bands_cache = {}, {}, {}

        def bands_of(payer_kind, due):
            """The bands of ``payer_kind`` in force for a debt falling due on ``due``."""
            key = (payer_kind, due)
            if key not in bands_cache:
                found = tuple(band for start, end, band in dated_bands.get(payer_kind, ()) if start <= due <= end)
                if not found:
                    raise UserError(_("No penalty bands are set for payer kind «%s» for debts due on %s.")
                                    % (payer_kind, due.strftime("%d.%m.%Y")))
                bands_cache[key] = found
            return bands_cache[key]

        def segments(principal, due, calc, payments, payer_kind):
            applying = applying_cache.get(due)
            if applying is None:   # the moratoria that apply to debts of this due date
                applying = applying_cache[due] = [(a, b) for a, b, before in moratoria if not before or due < before]
            return penalty_calc.penalty_segments(principal, due, calc, payments, bands_of(payer_kind, due), rate_on,
                                                 applying)

        def penalty(principal, due, calc, payments, payer_kind):
            return sum(segment.amount for segment in segments(principal, due, calc, payments, payer_kind))

        from .ukkr_personal_account import aging_bucket

        def tranche(period, charged, payments, as_of, payer_kind, events=(), account_id=None):
            """One tranche as of a date: charged, unpaid principal, due date, days overdue, limitation expiry,
            penalty (not yet rounded) and age bucket. ``payments``: [(date, amount)] allocated to it;
            ``events``: [(kind, date)] of ``ukkr.limitation.event`` for this tranche, dated up to ``as_of``;
            ``account_id``: the account's contract due day and its penalty bands (a resource buyer's) apply."""
            due = due_date(period, account_id)
            payer_kind = penalty_kind(payer_kind, account_id)
            # the ONE place where limitation events change a tranche's expiry (ГК 203 acknowledgement, ГК 204 court
            # filing and cancellation); None while a filing is pending (the period does not run)
            if events:
                expiry = self.limitation_expiry_with_events(due, list(events))
            else:
                expiry = expiry_cache.get(due)
                if expiry is None:
                    expiry = expiry_cache[due] = self.limitation_expiry(due)
            expiry = expiry or None
            days = max((as_of - due).days, 0)
            principal = round(charged - sum(amount for _d, amount in payments), 2)
            return {"period": period, "charged": round(charged, 2), "principal": principal, "due_date": due,
                    "days_overdue": days, "limitation_expiry": expiry, "overdue": as_of > due,
                    "penalty": penalty(charged, due, as_of, payments, payer_kind) if as_of > due and charged > 0
                    else 0.0,
                    "bucket": aging_bucket(days, expiry is not None and as_of > expiry)}
        def quiet_until(period, payer_kind):
            """The last payment date on which this period's tranche still owes no penalty (the due date plus the
            days of the bands without a divisor), or None when the payer kind has no bands. A tranche paid in
            full by then has no principal and no penalty — the monthly close skips such tranches in SQL."""
            if payer_kind not in bands:
                return None
            kinds = [payer_kind] + (["managing"] if payer_kind == "legal" and resource_buyers else [])
            charging = [band.day_from for kind in kinds for band in bands.get(kind, ()) if band.divisor]
            if not charging:
                return date.max
            # penalty_segments: a band starts on due + day_from; a portion ending before that accrues nothing.
            # Conservative over the accounts of the kind: the earliest contract due day and the earliest band
            # (a resource buyer is a legal entity); those it does not fit are evaluated in full.
            earliest = self._due_date_of(period, due_day_of.min_day(period), calendar_)
            return earliest + timedelta(days=min(charging) - 1)
        return {"due_date": due_date, "expiry": self.limitation_expiry, "segments": segments, "penalty": penalty,
                "tranche": tranche, "quiet_until": quiet_until}

    @api.model
    def _expiry_function(self):
        """(period, account_id=None) → limitation expiry of its tranche, the rules read once and results cached."""
        calendar_ = self._calendar()
        due_day_of = self._due_day_function()
        specific = due_day_of.specific
        cache = {}

        def expiry_of(period, account_id=None):
            key = (period, due_day_of(period, account_id)) if account_id in specific else period
            expiry = cache.get(key)
            if expiry is None:
                expiry = cache[key] = self.limitation_expiry(
                    self._due_date_of(period, due_day_of(period, account_id), calendar_))
            return expiry

        def for_account(account_id):
            """A one-argument expiry function for one account (the general one unless its due day may differ)."""
            if account_id not in specific:
                return expiry_of
            return lambda period: expiry_of(period, account_id)
        expiry_of.for_account = for_account
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

    # ------------------------------------------------------------------ issue 6: court, limitation, enforcement
    # Pure calculations live in state_duty_calc, court_route_calc, limitation_calc (ПП № 354),
    # limitation_period_calc (ГК 196–204) and enforcement_calc (229-ФЗ); these methods read the dated rule records,
    # check the input and turn the pure modules' RuleInputError into a Russian UserError.
    @api.model
    def _rule_error(self, error):
        """A translated UserError for a RuleInputError of the pure modules."""
        from .ukkr_personal_account import rub
        labels = {"filed": _("filing"), "acknowledged": _("acknowledgement"), "cancelled": _("cancellation"),
                  "dismissed": _("dismissal"), "dismissed_claimant_fault": _("dismissal for the claimant's fault"),
                  "presented": _("presentation"), "returned": _("return"), "partial_payment": _("partial payment"),
                  "court_order": _("court order"), "claim": _("claim")}
        values = {}
        for key, value in error.values.items():
            if isinstance(value, date):
                value = value.strftime("%d.%m.%Y")
            elif key in ("amount", "limit") and isinstance(value, (int, float)):
                value = rub(value)
            elif key == "kind":
                value = labels.get(value, value)
            values[key] = "—" if value is None else value
        messages = {
            "amount_not_positive": _("The amount must be greater than zero."),
            "negative_debt": _("A debt cannot be negative."),
            "negative_duty": _("A state duty cannot be negative."),
            "no_bands": _("The state duty scale has no bands: add them under Settings → Legal rules → State duty "
                          "scales."),
            "unknown_kind": _("Unknown kind «%(kind)s»."),
            "no_route": _("No court rule covers a %(kind)s for this payer kind on this date: add one under Settings → "
                          "Legal rules → Court jurisdiction."),
            "court_order_over_limit": _("A court order is possible for debts up to %(limit)s RUB; a debt of "
                                        "%(amount)s RUB needs a claim."),
            "claim_over_limit": _("No court rule admits a claim of %(amount)s RUB (the rules end at %(limit)s RUB)."),
            "no_monthly_charge": _("The monthly charge at the consumption norm must be greater than zero."),
            "no_delivery_date": _("The delivery date of the warning is required."),
            "no_payment_date": _("The payment date is required."),
            "unknown_event": _("Unknown event «%(kind)s»."),
            "event_before_due": _("An event (%(kind)s on %(day)s) cannot come before or on the due date of the debt "
                                  "(%(due)s)."),
            "already_filed": _("A second filing on %(day)s while the filing of %(filed)s is still pending: record its "
                               "cancellation or dismissal first."),
            "not_filed": _("A %(kind)s on %(day)s has no pending filing before it."),
            "unknown_route": _("Unknown enforcement route «%(route)s»: use employer, pension, bank or bailiff."),
            "no_date": _("A date is required."),
            "event_before_start": _("An event (%(kind)s on %(day)s) cannot come before the writ's start date "
                                    "%(start)s."),
            "already_presented": _("The writ is presented again on %(day)s while it is still at the bailiffs: record "
                                   "its return first."),
            "presented_late": _("The writ was presented on %(day)s, after its presentation period ended on "
                                "%(deadline)s: the court has to restore the period first (ГПК 432)."),
            "not_presented": _("The writ is returned on %(day)s but it was never presented."),
        }
        message = messages.get(error.code)
        return UserError(message % values if message else error.code)

    @api.model
    def _today(self, on_date=None):
        return _as_date(on_date or fields.Date.context_today(self))

    # ------------------------------------------------------------------ state duty (НК 333.19, 333.21, 333.40)
    @api.model
    def _state_duty_scale(self, filing_date, court):
        if court not in ("general", "arbitration"):
            raise UserError(_("Unknown court «%s»: use general or arbitration.") % (court,))
        scale = self.env["ukkr.rule.state.duty"]._in_force(filing_date, [("court", "=", court)])
        if not scale:
            raise UserError(_("No state duty scale covers a filing on %s in %s: add it under Settings → Legal "
                              "rules → State duty scales.")
                            % (filing_date.strftime("%d.%m.%Y"),
                               dict(self.env["ukkr.rule.state.duty"].fields_get(["court"])["court"]["selection"])
                               [court]))
        return scale

    @api.model
    def state_duty(self, amount, kind, filing_date, court="general"):
        """State duty in whole rubles for a ``claim`` or a ``court_order`` of ``amount`` filed on ``filing_date``
        in a ``general`` or ``arbitration`` court (scales and rounding: state_duty_calc)."""
        amount, filing_date = _as_amount(amount), _as_date(filing_date)
        if kind not in state_duty_calc.KINDS:
            raise UserError(_("Unknown application kind «%s»: use claim or court_order.") % (kind,))
        if amount <= 0:
            raise UserError(_("The amount of a claim must be greater than zero."))
        scale = self._state_duty_scale(filing_date, court)
        bands = tuple(state_duty_calc.DutyBand(b.lower, b.fixed, b.percent, b.minimum, b.maximum)
                      for b in scale.band_ids.sorted("lower"))
        try:
            return state_duty_calc.state_duty(amount, kind, bands, scale.order_percent, scale.order_minimum)
        except RuleInputError as error:
            raise self._rule_error(error)

    @api.model
    def state_duty_credit(self, paid_order_duty, claim_duty):
        """НК 333.40: what remains to pay on a claim's duty after crediting the duty paid for a cancelled court
        order; never negative."""
        try:
            return state_duty_calc.duty_credit(_as_amount(paid_order_duty), _as_amount(claim_duty))
        except RuleInputError as error:
            raise self._rule_error(error)

    # ------------------------------------------------------------------ court jurisdiction (ГПК 23, 121; АПК 227, 229.2)
    @api.model
    def court_route(self, amount, payer_kind, kind="auto", on_date=None):
        """Court and procedure for a debt: ``kind`` is court_order, claim or auto (a court order where allowed).

        Returns dict(court=magistrate|district|arbitration, procedure=court_order|simplified|ordinary,
        kind=court_order|claim, limit=the rule's upper limit or False, court_name, procedure_name, rule_id, source,
        confidence)."""
        amount, day = _as_amount(amount), self._today(on_date)
        if payer_kind not in dict(PAYER_KINDS):
            raise UserError(_("Unknown payer kind «%s».") % (payer_kind,))
        Route = self.env["ukkr.rule.court.route"]
        rules = Route.search([("payer_kind", "=", payer_kind), ("date_from", "<=", day), "|",
                              ("date_to", "=", False), ("date_to", ">=", day)])
        routes = [court_route_calc.Route(r.kind, r.amount_limit, r.court, r.procedure, r.id) for r in rules]
        try:
            route = court_route_calc.court_route(amount, kind, routes)
        except RuleInputError as error:
            raise self._rule_error(error)
        rule = Route.browse(route.ref)
        selections = Route.fields_get(["court", "procedure"])
        return {"court": route.court, "procedure": route.procedure, "kind": route.kind,
                "limit": route.limit or False, "court_name": dict(selections["court"]["selection"])[route.court],
                "procedure_name": dict(selections["procedure"]["selection"])[route.procedure],
                "rule_id": rule.id, "source": rule.source, "confidence": rule.confidence}

    @api.model
    def court_precinct(self, court, building, on_date=None):
        """The court of kind ``court`` (magistrate, district, arbitration) serving ``building`` (a record or id) on
        ``on_date``: dict(name, address, rule_id, source, confidence) of the most specific precinct record in force
        (settlement, street, houses), or False when none is recorded."""
        if court not in dict(self.env["ukkr.rule.court.precinct"]._fields["court"].selection):
            raise UserError(_("Unknown court «%s».") % (court,))
        building = building if isinstance(building, models.BaseModel) else \
            self.env["ukkr.building"].browse(building).exists()
        if not building:
            raise UserError(_("A building is required to find its court."))
        record = self.env["ukkr.rule.court.precinct"]._find(court, building.sudo(), self._today(on_date))
        if not record:
            return False
        return {"name": record.name, "address": record.address or "", "rule_id": record.id,
                "source": record.source, "confidence": record.confidence}

    # ------------------------------------------------------------------ limitation and suspension (ПП № 354)
    @api.model
    def service_limitation_params(self, on_date=None):
        """The ПП № 354 terms in force on ``on_date`` as limitation_calc.Params."""
        day = self._today(on_date)
        rule = self.env["ukkr.rule.service.limitation"]._in_force(day)
        if not rule:
            raise UserError(_("No service limitation terms (ПП № 354) are in force on %s: add them under Settings → "
                              "Legal rules.") % day.strftime("%d.%m.%Y"))
        return limitation_calc.Params(rule.multiplier, rule.pay_days, rule.suspension_days, rule.restoration_days)

    @api.model
    def _service(self, service):
        Service = self.env["ukkr.service"]
        if isinstance(service, models.BaseModel):
            record = service
        elif isinstance(service, int):
            record = Service.browse(service).exists()
        else:
            record = Service.search([("code", "=", service)], limit=1)
        if len(record) != 1:
            raise UserError(_("Unknown service «%s».") % (service,))
        return record

    @api.model
    def service_limitation_eligible(self, service_debt, normative_monthly_charge, service, is_apartment_building,
                                    has_honoured_agreement=False, on_date=None):
        """(eligible, reason in Russian): may the service (record, id or code) be limited for this debt?"""
        from .ukkr_personal_account import rub
        debt, charge = _as_amount(service_debt), _as_amount(normative_monthly_charge)
        record = self._service(service)
        params = self.service_limitation_params(on_date)
        flags = {"never_suspended": record.never_suspended,
                 "never_suspended_apartment_building": record.never_suspended_apartment_building}
        try:
            eligible, code = limitation_calc.is_eligible(debt, charge, params.multiplier, has_honoured_agreement,
                                                         flags, is_apartment_building)
        except RuleInputError as error:
            raise self._rule_error(error)
        values = {"service": record.name, "debt": rub(debt), "threshold": rub(params.multiplier * charge),
                  "multiplier": ("%g" % params.multiplier).replace(".", ",")}
        reasons = {
            "never_suspended": _("%(service)s is never limited or suspended (ПП № 354 п.119)."),
            "never_suspended_apartment_building": _("%(service)s is never limited or suspended in an apartment "
                                                    "building (ПП № 354 п.119)."),
            "agreement": _("A repayment agreement is in force and honoured (ПП № 354 п.117)."),
            "below_threshold": _("The debt for %(service)s, %(debt)s RUB, does not exceed %(multiplier)s monthly "
                                 "charges at the norm, %(threshold)s RUB (ПП № 354 п.117, 118)."),
            "eligible": _("The debt for %(service)s, %(debt)s RUB, exceeds %(multiplier)s monthly charges at the "
                          "norm, %(threshold)s RUB: a warning may be sent (ПП № 354 п.117–119)."),
        }
        return eligible, reasons[code] % values

    @api.model
    def service_limitation_dates(self, delivery_date):
        """Dates after a warning delivered on ``delivery_date`` (terms in force that day): dict(pay_until,
        limitation, suspension_pay_until, suspension) — see limitation_calc."""
        day = _as_date(delivery_date) if delivery_date else None
        if not day:
            raise UserError(_("The delivery date of the warning is required."))
        return limitation_calc.limitation_dates(day, self.service_limitation_params(day))

    @api.model
    def service_restoration_due(self, paid_date):
        """Last day to restore a service after full payment (or a signed agreement) on ``paid_date`` (п.120)."""
        day = _as_date(paid_date) if paid_date else None
        if not day:
            raise UserError(_("The payment date is required."))
        return limitation_calc.restoration_due(day, self.service_limitation_params(day).restoration_days)

    @api.model
    def disconnect_cost_cap(self, service, on_date=None):
        """The cap on limitation/restoration costs charged to the debtor for ``service`` on ``on_date``, or False."""
        rule = self.env["ukkr.rule.disconnect.cost"]._in_force(self._today(on_date),
                                                                [("service_id", "=", self._service(service).id)])
        return rule.cap_amount if rule else False

    # ------------------------------------------------------------------ limitation period with court events (ГК 196–204)
    @api.model
    def limitation_expiry_with_events(self, due_date, events=None):
        """Last day of a tranche's limitation period after court and debtor events, or False while a filing is
        pending. ``events``: [(kind, date)] with kind filed, cancelled, dismissed, dismissed_claimant_fault or
        acknowledged (rules in limitation_period_calc). With no events it equals ``limitation_expiry``."""
        due = _as_date(due_date)
        clean = []
        for event in events or []:
            if not isinstance(event, (list, tuple)) or len(event) != 2:
                raise UserError(_("An event is a pair (kind, date)."))
            clean.append((event[0], _as_date(event[1]) if event[1] else None))
        try:
            return limitation_period_calc.expiry_with_events(due, clean) or False
        except RuleInputError as error:
            raise self._rule_error(error)

    # ------------------------------------------------------------------ enforcement (229-ФЗ)
    @api.model
    def enforcement_params(self, on_date=None):
        """The 229-ФЗ parameters record in force on ``on_date``."""
        day = self._today(on_date)
        rule = self.env["ukkr.rule.enforcement"]._in_force(day)
        if not rule:
            raise UserError(_("No enforcement parameters (229-ФЗ) are in force on %s: add them under Settings → "
                              "Legal rules.") % day.strftime("%d.%m.%Y"))
        return rule

    @api.model
    def enforcement_route_check(self, amount, route, on_date=None):
        """(allowed, reason in Russian) for sending a writ of ``amount`` by ``route`` (employer, pension, bank,
        bailiff) on ``on_date``."""
        from .ukkr_personal_account import rub
        params = self.enforcement_params(on_date)
        try:
            allowed, code = enforcement_calc.route_allowed(_as_amount(amount), route, params.employer_limit)
        except RuleInputError as error:
            raise self._rule_error(error)
        if allowed:
            return True, _("Allowed.")
        return False, _("A writ goes straight to the employer or the pension payer only for sums up to %s RUB "
                        "(229-ФЗ ст.9); send %s RUB to the bank or the bailiffs.") % (rub(params.employer_limit),
                                                                                     rub(_as_amount(amount)))

    @api.model
    def enforcement_route_allowed(self, amount, route, on_date=None):
        """True when the route is allowed; a Russian UserError otherwise."""
        allowed, reason = self.enforcement_route_check(amount, route, on_date)
        if not allowed:
            raise UserError(reason)
        return True

    @api.model
    def voluntary_period_end(self, receipt_date):
        """Last day of the voluntary period after the debtor received the opening ruling on ``receipt_date``."""
        day = _as_date(receipt_date) if receipt_date else None
        if not day:
            raise UserError(_("A date is required."))
        return enforcement_calc.voluntary_end(day, self.enforcement_params(day).voluntary_days, self._calendar())

    @api.model
    def travel_ban_eligible(self, debt, voluntary_end, on_date=None):
        """(eligible, reason in Russian) for asking the bailiffs to ban the debtor's travel abroad."""
        from .ukkr_personal_account import rub
        day, end = self._today(on_date), (_as_date(voluntary_end) if voluntary_end else None)
        if not end:
            raise UserError(_("The end of the voluntary period is required."))
        params = self.enforcement_params(day)
        try:
            eligible, code = enforcement_calc.travel_ban_eligible(
                _as_amount(debt), end, day, params.travel_ban_threshold, params.travel_ban_late_threshold,
                params.travel_ban_late_months)
        except RuleInputError as error:
            raise self._rule_error(error)
        values = {"debt": rub(_as_amount(debt)), "threshold": rub(params.travel_ban_threshold),
                  "late": rub(params.travel_ban_late_threshold), "months": params.travel_ban_late_months,
                  "end": end.strftime("%d.%m.%Y")}
        reasons = {
            "voluntary_period": _("The voluntary period runs until %(end)s (229-ФЗ ст.67)."),
            "threshold": _("The debt of %(debt)s RUB is %(threshold)s RUB or more (229-ФЗ ст.67 ч.1)."),
            "late_threshold": _("The debt of %(debt)s RUB exceeds %(late)s RUB and %(months)s months have passed "
                                "since the voluntary period ended (229-ФЗ ст.67 ч.2)."),
            "below_threshold": _("The debt of %(debt)s RUB is below the travel ban threshold of %(threshold)s RUB "
                                 "(229-ФЗ ст.67)."),
        }
        return eligible, reasons[code] % values

    @api.model
    def writ_presentation_deadline(self, start_date, events=None):
        """Last day to present a writ issued (court order) or in force (writ of execution) on ``start_date``
        after ``events`` [(kind, date)]: presented, returned, partial_payment; False while at the bailiffs."""
        start = _as_date(start_date) if start_date else None
        if not start:
            raise UserError(_("A date is required."))
        clean = []
        for event in events or []:
            if not isinstance(event, (list, tuple)) or len(event) != 2:
                raise UserError(_("An event is a pair (kind, date)."))
            clean.append((event[0], _as_date(event[1]) if event[1] else None))
        try:
            return enforcement_calc.writ_deadline(start, clean, self.enforcement_params(start).writ_years) or False
        except RuleInputError as error:
            raise self._rule_error(error)

    @api.model
    def representation_earliest(self, return_date, new_assets=False):
        """First day a writ returned as uncollectable on ``return_date`` may be presented again (229-ФЗ ст.46)."""
        day = _as_date(return_date) if return_date else None
        if not day:
            raise UserError(_("A date is required."))
        return enforcement_calc.representation_earliest(day, self.enforcement_params(day).representation_months,
                                                        new_assets)

    @api.model
    def enforcement_fee(self, amount, debtor_kind="individual", on_date=None):
        """Enforcement fee (229-ФЗ ст.112) in rubles and kopecks for a debtor of ``debtor_kind`` (a payer kind)."""
        if debtor_kind not in dict(PAYER_KINDS):
            raise UserError(_("Unknown payer kind «%s».") % (debtor_kind,))
        params = self.enforcement_params(on_date)
        minimum = params.fee_min_individual if debtor_kind in ("individual", "sole_trader") \
            else params.fee_min_organisation
        try:
            return enforcement_calc.enforcement_fee(_as_amount(amount), params.fee_percent, minimum)
        except RuleInputError as error:
            raise self._rule_error(error)

    # ------------------------------------------------------------------ corrections of shipped rule records
    @api.model
    def _apply_december_2026_corrections(self):
        """The December 2026 verification (LEGAL_RULES.md, last section) in a database installed before it: the
        rule data files are ``noupdate``, so an upgrade creates the new records (2026 key rate, the bands of
        managing organisations) but does not touch the existing ones. Each correction is applied only while the
        record still holds the value first shipped — a value an administrator changed is kept. Idempotent; run by
        data/ukkr_rule_corrections_data.xml on every install and update."""
        def record(xml_id):
            return self.env.ref("ukkr_collections." + xml_id, raise_if_not_found=False)
        corrections = [
            ("state_duty_arbitration_2024", lambda r: not r.order_minimum, {
                "order_minimum": 8000.0,
                "source": "НК РФ ст.333.21 п.1 пп.1, 2 в ред. Федерального закона от 08.08.2024 № 259-ФЗ "
                          "(судебный приказ — не менее 8 000 руб.)"}),
            ("due_day_2015", lambda r: not r.contract_day_allowed, {"contract_day_allowed": True}),
            ("due_day_2026_02", lambda r: r.day == 10 and r.confidence == "unconfirmed", {
                "day": 15, "confidence": "medium",
                "source": "ЖК РФ ст.155 ч.1 в ред. 177-ФЗ от 24.06.2025; письмо Минстроя России от 20.02.2026 "
                          "№ 9202-ДН/04",
                "note": "Период 2026-02 оплачивается в марте 2026 года, когда новая редакция уже действует "
                        "(с 01.03.2026): до 15-го числа; 15.03.2026 — воскресенье, срок — 16.03.2026 (ГК 193). "
                        "Проверка декабря 2026 г."}),
        ] + [("state_duty_general_2024_band_%d" % n, lambda r: r.confidence == "unconfirmed",
              {"confidence": "medium"}) for n in (8, 9, 10)]
        applied = []
        for xml_id, still_shipped, values in corrections:
            target = record(xml_id)
            if target and still_shipped(target):
                target.sudo().write(values)
                applied.append(xml_id)
        return applied
