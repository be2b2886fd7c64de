from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.ukkr_social_safeguard import LEGAL_GROUPS


class UkkrLimitationCandidateLine(models.TransientModel):
    _inherit = "ukkr.limitation.candidate.line"

    social_marker = fields.Char("Social marker", compute="_compute_social_safeguard", groups=LEGAL_GROUPS)
    consultation_status = fields.Char("Consultation", compute="_compute_social_safeguard")

    def _compute_social_safeguard(self):
        texts = self.env["ukkr.payer.marker"].sudo()._status_texts(
            self.mapped("account_id").ids, fields.Date.context_today(self), "limitation")
        for line in self:
            _status, text, kinds = texts.get(line.account_id.id, ("not_needed", "", ""))
            line.consultation_status = text
            line.social_marker = kinds

    @api.multi
    def _create_limitations(self, channel, send_now):
        """A candidate whose debtor needs a consultation first is refused, with its account named."""
        statuses = self.env["ukkr.payer.marker"].sudo()._status(self.mapped("account_id").ids,
                                                                fields.Date.context_today(self), "limitation")
        waiting = self.filtered(lambda line: statuses.get(line.account_id.id, ("not_needed",))[0] == "needed")
        if waiting:
            raise UserError(_("Offer a consultation first (measure 9: subsidy, cheaper housing, installments) to the "
                              "debtors of accounts %s, or unselect them.")
                            % ", ".join(waiting.mapped("account_id.name")))
        return super()._create_limitations(channel, send_now)


class UkkrLimitationCandidateWizard(models.TransientModel):
    _inherit = "ukkr.limitation.candidate.wizard"

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        lines = values.get("line_ids") or []
        accounts = [line[2]["account_id"] for line in lines if len(line) == 3 and isinstance(line[2], dict)]
        if accounts:
            statuses = self.env["ukkr.payer.marker"].sudo()._status(accounts, fields.Date.context_today(self),
                                                                    "limitation")
            for line in lines:
                if len(line) == 3 and isinstance(line[2], dict) and \
                        statuses.get(line[2]["account_id"], ("not_needed",))[0] == "needed":
                    line[2]["selected"] = False   # a consultation comes first
        return values
