from datetime import date

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from . import filing_readiness_calc as calc

TENANCIES = ("social", "commercial")   # the tenant pays for the whole (ЖК 153 ч.2, 155): owners' shares do not apply


def _ru(day):
    return day.strftime("%d.%m.%Y") if day else ""


def _periods(periods):
    return ", ".join(sorted(periods))


class UkkrFilingReadiness(models.AbstractModel):
    """Would the court return or refuse this filing today? The problems of a filing, each ``(code, message)``.

    ``check(items, on_date)`` takes several filings at once and reads the statuses, owners, moratoria and live court
    cases in one query each; the tranches come from the one tranche evaluation (``account.debt_tranches``: unpaid
    principal, penalty, limitation expiry with the ГК 203/204 events). Codes: see ``filing_readiness_calc``.
    """
    _name = "ukkr.filing.readiness"
    _description = "Filing readiness check"

    @api.model
    def _element_labels(self):
        return {"full_name": _("surname and given name"), "birth_date": _("date of birth"),
                "birth_place": _("place of birth"), "residence": _("place of residence (the premises' address)"),
                "identifier": _("one identifier (СНИЛС, ИНН, passport, driving licence…)"), "name": _("name"),
                "address": _("address"), "inn": _("ИНН"), "ogrn": _("ОГРН")}

    @api.model
    def _covered(self, account_ids, exclude_ids):
        """{account_id: {period: [court case names]}} claimed by live court cases (not cancelled, not closed)."""
        self.env.cr.execute("""SELECT c.account_id, l.period, c.name FROM ukkr_court_case_line l
                               JOIN ukkr_court_case c ON c.id = l.court_case_id
                               WHERE c.account_id = ANY(%s) AND c.state NOT IN ('cancelled', 'closed')
                                 AND NOT (c.id = ANY(%s))
                               ORDER BY c.id""", (list(account_ids), list(exclude_ids) or [0]))
        covered = {}
        for account, period, name in self.env.cr.fetchall():
            covered.setdefault(account, {}).setdefault(period, []).append(name or "")
        return covered

    @api.model
    def check(self, items, on_date=None):
        """``items``: [dict(key, account (record), periods (set or None: every overdue tranche not in court),
        kind ('court_order' or 'claim'), exclude (court case ids not to count as «in court»))].
        Returns {key: [(code, message)]} — an empty list: ready."""
        rules = self.env["ukkr.rules"]
        day = rules._today(on_date)
        accounts = self.env["ukkr.personal.account"].sudo().browse({item["account"].id for item in items})
        if not accounts:
            return {}
        exclude = {cid for item in items for cid in item.get("exclude", ())}
        covered = self._covered(accounts.ids, exclude)
        statuses = self.env["ukkr.debtor.status"].sudo()._in_force(accounts.mapped("partner_id").ids, day)
        moratoria = self.env["ukkr.rule.filing.moratorium"]._covering(day)
        owners = self.env["ukkr.premises.owner"].sudo()._owners_over(accounts.ids, date(1900, 1, 1), day)
        extra = self._extra_problems(items, day)
        labels = self._element_labels()
        result = {}
        for item in items:
            account = item["account"].sudo()
            problems = []
            kind = item.get("kind", "court_order")
            # the debtor himself
            for status, since, _until, document in statuses.get(account.partner_id.id, []):
                if status == "deceased":
                    problems.append(("deceased", _(
                        "The debtor died on %s (%s): no court order is issued against a deceased person; the debt is "
                        "claimed from the heirs or the estate by a claim (ГК 1175).") % (_ru(since), document)))
                elif status == "liquidated":
                    problems.append(("deceased", _(
                        "The organisation was liquidated on %s (%s): its obligations ended (ГК 419); the debt is a "
                        "write-off candidate.") % (_ru(since), document)))
            address = account.building_id.street and account.building_id.house and account.building_id.display_name
            identification = dict(account.partner_id._ukkr_identification(), residence=address or "")
            if item.get("identifiers_unknown"):   # the lawyer confirmed on the court case that none is known
                identification["identifiers_unknown"] = True
            gaps = calc.identification_gaps(account.payer_kind, identification)
            if gaps:
                problems.append(("identification", _(
                    "The debtor is not identified as the application requires (ГПК 124 ч.2 п.3; otherwise it is "
                    "returned, ГПК 125): missing %s.") % ", ".join(labels[g] for g in gaps)))
            # the debt claimed
            tranches = [t for t in account.debt_tranches(day) if t["principal"] > 0 and t["days_overdue"] > 0]
            periods = item.get("periods")
            in_court = covered.get(account.id, {})
            if periods is not None:
                claimed = [t for t in tranches if t["period"] in periods]
                twice = sorted(p for p in periods if p in in_court)
                if twice:
                    problems.append(("in_court", _(
                        "Periods %s are already claimed in a live court case (%s): the court refuses a second claim "
                        "of the same debt (ГПК 134 ч.1 п.2).") % (_periods(twice), ", ".join(
                            sorted({n for p in twice for n in in_court[p]})))))
            else:
                claimed = [t for t in tranches if t["period"] not in in_court]
                if tranches and not claimed:
                    problems.append(("in_court", _(
                        "Every overdue period is already claimed in a live court case (%s): nothing is left to "
                        "file.") % ", ".join(sorted({n for names in in_court.values() for n in names}))))
            if not tranches or (periods is not None and not claimed):
                problems.append(("no_debt", _("No overdue unpaid debt is left to claim.")))
            barred = calc.time_barred(claimed, day)
            if claimed and len(barred) == len(claimed):
                problems.append(("time_barred", _(
                    "Every claimed period is time-barred (%s): on the debtor's objection the court refuses (ГК 199); "
                    "the debt is a write-off candidate.") % _periods(barred)))
            live = [t for t in claimed if t["period"] not in barred] or claimed
            for status, since, _until, document in statuses.get(account.partner_id.id, []):
                if status == "bankrupt":
                    before = calc.periods_before([t["period"] for t in live], since)
                    if before:
                        problems.append(("bankrupt", _(
                            "The debtor is in a bankruptcy procedure since %s (%s): the debt for %s arose before it "
                            "and is claimed in the bankruptcy case, not by court order (127-ФЗ ст.5; Пленум ВС № 62 "
                            "п.12); later periods are current payments.") % (_ru(since), document, _periods(before))))
            # the owners of the premises
            if live and account.tenure not in TENANCIES:
                first = fields.Date.from_string(min(t["period"] for t in live) + "-01")
                last = calc.period_end(max(t["period"] for t in live))
                found = [o for o in owners.get(account.id, []) if o[4] <= last and (not o[5] or o[5] >= first)]
                verdict = calc.owners_verdict([(p, n, d) for p, n, d, _name, _f, _t in found], account.partner_id.id)
                shares = ", ".join("%s — %s" % (name, calc.share_text(n, d)) for _p, n, d, name, _f, _t in found)
                if verdict == "several":
                    problems.append(("owners", _(
                        "The premises have several owners (%s): each pays for his share (ЖК 158 ч.1, ГК 249) — one "
                        "application per owner for his share, not one against the payer for the whole.") % shares))
                elif verdict == "partial":
                    problems.append(("owners", _(
                        "The payer owns only part of the premises (%s): the other shares' owners pay for theirs "
                        "(ЖК 158 ч.1, ГК 249); record them and file per owner.") % shares))
                elif verdict == "not_payer":
                    problems.append(("owners", _(
                        "The premises belong to %s, not to the account's payer: the debt is claimed from the owner "
                        "(ЖК 153 ч.2, 158).") % shares))
            amount = round(sum(t["principal"] + t["penalty"] for t in live), 2)
            if kind == "court_order" and amount > 0:
                try:
                    rules.court_route(amount, account.payer_kind, "court_order", day)
                except UserError as error:
                    problems.append(("above_ceiling", "%s (ГПК 121)" % error.name))
            for moratorium in moratoria:
                if moratorium.payer_kind and moratorium.payer_kind != account.payer_kind:
                    continue
                before = moratorium.debt_before and fields.Date.from_string(moratorium.debt_before)
                if before and not any(t["due_date"] < before for t in live):
                    continue
                problems.append(("moratorium", _("Moratorium «%s» (%s) is in force from %s: the filing is held.")
                                 % (moratorium.name, moratorium.source, _ru(fields.Date.from_string(
                                     moratorium.date_from)))))
            problems += extra.get(item["key"], [])
            order = {code: index for index, code in enumerate(calc.PROBLEM_CODES)}
            result[item["key"]] = sorted(problems, key=lambda p: order.get(p[0], len(order)))
        return result

    @api.model
    def _extra_problems(self, items, day):
        """{key: [(code, message)]} of further grounds (the social safeguards add theirs)."""
        return {}


class UkkrDebtorCase(models.Model):
    _inherit = "ukkr.debtor.case"

    filing_ready = fields.Boolean("Ready to file", compute="_compute_filing_readiness",
                                  help="Nothing would make the court return or refuse a court order for this case's "
                                       "debt today.")
    filing_problems = fields.Text("Why the filing is held", compute="_compute_filing_readiness")

    def _readiness_items(self):
        return [{"key": case.id, "account": case.account_id, "periods": None, "kind": "court_order"}
                for case in self]

    @api.multi
    def filing_readiness(self, on_date=None):
        """Problems that would make the court return or refuse a court order for this case's overdue debt on
        ``on_date`` (today): ``[(code, Russian message)]``; empty means ready."""
        self.ensure_one()
        return self.env["ukkr.filing.readiness"].check(self._readiness_items(), on_date)[self.id]

    @api.multi
    def _filing_readiness_map(self, on_date=None):
        return self.env["ukkr.filing.readiness"].check(self._readiness_items(), on_date) if self else {}

    def _compute_filing_readiness(self):
        cases = self.filtered("id")
        found = cases._filing_readiness_map()
        for case in self:
            problems = found.get(case.id, [])
            case.filing_ready = bool(case.id) and not problems
            case.filing_problems = "\n".join(message for _code, message in problems)


class UkkrCourtCase(models.Model):
    _inherit = "ukkr.court.case"

    filing_ready = fields.Boolean("Ready to file", compute="_compute_filing_readiness")
    filing_problems = fields.Text("Why the filing is held", compute="_compute_filing_readiness")

    @api.multi
    def filing_readiness(self, on_date=None):
        """The same check for a prepared court case: its own tranches, the case itself not counted as «in court».
        Eviction and termination claims are not money claims and are not checked here."""
        self.ensure_one()
        return self._filing_readiness_map(on_date).get(self.id, [])

    @api.multi
    def _filing_readiness_map(self, on_date=None):
        money = self.filtered(lambda c: c.kind in ("court_order", "claim"))
        items = [{"key": case.id, "account": case.account_id, "periods": set(case.sudo().line_ids.mapped("period")),
                  "kind": case.kind, "exclude": [case.id], "identifiers_unknown": case.identifier_unknown}
                 for case in money]
        return self.env["ukkr.filing.readiness"].check(items, on_date) if items else {}

    def _compute_filing_readiness(self):
        found = self.filtered(lambda c: c.id and c.state == "prepared")._filing_readiness_map()
        for case in self:
            problems = found.get(case.id, [])
            case.filing_ready = case.state == "prepared" and not problems
            case.filing_problems = "\n".join(message for _code, message in problems)
