from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.ukkr_job import report_progress
from ..models.ukkr_notice import NOTICE_CHANNELS, NOTICE_KINDS


class UkkrNoticeBatchWizard(models.TransientModel):
    """Notices for many cases at once (a filtered list of cases → one notice each)."""
    _name = "ukkr.notice.batch.wizard"
    _description = "Create notices for selected cases"

    case_ids = fields.Many2many("ukkr.debtor.case", string="Cases",
                                default=lambda self: self.env.context.get("active_ids"))
    kind = fields.Selection(NOTICE_KINDS, "Content", required=True, default="warning")
    channel = fields.Selection(NOTICE_CHANNELS, "Delivered by", required=True, default="registered_letter")
    send_now = fields.Boolean("Mark as sent today", default=True,
                              help="Paper and cabinet notices are marked sent at once; SMS and e-mail are queued.")

    @api.multi
    def action_create(self):
        """A background job above the sync limit of cases (``ukkr.job``), at once below it."""
        self.ensure_one()
        cases = self.case_ids.filtered(lambda c: c.state == "open")
        if not cases:
            raise UserError(_("Select at least one open debtor case."))
        return self.env["ukkr.job"]._launch("notice_batch", self, "_run_create", len(cases),
                                            _("Notices for %d cases") % len(cases))

    def _run_create(self):
        self.ensure_one()
        cases = self.case_ids.filtered(lambda c: c.state == "open")
        if not cases:
            raise UserError(_("Select at least one open debtor case."))
        today = fields.Date.context_today(self)
        self.env.cr.execute("""SELECT case_id FROM ukkr_notice WHERE case_id IN %s AND kind = %s AND channel = %s
                               AND date = %s AND state != 'cancelled'""",
                            (tuple(cases.ids), self.kind, self.channel, today))
        already = {row[0] for row in self.env.cr.fetchall()}
        batch = _("Batch of %s by %s") % (fields.Datetime.context_timestamp(self, fields.Datetime.from_string(
            fields.Datetime.now())).strftime("%d.%m.%Y %H:%M"), self.env.user.name)
        Notice = self.env["ukkr.notice"]
        reachable = {"sms": lambda a: a.phone and not a.sms_opt_out,
                     "email": lambda a: (a.email or a.partner_id.email) and not a.email_opt_out}.get(self.channel)
        todo = cases.filtered(lambda c: c.id not in already)
        for done, case in enumerate(todo):
            report_progress(self.env, done, len(todo), _("Notices") if not done else None)
            if reachable and not reachable(case.account_id.sudo()):
                continue  # no phone / e-mail, or the payer refused the channel
            debt = Notice._debt_values(case.account_id)
            if debt["debt_amount"] <= 0:
                continue  # paid since the close: nothing to notify about (the daily job closes the case)
            Notice |= Notice._workflow_create(dict(case_id=case.id, account_id=case.account_id.id, kind=self.kind,
                                                   channel=self.channel, date=today, batch_ref=batch))
        report_progress(self.env, len(todo), len(todo))
        if self.send_now and Notice:
            Notice.action_send()
        return {"type": "ir.actions.act_window", "name": _("Notices created"), "res_model": "ukkr.notice",
                "view_mode": "tree,form", "domain": [("id", "in", Notice.ids)], "target": "current"}
