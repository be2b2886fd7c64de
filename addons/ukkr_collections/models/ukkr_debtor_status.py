from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

STATUS_KINDS = [("deceased", "Deceased"), ("liquidated", "Organisation liquidated"),
                ("bankrupt", "Bankruptcy procedure")]


def _date(value):
    """A date of a raw query (Odoo 11 hands them over as text)."""
    return fields.Date.from_string(value) if isinstance(value, str) else value


class UkkrDebtorStatus(models.Model):
    """A dated fact about a payer that changes where his debt is claimed: death (the claim goes against the heirs or
    the estate, ГК 1175 — never by court order), liquidation of an organisation (ГК 419) or a bankruptcy procedure
    (from its start, claims that arose before it go to the bankruptcy case: 127-ФЗ ст.5, Пленум ВС № 62 п.12).

    One record per fact, with the document it comes from; the filing readiness check reads them.
    """
    _name = "ukkr.debtor.status"
    _description = "Debtor status (death, liquidation, bankruptcy)"
    _order = "date_from desc, id desc"
    _rec_name = "kind"

    partner_id = fields.Many2one("res.partner", "Payer", required=True, ondelete="cascade", index=True)
    kind = fields.Selection(STATUS_KINDS, "Status", required=True)
    date_from = fields.Date("Since", required=True,
                            help="Date of death, of the liquidation's entry in the register, or of the court's act "
                                 "introducing the bankruptcy procedure.")
    date_to = fields.Date("Until", help="Bankruptcy only: the day the procedure ended (empty: still going on).")
    document = fields.Char("Document", required=True,
                           help="E.g. «Свидетельство о смерти III-БА № 123456 от 01.02.2026», «Определение "
                                "Арбитражного суда Красноярского края по делу № А33-1234/2026 от …».")
    note = fields.Text("Note")

    @api.constrains("kind", "date_from", "date_to")
    def _check_dates(self):
        for status in self:
            if status.date_to and status.kind != "bankrupt":
                raise ValidationError(_("Only a bankruptcy procedure has an end date."))
            if status.date_to and status.date_to < status.date_from:
                raise ValidationError(_("The procedure ends before it starts."))
            if status.date_from > fields.Date.context_today(self):
                raise ValidationError(_("A status cannot start in the future."))

    @api.model
    def _in_force(self, partner_ids, on_date):
        """{partner_id: [(kind, date_from, date_to, document)]} of the statuses in force on ``on_date``. One query."""
        if not partner_ids:
            return {}
        self.env.cr.execute("""SELECT partner_id, kind, date_from, date_to, document FROM ukkr_debtor_status
                               WHERE partner_id = ANY(%s) AND date_from <= %s AND (date_to IS NULL OR date_to >= %s)
                               ORDER BY date_from, id""", (list(partner_ids), on_date, on_date))
        found = {}
        for partner, kind, date_from, date_to, document in self.env.cr.fetchall():
            found.setdefault(partner, []).append((kind, _date(date_from), _date(date_to), document))
        return found
