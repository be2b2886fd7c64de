from odoo import api, fields, models


class UkkrCaseAction(models.AbstractModel):
    """What every action of a debtor's case carries: the account, the case, the date and who acted.

    Inherits ``ukkr.measure.action``, so the plan counts it. ``_case_deadline()`` may return ``(date, text)``: the next
    statutory or agreed deadline this action sets for its case (the case shows the earliest open one).
    """
    _name = "ukkr.case.action"
    _inherit = ["ukkr.measure.action"]
    _description = "Debtor case action"

    account_id = fields.Many2one("ukkr.personal.account", "Personal account", required=True, ondelete="restrict",
                                 index=True)
    case_id = fields.Many2one("ukkr.debtor.case", "Debtor case", ondelete="restrict", index=True,
                              domain="[('account_id', '=', account_id)]")
    date = fields.Date("Date", required=True, default=lambda self: fields.Date.context_today(self),
                       index=True)
    user_id = fields.Many2one("res.users", "Done by", default=lambda self: self.env.user, index=True)

    @api.onchange("case_id")
    def _onchange_case_id(self):
        if self.case_id:
            self.account_id = self.case_id.account_id

    @api.model
    def _fill_case(self, vals):
        """An action on an account with an open case joins that case; the case's account is the action's."""
        if vals.get("case_id") and not vals.get("account_id"):
            vals["account_id"] = self.env["ukkr.debtor.case"].browse(vals["case_id"]).account_id.id
        elif vals.get("account_id") and not vals.get("case_id"):
            case = self.env["ukkr.debtor.case"].search([("account_id", "=", vals["account_id"]),
                                                        ("state", "=", "open")], limit=1)
            vals["case_id"] = case.id or False
        return vals

    @api.model
    def create(self, vals):
        record = super().create(self._fill_case(vals))
        record.case_id._update_next_deadline()
        return record

    @api.multi
    def write(self, vals):
        cases = self.mapped("case_id")
        result = super().write(vals)
        (cases | self.mapped("case_id"))._update_next_deadline()
        return result

    @api.multi
    def unlink(self):
        cases = self.mapped("case_id")
        result = super().unlink()
        cases.exists()._update_next_deadline()
        return result

    def _post_note(self, body):
        """Chatter note on the action by the acting user (posted as superuser: the user may only read it)."""
        user = self.env.user
        self.sudo().message_post(body=body, author_id=user.partner_id.id, subtype="mail.mt_note",
                                 email_from=user.partner_id.email or user.company_id.email or "noreply@localhost")

    def _case_deadline(self):
        """``(date, text)`` of the deadline this action sets, or None."""
        return None

    @api.multi
    def name_get(self):
        """An action without a name of its own (a visit, a consultation, a travel-ban request) reads as
        «Обход · 9900000002 · 10.11.2026» — never «ukkr.visit,33»."""
        if self._rec_name and self._rec_name in self._fields:
            return super().name_get()
        kind = self.env["ir.model"]._get(self._name).name
        return [(rec.id, "%s · %s · %s" % (kind, rec.account_id.name or "", fields.Date.from_string(rec.date)
                                          .strftime("%d.%m.%Y") if rec.date else "")) for rec in self]

    def _selection_labels(self, field):
        """{value: label} of a selection field in the reader's language — the user's when the context names none
        (a stored name built from the raw selection would keep the English source)."""
        lang = self.env.context.get("lang") or self.env.user.lang or "ru_RU"
        return dict(self._fields[field]._description_selection(self.with_context(lang=lang).env))
