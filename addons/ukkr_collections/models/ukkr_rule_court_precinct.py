import re

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .ukkr_rule_court_route import COURT_KINDS


def house_matches(spec, house):
    """Does ``house`` fall in ``spec`` — a list such as «1-15, 17, 20а» (ranges of house numbers, inclusive, by the
    number's digits; single houses compared as written, case- and space-insensitive)?"""
    if not spec:
        return True
    norm = re.sub(r"\s+", "", str(house or "")).lower()
    digits = re.match(r"^(\d+)", norm)
    for part in re.split(r"[,;]", spec):
        part = re.sub(r"\s+", "", part).lower()
        if not part:
            continue
        bounds = re.match(r"^(\d+)-(\d+)$", part)
        if bounds:
            if digits and int(bounds.group(1)) <= int(digits.group(1)) <= int(bounds.group(2)):
                return True
        elif part == norm:
            return True
    return False


class UkkrRuleCourtPrecinct(models.Model):
    """Which court — a magistrate's precinct, a district court, an arbitration court — serves an address, from a
    date: settlement, street and houses (each optional; the most specific record in force wins). The precinct
    boundaries are set by the region's law on judicial precincts: a new law is a new record."""
    _name = "ukkr.rule.court.precinct"
    _inherit = "ukkr.rule.dated.mixin"
    _description = "Court precinct by address"
    _order = "court, settlement_id, street, date_from desc"

    court = fields.Selection(COURT_KINDS, "Court", required=True, default="magistrate")
    name = fields.Char("Court name", required=True,
                       help="As the application names it, e.g. «Мировому судье судебного участка № … в "
                            "Северо-Енисейском районе Красноярского края».")
    address = fields.Char("Court address")
    settlement_id = fields.Many2one("ukkr.settlement", "Settlement", ondelete="cascade",
                                    help="Empty: every settlement.")
    street = fields.Char("Street", help="Empty: every street of the settlement.")
    houses = fields.Char("Houses", help="E.g. «1-15, 17, 20а». Empty: every house of the street.")

    @api.constrains("date_from", "date_to", "street", "settlement_id", "houses")
    def _check_values(self):
        for record in self:
            if record.street and not record.settlement_id:
                raise ValidationError(_("A street is given within a settlement."))
            if record.houses and not record.street:
                raise ValidationError(_("Houses are given within a street."))
        self._check_dated(("court", "settlement_id", "street", "houses"))

    @api.model
    def _find(self, court, building, on_date):
        """The record of ``court`` kind in force on ``on_date`` for ``building`` (the most specific), or empty."""
        candidates = self._in_force_all(on_date, [("court", "=", court)])
        best, rank = self.browse(), -1
        for record in candidates:
            if record.settlement_id and record.settlement_id != building.settlement_id:
                continue
            if record.street and (record.street or "").strip().lower() != (building.street or "").strip().lower():
                continue
            if record.houses and not house_matches(record.houses, building.house):
                continue
            score = bool(record.settlement_id) + bool(record.street) + bool(record.houses)
            if score > rank:
                best, rank = record, score
        return best

    @api.model
    def _in_force_all(self, on_date, domain):
        day = fields.Date.to_string(on_date) if not isinstance(on_date, str) else on_date
        return self.search(domain + [("date_from", "<=", day), "|", ("date_to", "=", False), ("date_to", ">=", day)])
