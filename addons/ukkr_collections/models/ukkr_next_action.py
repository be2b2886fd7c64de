import math
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from psycopg2.extras import execute_values

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from . import next_action_calc as calc
from .selections import PAYER_KINDS
from .ukkr_personal_account import TENURES, rub

ACTIONS = [("sms", "SMS reminder"), ("letter", "Registered warning letter"), ("visit", "Door-to-door visit"),
           ("agreement_offer", "Consultation and installment offer"), ("limitation", "ПП 354 limitation"),
           ("court_order", "Court order"), ("claim", "Claim"), ("bailiffs", "Writ to the bailiffs")]
ROLES = [("operator", "Subscriber department"), ("lawyer", "Legal department")]
ROLE_OF = {"sms": "operator", "letter": "operator", "visit": "operator", "agreement_offer": "operator",
           "limitation": "operator", "court_order": "lawyer", "claim": "lawyer", "bailiffs": "lawyer"}
COST_KINDS = {"sms": ("sms",), "letter": ("registered_letter",), "visit": ("visit_hour",),
              "agreement_offer": ("consultation",), "limitation": ("limitation_works", "registered_letter"),
              "bailiffs": ("bailiff_fee",)}   # court order and claim: the state duty on the debt
WINDOW = 90            # days after an action (or a month-end) in which a payment counts
HISTORY_MONTHS = 24    # how far back the rates look
COOLDOWN = 30          # the same action is not proposed again within so many days
AGE_LABELS = {"0_2": "up to 2 months of charges", "2_6": "2–6 months of charges", "6_12": "6–12 months of charges",
              "12_plus": "over 12 months of charges"}
SIZE_LABELS = {"lt5": "under 5 000 RUB", "5_20": "5 000–20 000 RUB", "20_50": "20 000–50 000 RUB",
               "50_plus": "50 000 RUB and more"}
STAFF = ("ukkr_debt_plan.group_ukkr_operator", "ukkr_debt_plan.group_ukkr_lawyer")


class UkkrNextActionRate(models.Model):
    """The rates the next best action is computed from, as learned at the last refresh (next_action_calc):
    - «no action» per segment (payer kind, tenure, debt age, debt size): month-ends with overdue debt, how many
      paid within 90 days, the part of the debt the payers paid — the rates used, shrunk towards all debtors;
    - per action kind, over all debtors: how many such actions, how many paid, and the lift — how many times more
      often than their segments' rates predict."""
    _name = "ukkr.next.action.rate"
    _description = "Next best action: rate by segment"
    _order = "action, payer_kind, tenure, age_band, size_band"

    action = fields.Selection([("none", "No action (month-end)")] + ACTIONS, "Action", readonly=True)
    payer_kind = fields.Selection(PAYER_KINDS, "Payer kind", readonly=True)
    tenure = fields.Selection(TENURES, "Tenure", readonly=True)
    age_band = fields.Selection([(k, v) for k, v in AGE_LABELS.items()], "Debt age", readonly=True)
    size_band = fields.Selection([(k, v) for k, v in SIZE_LABELS.items()], "Debt size", readonly=True)
    cases = fields.Integer("Cases in the history", readonly=True)
    payers = fields.Integer("Paid within 90 days", readonly=True)
    probability = fields.Float("Probability of payment, %", digits=(6, 1), readonly=True, group_operator="avg")
    share = fields.Float("Part of the debt paid, %", digits=(6, 1), readonly=True, group_operator="avg")
    lift = fields.Float("Lift of the action", digits=(6, 2), readonly=True, group_operator="avg",
                        help="How many times more often than similar debtors' rate the debtors paid after such an "
                             "action (1: no difference or no history).")
    learned_on = fields.Date("Learned on", readonly=True)


class UkkrNextAction(models.Model):
    """Next best action per open case and role: among the actions the law allows at the case's stage, the one with
    the highest expected net recovery = probability of payment after such an action for similar debtors × the part
    they pay × the overdue debt − the action's cost (``ukkr.cost.rate``; the state duty for a filing). Rates by
    segment are learned from the suite's own history (``ukkr.next.action.rate``, pure rules in next_action_calc).
    Rebuilt as a whole by ``refresh()`` (daily scheduled action, or the menu) — set-based: a few queries, the
    filing readiness for the cases a filing is considered for, one batched insert."""
    _name = "ukkr.next.action"
    _description = "Next best action"
    _order = "expected_net desc, id"
    _rec_name = "action"

    case_id = fields.Many2one("ukkr.debtor.case", "Debtor case", readonly=True, index=True, ondelete="cascade")
    account_id = fields.Many2one("ukkr.personal.account", "Personal account", readonly=True, index=True,
                                 ondelete="cascade")
    partner_id = fields.Many2one(related="account_id.partner_id", string="Payer", readonly=True)
    settlement_id = fields.Many2one(related="account_id.settlement_id", string="Settlement", readonly=True)
    role = fields.Selection(ROLES, "Worklist", readonly=True, index=True)
    action = fields.Selection(ACTIONS, "Next action", readonly=True)
    is_best = fields.Boolean("Best for the case", readonly=True,
                             help="The best action of all roles for this case; the other role's line is its second "
                                  "best.")
    debt = fields.Float("Overdue debt, RUB", digits=(14, 2), readonly=True)
    probability = fields.Float("Probability of payment, %", digits=(6, 1), readonly=True, group_operator="avg")
    share = fields.Float("Part paid, %", digits=(6, 1), readonly=True, group_operator="avg")
    expected_recovery = fields.Float("Expected recovery, RUB", digits=(14, 2), readonly=True)
    cost = fields.Float("Cost, RUB", digits=(14, 2), readonly=True)
    expected_net = fields.Float("Expected net recovery, RUB", digits=(14, 2), readonly=True, index=True)
    history_cases = fields.Integer("Similar cases in the history", readonly=True)
    segment = fields.Char("Segment", readonly=True)
    reason = fields.Text("Why", readonly=True)
    computed_on = fields.Date("Computed on", readonly=True)

    # ------------------------------------------------------------------ the history
    @api.model
    def _states(self, points_sql, points_params, as_of, window=WINDOW):
        """[(account_id, date, payer_kind, tenure, overdue, monthly charge, paid within ``window`` days after the
        date and up to ``as_of``)] for the (account, date) points of ``points_sql`` with overdue debt: charged
        for periods due before the date minus everything paid up to it. Set-based."""
        self.env.cr.execute("""
            WITH points AS (%s),
            charged AS (SELECT l.account_id, p.due_date, sum(l.accrued + l.correction - l.written_off) AS amount
                        FROM ukkr_ledger_line l JOIN ukkr_period p ON p.name = l.period
                        WHERE l.account_id IN (SELECT account_id FROM points) GROUP BY 1, 2),
            monthly AS (SELECT account_id, sum(accrued) / greatest(count(DISTINCT period), 1) AS charge
                        FROM ukkr_ledger_line WHERE account_id IN (SELECT account_id FROM points) GROUP BY 1),
            due AS (SELECT pt.account_id, pt.d, sum(c.amount) AS amount FROM points pt
                    JOIN charged c ON c.account_id = pt.account_id AND c.due_date < pt.d GROUP BY 1, 2),
            paid AS (SELECT pt.account_id, pt.d, sum(p.amount) AS amount FROM points pt
                     JOIN ukkr_payment p ON p.account_id = pt.account_id AND p.date <= pt.d GROUP BY 1, 2),
            after AS (SELECT pt.account_id, pt.d, sum(p.amount) AS amount FROM points pt
                      JOIN ukkr_payment p ON p.account_id = pt.account_id AND p.date > pt.d
                       AND p.date <= pt.d + %%s AND p.date <= %%s GROUP BY 1, 2)
            SELECT due.account_id, due.d, a.payer_kind, a.tenure, due.amount - coalesce(paid.amount, 0),
                   coalesce(m.charge, 0), coalesce(after.amount, 0)
            FROM due JOIN ukkr_personal_account a ON a.id = due.account_id
            LEFT JOIN monthly m ON m.account_id = due.account_id
            LEFT JOIN paid ON paid.account_id = due.account_id AND paid.d = due.d
            LEFT JOIN after ON after.account_id = due.account_id AND after.d = due.d
            WHERE due.amount - coalesce(paid.amount, 0) > 0.5""" % points_sql,
                            list(points_params) + [window, as_of])
        return [(account, fields.Date.from_string(day) if isinstance(day, str) else day, kind, tenure,
                 float(overdue), float(charge), float(after))
                for account, day, kind, tenure, overdue, charge, after in self.env.cr.fetchall()]

    @api.model
    def _history_actions(self, date_from, date_to):
        """[(account_id, date, action kind)] of the counted collection actions in the range, as next-action kinds."""
        sql, params = self.env["ukkr.measure.figure"].sudo()._costed_actions_query(date_from, date_to)
        self.env.cr.execute("""
            SELECT a.account_id, a.date, CASE
                WHEN a.model = 'ukkr.notice' AND a.cost_kind = 'sms' THEN 'sms'
                WHEN a.model = 'ukkr.notice' THEN 'letter'
                WHEN a.model = 'ukkr.visit' THEN 'visit'
                WHEN a.model IN ('ukkr.consultation', 'ukkr.installment.agreement', 'ukkr.workoff.agreement')
                    THEN 'agreement_offer'
                WHEN a.model = 'ukkr.service.limitation' THEN 'limitation'
                WHEN a.model = 'ukkr.court.case' AND k.kind IN ('court_order', 'claim') THEN k.kind
                WHEN a.model = 'ukkr.enforcement.proceeding' THEN 'bailiffs' END AS action
            FROM (%s) a LEFT JOIN ukkr_court_case k ON a.model = 'ukkr.court.case' AND k.id = a.id
            WHERE a.account_id IS NOT NULL""" % sql, params)
        return [(account, fields.Date.from_string(day) if isinstance(day, str) else day, action)
                for account, day, action in self.env.cr.fetchall() if action]

    @api.model
    def _learn(self, as_of, window=WINDOW):
        """The cells (next_action_calc.aggregate) of the history whose window is over by ``as_of``: month-ends of
        the last HISTORY_MONTHS months with overdue debt («none»), and the actions of the same months."""
        last = as_of - timedelta(days=window)
        first = as_of - relativedelta(months=HISTORY_MONTHS)
        ends, month = [], first.replace(day=1)
        while month <= last:
            end = month + relativedelta(months=1, days=-1)
            if first <= end <= last:
                ends.append(end)
            month += relativedelta(months=1)
        observations = []
        if ends:
            states = self._states("SELECT a.id AS account_id, e.d FROM ukkr_personal_account a "
                                  "CROSS JOIN unnest(%s::date[]) AS e(d)", [ends], as_of, window)
            observations += [("none", calc.segment(kind, tenure, overdue, charge), overdue, paid)
                             for _a, _d, kind, tenure, overdue, charge, paid in states]
        actions = self._history_actions(first, last)
        if actions:
            kinds = {(account, day): action for account, day, action in actions}
            states = self._states("SELECT * FROM unnest(%s::int[], %s::date[]) AS t(account_id, d)",
                                  [[a for a, _d in kinds], [d for _a, d in kinds]], as_of, window)
            observations += [(kinds[(account, day)], calc.segment(kind, tenure, overdue, charge), overdue, paid)
                             for account, day, kind, tenure, overdue, charge, paid in states]
        return calc.aggregate(observations)

    # ------------------------------------------------------------------ texts
    @api.model
    def _segment_label(self, seg):
        kinds = dict(self.env["ukkr.personal.account"]._fields["payer_kind"]._description_selection(self.env))
        tenures = dict(self.env["ukkr.personal.account"]._fields["tenure"]._description_selection(self.env))
        payer_kind, tenure, age, size = seg
        rate_fields = self.env["ukkr.next.action.rate"]._fields
        ages = dict(rate_fields["age_band"]._description_selection(self.env))
        sizes = dict(rate_fields["size_band"]._description_selection(self.env))
        return ", ".join([kinds.get(payer_kind, payer_kind), tenures.get(tenure, tenure), ages[age], sizes[size]])

    @api.model
    def _reason(self, action, rate_, debt, cost, segment_label):
        names = dict(self._fields["action"]._description_selection(self.env))
        base = _("Similar debtors (%s) paid within 90 days in %s %% of %d month-ends, on average %s %% of the "
                 "debt.") % (segment_label, _pct(rate_.p / rate_.lift_p if rate_.lift_p else rate_.p),
                             rate_.base_n, _pct(rate_.share / rate_.lift_share if rate_.lift_share else rate_.share))
        if rate_.n:
            history = _("After this action debtors paid %s times as often as their segments predict (%d actions, "
                        "%d paid).") % (("%.2f" % rate_.lift_p).replace(".", ","), rate_.n, rate_.k)
        else:
            history = _("No such action in the history yet: taken as changing nothing.")
        return "%s: %s %s %s" % (names[action], base, history, _(
            "Expected %s RUB (probability %s %%, part %s %%) for a cost of %s RUB.") % (
            rub(rate_.p * rate_.share * debt), _pct(rate_.p), _pct(rate_.share), rub(cost)))

    # ------------------------------------------------------------------ the worklists
    @api.model
    def _candidate_actions(self, day, cases):
        """{case_id: {action: (allowed, note)}} — what the law allows each case now; notes for the refused ones."""
        cr = self.env.cr
        account_ids = [c["account_id"] for c in cases]
        honoured = self.env["ukkr.installment.agreement"].sudo()._honoured_account_ids(account_ids, day)
        limitable = {account for account, *_rest in self.env["ukkr.service.limitation"].sudo()._candidates(day)}
        cr.execute("""SELECT account_id, bool_or(state IN ('filed', 'order_issued', 'hearing', 'decided',
                                                          'prepared')),
                             bool_or(state IN ('in_force', 'writ') AND NOT EXISTS (
                                 SELECT 1 FROM ukkr_enforcement_proceeding e WHERE e.account_id = k.account_id
                                   AND e.date_presented >= coalesce(k.date_in_force, k.date_filed)))
                      FROM ukkr_court_case k WHERE account_id = ANY(%s) AND kind IN ('court_order', 'claim')
                      GROUP BY account_id""", (account_ids,))
        court = {account: (pending, writ) for account, pending, writ in cr.fetchall()}
        recent = {}
        for account, action_day, action in self._history_actions(day - timedelta(days=COOLDOWN), day):
            recent.setdefault(account, set()).add(action)
        consult = self._consultation_needed(day, cases)
        result = {}
        for case in cases:
            account = case["account_id"]
            pending, writ = court.get(account, (False, False))
            done = recent.get(account, set())
            citizen = case["payer_kind"] == "individual"
            allowed = {
                "sms": (bool(case["phone"]) and not case["sms_opt_out"], _("no phone or the payer refused SMS")),
                "letter": (True, ""),
                "visit": (citizen, _("visits are for citizens' homes")),
                "agreement_offer": (account not in honoured, _("an agreement is in force and honoured")),
                "limitation": (account in limitable and not consult.get(case["id"]),
                               consult.get(case["id"]) or _("no service above the ПП 354 threshold, or an "
                                                            "agreement is honoured")),
                "court_order": (not pending and not writ, _("a court case is already pending")),
                "claim": (False, _("a claim follows a cancelled order or a debt above the court-order ceiling")),
                "bailiffs": (writ, _("no writ waiting to be presented")),
            }
            for action in done:
                if action in allowed and allowed[action][0] and action not in ("court_order", "claim", "bailiffs"):
                    allowed[action] = (False, _("done less than %d days ago") % COOLDOWN)
            result[case["id"]] = allowed
        return result

    @api.model
    def _consultation_needed(self, day, cases):
        """{case_id: note} of the cases whose debtor must be offered a consultation first (social safeguards)."""
        return {}

    @api.model
    def _open_cases(self):
        self.env.cr.execute("""
            SELECT c.id, c.account_id, a.payer_kind, a.tenure, c.overdue_at_close, a.phone, a.sms_opt_out,
                   coalesce(m.charge, 0)
            FROM ukkr_debtor_case c JOIN ukkr_personal_account a ON a.id = c.account_id
            LEFT JOIN (SELECT account_id, sum(accrued) / greatest(count(DISTINCT period), 1) AS charge
                       FROM ukkr_ledger_line GROUP BY account_id) m ON m.account_id = c.account_id
            WHERE c.state = 'open' AND c.overdue_at_close > 0 AND a.state = 'active'
            ORDER BY c.id""")
        keys = ("id", "account_id", "payer_kind", "tenure", "debt", "phone", "sms_opt_out", "charge")
        return [dict(zip(keys, row)) for row in self.env.cr.fetchall()]

    @api.model
    def _check_staff(self):
        if self.env.uid != 1 and not any(self.env.user.has_group(g) for g in STAFF):
            raise AccessError(_("Only УККР staff recompute the next best actions."))

    @api.model
    def refresh(self):
        """Recompute the worklists as of today: the rates, then the best action per open case and role."""
        self._check_staff()
        rules = self.env["ukkr.rules"]
        day = rules._today()
        cells = self._learn(day)
        self._store_rates(cells, day)
        lifts_of = calc.all_lifts(cells)
        cases = self._open_cases()
        allowed = self._candidate_actions(day, cases)
        costs = self.env["ukkr.cost.rate"].rates_on(day)
        # the filing readiness for the cases a court order is allowed for (one check per chunk of cases)
        fileable = [c["id"] for c in cases if allowed[c["id"]]["court_order"][0]]
        readiness = {}
        Case = self.env["ukkr.debtor.case"].sudo()
        for start in range(0, len(fileable), 200):
            readiness.update(Case.browse(fileable[start:start + 200])._filing_readiness_map(day))
        rows = []
        for case in cases:
            seg = calc.segment(case["payer_kind"], case["tenure"], case["debt"], case["charge"])
            label = self._segment_label(seg)
            options = allowed[case["id"]]
            problems = readiness.get(case["id"], [])
            notes = []
            claim_note = ""
            if options["court_order"][0] and problems:
                if {code for code, _m in problems} == {"above_ceiling"}:
                    options["claim"] = (True, "")
                    claim_note = problems[0][1]
                else:
                    notes.append(_("Not to court yet: %s") % problems[0][1])
                options["court_order"] = (False, problems[0][1])
            scored = []
            for action, (ok, _note) in options.items():
                if not ok:
                    continue
                rate_ = calc.rate(cells, action, seg, lifts_of=lifts_of)
                if action in ("court_order", "claim"):
                    try:
                        cost = rules.state_duty(case["debt"], action, day,
                                                "general" if case["payer_kind"] == "individual" else "arbitration")
                    except Exception:   # noqa: BLE001 — no scale for the day: the filing is not proposed
                        continue
                else:
                    cost = sum(costs.get(kind, 0.0) for kind in COST_KINDS[action])
                scored.append((calc.expected_net(rate_, case["debt"], cost), action, rate_, cost))
            if not scored:
                continue
            scored.sort(key=lambda s: (-s[0], s[1]))
            best = scored[0][1]
            for role in ("operator", "lawyer"):
                mine = [s for s in scored if ROLE_OF[s[1]] == role]
                if not mine:
                    continue
                net, action, rate_, cost = mine[0]
                reason = self._reason(action, rate_, case["debt"], cost, label)
                if action == "claim" and claim_note:
                    reason = "%s %s" % (reason, claim_note)
                elif notes and (role == "lawyer" or action == best):
                    reason = "%s %s" % (reason, " ".join(notes))
                rows.append((case["id"], case["account_id"], role, action, action == best, case["debt"],
                             round(rate_.p * 100, 1), round(rate_.share * 100, 1),
                             round(rate_.p * rate_.share * case["debt"], 2), round(cost, 2), net, rate_.n, label,
                             reason, day, self.env.uid))
        self.env.cr.execute("DELETE FROM ukkr_next_action")
        if rows:
            execute_values(self.env.cr, """
                INSERT INTO ukkr_next_action (case_id, account_id, role, action, is_best, debt, probability, share,
                    expected_recovery, cost, expected_net, history_cases, segment, reason, computed_on, create_uid,
                    write_uid, create_date, write_date)
                SELECT v.case_id, v.account_id, v.role, v.action, v.is_best, v.debt, v.probability, v.share,
                       v.expected_recovery, v.cost, v.expected_net, v.history_cases, v.segment, v.reason,
                       v.computed_on, v.uid, v.uid, now() at time zone 'utc', now() at time zone 'utc'
                FROM (VALUES %s) AS v(case_id, account_id, role, action, is_best, debt, probability, share,
                                      expected_recovery, cost, expected_net, history_cases, segment, reason,
                                      computed_on, uid)""", rows, page_size=1000)
        self.invalidate_cache()
        return len(rows)

    @api.model
    def _store_rates(self, cells, day):
        self.env.cr.execute("DELETE FROM ukkr_next_action_rate")
        rows = []
        for (action, seg), cell in sorted(cells.items(), key=lambda i: (i[0][0], str(i[0][1]))):
            if action == calc.BASE:
                p, share, _n = calc.base_rate(cells, seg)
                rows.append((action,) + tuple(seg) + (cell.n, cell.k, round(100 * p, 1), round(100 * share, 1),
                                                      1.0, day, self.env.uid))
            elif seg == calc.ALL:
                lift_p, lift_share, n, k = calc.lifts(cells, action)
                rows.append((action, None, None, None, None, n, k, round(100.0 * k / n, 1) if n else 0.0,
                             round(100.0 * cell.share_sum / k, 1) if k else 0.0, round(lift_p, 2), day,
                             self.env.uid))
        if rows:
            execute_values(self.env.cr, """
                INSERT INTO ukkr_next_action_rate (action, payer_kind, tenure, age_band, size_band, cases, payers,
                    probability, share, lift, learned_on, create_uid, write_uid, create_date, write_date)
                SELECT v.action, v.payer_kind, v.tenure, v.age_band, v.size_band, v.cases, v.payers,
                       v.probability, v.share, v.lift, v.learned_on, v.uid, v.uid, now() at time zone 'utc',
                       now() at time zone 'utc'
                FROM (VALUES %s) AS v(action, payer_kind, tenure, age_band, size_band, cases, payers, probability,
                                      share, lift, learned_on, uid)""", rows, page_size=1000)
        self.env["ukkr.next.action.rate"].invalidate_cache()

    @api.model
    def action_refresh(self):
        """The menu «Пересчитать рекомендации»: recompute and open the user's worklist."""
        self.refresh()
        lawyer_only = self.env.user.has_group("ukkr_debt_plan.group_ukkr_lawyer") and \
            not self.env.user.has_group("ukkr_debt_plan.group_ukkr_operator")
        return self.env.ref("ukkr_collections.action_ukkr_next_action_%s"
                            % ("lawyer" if lawyer_only else "operator")).read()[0]

    @api.model
    def _cron_refresh(self):
        return self.refresh()

    # ------------------------------------------------------------------ the hold-out comparison
    @api.model
    def holdout(self, cutoff, window=WINDOW, shares=(0.1, 0.25, 0.5)):
        """Compare, on the history, the ordering by expected net recovery with «largest debt first».

        The rates are learned only from what was known on ``cutoff`` (windows over by then); the debtors are every
        account with overdue debt on ``cutoff``; what each then really recovered is the payments within ``window``
        days after it (at most the debt). For each share q of the debtors worked (top q by each ordering), the sums
        recovered. The score is the expected net recovery of the universal action (a registered letter), so the
        comparison is of who to work first, not of which action."""
        cutoff = self.env["ukkr.rules"]._today(cutoff)
        cells = self._learn(cutoff, window)
        lifts_of = calc.all_lifts(cells)
        cost = sum(self.env["ukkr.cost.rate"].rates_on(cutoff).get(k, 0.0) for k in COST_KINDS["letter"])
        states = self._states("SELECT a.id AS account_id, %s::date AS d FROM ukkr_personal_account a", [cutoff],
                              cutoff + timedelta(days=window), window)
        items = []
        for account, _day, kind, tenure, overdue, charge, paid in states:
            rate_ = calc.rate(cells, "letter", calc.segment(kind, tenure, overdue, charge), lifts_of=lifts_of)
            items.append({"id": account, "debt": overdue, "score": calc.expected_net(rate_, overdue, cost),
                          "recovered": min(paid, overdue)})
        result = {"cutoff": cutoff, "window": window, "debtors": len(items),
                  "recovered_total": round(sum(i["recovered"] for i in items), 2), "rows": []}
        for share in shares:
            k = max(int(math.ceil(share * len(items))), 1) if items else 0
            result["rows"].append({
                "share": share, "worked": k,
                "expected_net_first": calc.top_k_recovered(items, lambda i: i["score"], k),
                "largest_debt_first": calc.top_k_recovered(items, lambda i: i["debt"], k)})
        return result


def _pct(value):
    return ("%.0f" % (value * 100)).replace(".", ",")
