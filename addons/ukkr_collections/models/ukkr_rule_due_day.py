import re

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class UkkrRuleDueDay(models.Model):
    """Day of the following month by which a period's bill is due (ЖК РФ ст.155 ч.1), from a period on.

    A record without a building or an account is the law's day. Until 01.03.2026 the old wording of ЖК 155 ч.1 let
    a management contract set another day («если иной срок не установлен договором управления»): such a law record
    has «A contract may set another day», and a record for a building (its management contract) or for one account
    (a direct contract) then gives that day for the periods it covers (``period_from``…``period_to``). Where the law
    record in force does not allow it (periods from 2026-02, 177-ФЗ), a building's or account's record is ignored.
    """
    _name = "ukkr.rule.due.day"
    _inherit = ["ukkr.rule.mixin", "ukkr.period.source"]
    _description = "Payment due day"
    _order = "period_from desc"
    _rec_name = "period_from"

    period_from = fields.Char("From period (YYYY-MM)", required=True)
    period_to = fields.Char("To period (YYYY-MM)", help="Only for a building's or an account's day. Empty: as long "
                                                        "as the law lets a contract set the day.")
    day = fields.Integer("Day of the following month", required=True, default=10)
    contract_day_allowed = fields.Boolean(
        "A contract may set another day",
        help="For a law record: a management contract (a building's record) or a direct contract (an account's "
             "record) may set another due day for the periods this record covers.")
    building_id = fields.Many2one("ukkr.building", "Building (management contract)", ondelete="cascade", index=True)
    account_id = fields.Many2one("ukkr.personal.account", "Personal account (contract)", ondelete="cascade",
                                 index=True)

    _sql_constraints = [("period_from_uniq", "unique(period_from, building_id, account_id)",
                         "There is already a rule from this period.")]

    @api.constrains("period_from", "period_to", "day", "building_id", "account_id", "contract_day_allowed")
    def _check_values(self):
        period_re = r"^\d{4}-(0[1-9]|1[0-2])$"
        for record in self:
            if not re.match(period_re, record.period_from or "") or \
                    (record.period_to and not re.match(period_re, record.period_to)):
                raise ValidationError(_("A period is written as YYYY-MM, e.g. 2026-03."))
            if not 1 <= record.day <= 28:
                raise ValidationError(_("The due day must be between 1 and 28."))
            if record.period_to and record.period_to < record.period_from:
                raise ValidationError(_("A due-day record ends before it starts."))
            if record.building_id and record.account_id:
                raise ValidationError(_("A due-day record is for a building or for an account, not both."))
            specific = record.building_id or record.account_id
            if not specific:
                if record.period_to:
                    raise ValidationError(_("A law record has no end period: the next law record ends it."))
                if self.search_count([("id", "!=", record.id), ("period_from", "=", record.period_from),
                                      ("building_id", "=", False), ("account_id", "=", False)]):
                    raise ValidationError(_("There is already a rule from this period."))
                continue
            if record.contract_day_allowed:
                raise ValidationError(_("«A contract may set another day» is set on law records only."))
            for period in filter(None, (record.period_from, record.period_to)):
                law = self.search([("period_from", "<=", period), ("building_id", "=", False),
                                   ("account_id", "=", False)], order="period_from desc", limit=1)
                if not law.contract_day_allowed:
                    raise ValidationError(_("For period %s the law sets the due day (%s): a contract cannot set "
                                            "another one (ЖК РФ ст.155 ч.1).") % (period, law.source or "—"))
            domain = [("id", "!=", record.id), ("building_id", "=", record.building_id.id),
                      ("account_id", "=", record.account_id.id),
                      ("period_from", "<=", record.period_to or "9999-12"),
                      "|", ("period_to", "=", False), ("period_to", ">=", record.period_from)]
            if self.search_count(domain):
                raise ValidationError(_("Two due-day records of %s cover the same periods.") % specific.display_name)

