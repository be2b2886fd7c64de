from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..models.ukkr_notice import NOTICE_CHANNELS
from odoo.addons.ukkr_debt_plan.models.groups import LAWYER, OPERATOR

UKKR_GROUPS = (OPERATOR, LAWYER)


class UkkrLimitationCandidateWizard(models.TransientModel):
    """The (account, service) pairs that may be limited today, over all accounts (one set-based query), from
    which the operator creates limitation records with their ПП 354 warnings in one go."""
    _name = "ukkr.limitation.candidate.wizard"
    _description = "Service limitation candidates"

    line_ids = fields.One2many("ukkr.limitation.candidate.line", "wizard_id", "Candidates")
    channel = fields.Selection(NOTICE_CHANNELS, "Warning delivered by", required=True, default="registered_letter")
    send_now = fields.Boolean("Mark the warnings as sent today", default=True)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if "line_ids" in fields_list:
            values["line_ids"] = [(0, 0, {"account_id": account, "service_id": service, "service_debt": debt,
                                          "norm_charge": norm, "reason": reason, "selected": True})
                                  for account, service, debt, norm, reason
                                  in self.env["ukkr.service.limitation"]._candidates()]
        return values

    @api.multi
    def action_create(self):
        self.ensure_one()
        lines = self.line_ids.filtered("selected")
        return lines._create_limitations(self.channel, self.send_now)


class UkkrLimitationCandidateLine(models.TransientModel):
    _name = "ukkr.limitation.candidate.line"
    _description = "Service limitation candidate"

    wizard_id = fields.Many2one("ukkr.limitation.candidate.wizard", ondelete="cascade")
    selected = fields.Boolean("Create", default=True)
    account_id = fields.Many2one("ukkr.personal.account", "Personal account", required=True)
    service_id = fields.Many2one("ukkr.service", "Service", required=True)
    service_debt = fields.Float("Debt for the service, RUB", digits=(14, 2))
    norm_charge = fields.Float("Monthly charge at the norm, RUB", digits=(12, 2))
    reason = fields.Text("Check result")

    @api.multi
    def action_create_one(self):
        """The button on a line: this candidate only."""
        wizard = self[:1].wizard_id
        return self._create_limitations(wizard.channel or "registered_letter", wizard.send_now)

    @api.multi
    def _create_limitations(self, channel, send_now):
        """Limitation records (the check is made again at creation) and ПП 354 warnings for these lines."""
        if self.env.uid != 1 and not any(self.env.user.has_group(group) for group in UKKR_GROUPS):
            raise AccessError(_("Only УККР staff create service limitations."))
        lines = self
        if not lines:
            raise UserError(_("Select at least one candidate."))
        Limitation = self.env["ukkr.service.limitation"]
        records = Limitation.browse()
        for line in lines:
            check = Limitation._check_values(line.account_id.id, line.service_id.id)
            if check["eligible"]:   # paid or an agreement since the list was made: nothing to create
                records |= Limitation.create({"account_id": line.account_id.id, "service_id": line.service_id.id})
        records.action_create_warning()
        notices = records.mapped("notice_id")
        notices.write({"channel": channel})
        if send_now and notices:
            notices.action_send()
        return {"type": "ir.actions.act_window", "name": _("Service limitations"),
                "res_model": "ukkr.service.limitation", "view_mode": "tree,form",
                "domain": [("id", "in", records.ids)], "target": "current"}

