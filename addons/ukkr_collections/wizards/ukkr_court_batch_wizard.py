from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.ukkr_job import report_progress


class UkkrCourtBatchWizard(models.TransientModel):
    """Applications for court orders for many cases at once (measure 18: at least 10 a month).

    The cases come from the selected debtor cases, or from the «sue before it expires» queue
    (``ukkr.court.case.court_queue``): debt above a minimum, tranches expiring within N months first.
    """
    _name = "ukkr.court.batch.wizard"
    _description = "Court order applications for selected cases"

    min_debt = fields.Float("Debt above, RUB", digits=(14, 2), default=1000.0)
    months = fields.Integer("Limitation expires within, months", default=6)
    only_expiring = fields.Boolean("Only those expiring within that time")
    limit = fields.Integer("How many", default=10)
    case_ids = fields.Many2many("ukkr.debtor.case", string="Cases")
    date = fields.Date("Prepared on", required=True, default=lambda self: fields.Date.context_today(self))

    @api.model
    def default_get(self, field_names):
        values = super().default_get(field_names)
        if self.env.context.get("active_model") == "ukkr.debtor.case" and self.env.context.get("active_ids"):
            values["case_ids"] = [(6, 0, self.env.context["active_ids"])]
        else:
            values["case_ids"] = [(6, 0, self._queue_ids(values.get("min_debt", 1000.0), values.get("months", 6),
                                                         values.get("only_expiring"), values.get("limit", 10)))]
        return values

    @api.model
    def _queue_ids(self, min_debt, months, only_expiring, limit):
        return [row[0] for row in self.env["ukkr.court.case"].court_queue(min_debt, months, only_expiring,
                                                                           limit or None)]

    @api.onchange("min_debt", "months", "only_expiring", "limit")
    def _onchange_queue(self):
        if self.env.context.get("active_model") == "ukkr.debtor.case":
            return
        if self.min_debt < 0 or self.months < 0 or self.limit < 0:
            return {"warning": {"title": _("Wrong filter"),
                                "message": _("The debt, the months and the number cannot be negative.")}}
        self.case_ids = [(6, 0, self._queue_ids(self.min_debt, self.months, self.only_expiring, self.limit))]

    @api.multi
    def action_generate(self):
        """One court-order case per debtor case (state prepared), with its tranches, route, duty and DOCX; a
        background job above the sync limit of cases (``ukkr.job``), at once below it."""
        self.ensure_one()
        cases = self._check_generate()
        return self.env["ukkr.job"]._launch("court_batch", self, "_run_generate", len(cases),
                                            _("Court order applications for %d cases") % len(cases))

    def _check_generate(self):
        cases = self.case_ids.filtered(lambda c: c.state == "open")
        if not cases:
            raise UserError(_("Select at least one open debtor case."))
        if self.date > fields.Date.context_today(self):
            raise UserError(_("Applications cannot be prepared on a future date."))
        return cases

    def _run_generate(self):
        self.ensure_one()
        cases = self._check_generate()
        batch = _("Batch of %s by %s") % (fields.Datetime.context_timestamp(self, fields.Datetime.from_string(
            fields.Datetime.now())).strftime("%d.%m.%Y %H:%M"), self.env.user.name)
        Court = self.env["ukkr.court.case"]
        created = Court
        skipped = []
        for done, case in enumerate(cases):
            report_progress(self.env, done, len(cases), _("Applications") if not done else None)
            court = Court.create({"account_id": case.account_id.id, "case_id": case.id, "kind": "court_order",
                                  "date": self.date, "batch_ref": batch})
            court.action_load_tranches(self.date)
            if not court.line_ids:
                court.unlink()
                skipped.append(_("%s: no overdue tranche left to claim") % case.account_id.name)
                continue
            try:
                with self.env.cr.savepoint():
                    court.action_compute()
            except UserError as error:   # e.g. above the court-order limit: a claim is needed, done by hand
                court.unlink()
                skipped.append("%s: %s" % (case.account_id.name, error.name))
                continue
            court.action_generate_application()
            created |= court
        report_progress(self.env, len(cases), len(cases))
        if not created:
            raise UserError(_("No application was prepared:\n%s") % "\n".join(skipped))
        if skipped:
            created[:1].message_post(body=_("Skipped in this batch: %s") % "; ".join(skipped))
        return {"type": "ir.actions.act_window", "name": _("Court order applications"),
                "res_model": "ukkr.court.case", "view_mode": "tree,form", "domain": [("id", "in", created.ids)],
                "target": "current"}


class UkkrCourtFileWizard(models.TransientModel):
    """«Подать»: the selected prepared court cases are filed on one date."""
    _name = "ukkr.court.file.wizard"
    _description = "File the selected court cases"

    court_case_ids = fields.Many2many("ukkr.court.case", string="Court cases",
                                      default=lambda self: self.env.context.get("active_ids"))
    date_filed = fields.Date("Filed on", required=True, default=lambda self: fields.Date.context_today(self))

    @api.multi
    def action_file(self):
        self.ensure_one()
        cases = self.court_case_ids.filtered(lambda c: c.state == "prepared")
        if not cases:
            raise UserError(_("Select at least one prepared court case."))
        cases.action_file(self.date_filed)
        return {"type": "ir.actions.act_window", "name": _("Filed court cases"), "res_model": "ukkr.court.case",
                "view_mode": "tree,form", "domain": [("id", "in", cases.ids)], "target": "current"}
