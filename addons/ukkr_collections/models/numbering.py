"""Record numbers (Д-000123, СП-000045 …) from ``ir.sequence`` (data/ukkr_sequences.xml, one sequence per model,
its code the model's name): the administrator sees and may change prefix and padding under Settings → Sequences.

The numbers are written straight into the new records' ``name`` (read-only for users, and guarded by the workflow
of some models): one query for the numbers and one UPDATE, also for the hundreds of cases a monthly close opens.
"""
from psycopg2.extras import execute_values

from odoo import _, api, models
from odoo.exceptions import UserError

# the numbered models (each has a sequence whose code is the model's name)
NUMBERED = ("ukkr.debtor.case", "ukkr.write.off", "ukkr.enforcement.proceeding", "ukkr.installment.agreement",
            "ukkr.fssp.reconciliation", "ukkr.workoff.agreement")


class UkkrNumbering(models.AbstractModel):
    _name = "ukkr.numbering"
    _description = "Record numbering"

    def _sequence(self, code):
        company = self.env.user.company_id.id
        sequence = self.env["ir.sequence"].sudo().search(
            [("code", "=", code), ("company_id", "in", [company, False])], order="company_id", limit=1)
        if not sequence:
            raise UserError(_("The numbering «%s» is missing: restore it under Settings → Technical → Sequences "
                              "(or update the module).") % code)
        return sequence

    @api.model
    def _next_numbers(self, code, count):
        """The next ``count`` numbers of the sequence ``code``: one query for a standard sequence."""
        sequence = self._sequence(code)
        if sequence.implementation != "standard":
            return [sequence._next() for _i in range(count)]
        self.env.cr.execute("SELECT nextval(%s) FROM generate_series(1, %s)", ("ir_sequence_%03d" % sequence.id, count))
        return [sequence.get_next_char(number) for (number,) in self.env.cr.fetchall()]

    @api.model
    def _number(self, records):
        """Give the new ``records`` (of one numbered model) their numbers."""
        if not records:
            return
        ids = sorted(records.ids)
        numbers = self._next_numbers(records._name, len(ids))
        execute_values(self.env.cr, 'UPDATE "%s" t SET name = v.name FROM (VALUES %%s) AS v(id, name) '
                                    'WHERE t.id = v.id' % records._table, list(zip(ids, numbers)))
        records.invalidate_cache(["name"], ids)

    @api.model
    def _sync_sequences(self):
        """At every install/update: each sequence continues after the highest number its model holds (records
        numbered before the sequences existed keep their numbers: Д-000123 was record 123)."""
        for code in NUMBERED:
            sequence = self._sequence(code)
            prefix = sequence.prefix or ""
            self.env.cr.execute(
                'SELECT max(substring(name FROM %s)::bigint) FROM "{}" WHERE starts_with(name, %s) '
                'AND substring(name FROM %s) ~ \'^[0-9]+$\''.format(self.env[code]._table),
                (len(prefix) + 1, prefix, len(prefix) + 1))
            highest = self.env.cr.fetchone()[0] or 0
            if sequence.number_next_actual <= highest:
                sequence.write({"number_next": highest + 1})
