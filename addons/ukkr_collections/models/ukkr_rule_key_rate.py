from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class UkkrRuleKeyRate(models.Model):
    """The Bank of Russia key rate: in force from ``date_from`` until the next record."""
    _name = "ukkr.rule.key.rate"
    _inherit = "ukkr.rule.mixin"
    _description = "Key rate of the Bank of Russia"
    _order = "date_from desc"
    _rec_name = "date_from"

    date_from = fields.Date("In force from", required=True)
    rate = fields.Float("Rate, % per year", required=True, digits=(6, 2))

    _sql_constraints = [("date_from_uniq", "unique(date_from)", "There is already a key rate from this date.")]

    @api.constrains("rate")
    def _check_rate(self):
        for record in self:
            if not 0 < record.rate < 100:
                raise ValidationError(_("A key rate must be between 0 and 100 %."))

    # ------------------------------------------------------------------ the Bank of Russia's own file
    @api.model
    def load_bank_file(self, content, filename, dry_run=False):
        """Bring the key-rate records in line with the Bank of Russia's file of daily rates (key_rate_file): within
        the days the file covers, a day on which the rate changed is a record (created, or corrected and marked
        high confidence with the file as source), and a record on a day without a change is removed. Returns
        dict(days, first, last, created, updated, confirmed, removed: [(date, rate)], changes: [(date, rate)]).
        Nothing is written with ``dry_run``; a bad file is refused in Russian and changes nothing."""
        from . import key_rate_file
        from .rule_errors import RuleInputError
        for operation in ("create", "write", "unlink"):   # even a check is for those who keep the rules
            self.check_access_rights(operation)
        try:
            rows = key_rate_file.parse(content, filename)
        except RuleInputError as error:
            messages = {
                "key_rate_empty": _("The file holds no key rate."),
                "key_rate_bad_file": _("This is not a key-rate file of the Bank of Russia: load the XML of its "
                                       "web service (KeyRate) or the XLSX/CSV table «Дата | Ставка» of its site."),
                "key_rate_no_header": _("The table has no header row with the columns «Дата» and «Ставка»."),
                "key_rate_bad_row": _("Row %(row)s of the file has no date or no rate between 0 and 100."),
                "key_rate_duplicate": _("A day appears twice in the file."),
            }
            raise UserError(messages[error.code] % error.values)
        first, last = rows[0][0], rows[-1][0]
        before = self.search([("date_from", "<", fields.Date.to_string(first))], order="date_from desc", limit=1)
        changes = key_rate_file.changes(rows, before.rate if before else None)
        existing = {fields.Date.from_string(r.date_from): r for r in self.search(
            [("date_from", ">=", fields.Date.to_string(first)), ("date_from", "<=", fields.Date.to_string(last))])}
        source = _("Bank of Russia: key rate by day, file «%s» (%s – %s)") % (
            filename, first.strftime("%d.%m.%Y"), last.strftime("%d.%m.%Y"))
        result = {"days": len(rows), "first": first, "last": last, "created": [], "updated": [], "confirmed": [],
                  "removed": [(day, record.rate) for day, record in sorted(existing.items())
                              if day not in dict(changes)], "changes": changes}
        for day, rate in changes:
            record = existing.get(day)
            if not record:
                result["created"].append((day, rate))
            elif abs(record.rate - rate) > 1e-9:
                result["updated"].append((day, record.rate, rate))
            else:
                result["confirmed"].append((day, rate))
        if dry_run:
            return result
        for day, _rate in result["removed"]:
            existing[day].unlink()
        for day, rate in changes:
            values = {"rate": rate, "source": source, "confidence": "high",
                      "note": _("Loaded from the Bank of Russia's file.")}
            if day in existing:
                existing[day].write(values)
            else:
                self.create(dict(values, date_from=fields.Date.to_string(day)))
        return result
