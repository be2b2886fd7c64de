from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.ukkr_job import report_progress


class UkkrCourtBatchWizard(models.TransientModel):
    """Applications for court orders for many cases at once (measure 18: at least 10 a month).

    The cases come from the selected debtor cases, or from the «sue before it expires» queue
    (``ukkr.court.case.court_queue``): debt above a minimum, tranches expiring within N months first. Only cases
    ready to file (``ukkr.debtor.case.filing_readiness``) are prepared: the queue offers the first ready ones and
    lists those it held with the reasons; a selected case that is not ready is held at generation, with its reasons.
    """
    _name = "ukkr.court.batch.wizard"
    _description = "Court order applications for selected cases"

    min_debt = fields.Float("Debt above, RUB", digits=(14, 2), default=1000.0)
    months = fields.Integer("Limitation expires within, months", default=6)
    only_expiring = fields.Boolean("Only those expiring within that time")
    limit = fields.Integer("How many", default=10)
    case_ids = fields.Many2many("ukkr.debtor.case", string="Cases")
    date = fields.Date("Prepared on", required=True, default=lambda self: fields.Date.context_today(self))
    held_note = fields.Text("Held: not ready to file", readonly=True)

    @api.model
    def default_get(self, field_names):
        values = super().default_get(field_names)
        if self.env.context.get("active_model") == "ukkr.debtor.case" and self.env.context.get("active_ids"):
            values["case_ids"] = [(6, 0, self.env.context["active_ids"])]
        else:
            ready, held = self._queue_split(values.get("min_debt", 1000.0), values.get("months", 6),
                                            values.get("only_expiring"), values.get("limit", 10))
            values.update(case_ids=[(6, 0, ready)], held_note=held)
        return values

    @api.model
    def _queue_ids(self, min_debt, months, only_expiring, limit):
        return self._queue_split(min_debt, months, only_expiring, limit)[0]

    @api.model
    def _queue_split(self, min_debt, months, only_expiring, limit, chunk=20):
        """The first ``limit`` cases of the queue that are ready to file, and the text of those held before them
        with the reasons. Readiness is checked a chunk of cases at a time, in the queue's order."""
        queue = [row[0] for row in self.env["ukkr.court.case"].court_queue(min_debt, months, only_expiring, None)]
        Case = self.env["ukkr.debtor.case"]
        ready, held = [], []
        for start in range(0, len(queue), chunk):
            cases = Case.browse(queue[start:start + chunk])
            found = cases._filing_readiness_map()
            for case in cases:
                if limit and len(ready) >= limit:
                    break
                if found[case.id]:
                    held.append(self._held_line(case, found[case.id]))
                else:
                    ready.append(case.id)
            if limit and len(ready) >= limit:
                break
        return ready, "\n".join(held) or False

    @api.model
    def _held_line(self, case, problems):
        return "%s (%s): %s" % (case.account_id.sudo().name, case.name, " ".join(m for _c, m in problems))

    @api.onchange("min_debt", "months", "only_expiring", "limit")
    def _onchange_queue(self):
        if self.env.context.get("active_model") == "ukkr.debtor.case":
            return
        if self.min_debt < 0 or self.months < 0 or self.limit < 0:
            return {"warning": {"title": _("Wrong filter"),
                                "message": _("The debt, the months and the number cannot be negative.")}}
        ready, held = self._queue_split(self.min_debt, self.months, self.only_expiring, self.limit)
        self.case_ids = [(6, 0, ready)]
        self.held_note = held

    @api.multi
    def action_generate(self):
        """One court-order case per ready debtor case (state prepared), with its tranches, route, duty and DOCX; a
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
        found = cases._filing_readiness_map(self.date)
        held = cases.filtered(lambda c: found[c.id])
        cases -= held
        skipped = [self._held_line(case, found[case.id]) for case in held]
        for case, line in zip(held, skipped):
            case.message_post(body=_("Held from the batch of court order applications: %s") % line,
                              subtype="mail.mt_note")
        if not cases:
            raise UserError(_("No case is ready to file; nothing was prepared:\n%s") % "\n".join(skipped))
        batch = _("Batch of %s by %s") % (fields.Datetime.context_timestamp(self, fields.Datetime.from_string(
            fields.Datetime.now())).strftime("%d.%m.%Y %H:%M"), self.env.user.name)
        Court = self.env["ukkr.court.case"]
        created = Court
        for done, case in enumerate(cases):
            report_progress(self.env, done, len(cases), _("Applications") if not done else None)
            court = Court._workflow_create({"account_id": case.account_id.id, "case_id": case.id,
                                            "kind": "court_order", "date": self.date, "batch_ref": batch})
            court._load_tranches(self.date)
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
    """«Подать»: the selected prepared court cases that are ready are filed on one date; the others are held, each
    with a note of why (``ukkr.court.case.filing_readiness``)."""
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
        found = cases._filing_readiness_map(self.date_filed)
        held = cases.filtered(lambda c: found.get(c.id))
        if held:
            lines = ["%s: %s" % (case.name, " ".join(m for _c, m in found[case.id])) for case in held]
            if held == cases:
                raise UserError(_("No selected case is ready to file; nothing was filed:\n%s") % "\n".join(lines))
            for case, line in zip(held, lines):
                case.message_post(body=_("Held, not filed on %s: %s") % (
                    fields.Date.from_string(self.date_filed).strftime("%d.%m.%Y"), line))
        cases -= held
        cases._file(self.date_filed)
        return {"type": "ir.actions.act_window", "name": _("Filed court cases"), "res_model": "ukkr.court.case",
                "view_mode": "tree,form", "domain": [("id", "in", cases.ids)], "target": "current"}


class UkkrCourtRegisterWizard(models.TransientModel):
    """«Реестры для судов»: the selected prepared applications as one register per court, with its cover letter and
    ZIP (ukkr.court.register.make_registers)."""
    _name = "ukkr.court.register.wizard"
    _description = "Registers of applications per court"

    court_case_ids = fields.Many2many("ukkr.court.case", string="Court cases",
                                      default=lambda self: self.env.context.get("active_ids"))
    date = fields.Date("Register date", required=True, default=lambda self: fields.Date.context_today(self))

    @api.multi
    def action_create(self):
        self.ensure_one()
        registers = self.env["ukkr.court.register"]._make_registers(self.court_case_ids, self.date)
        return {"type": "ir.actions.act_window", "name": _("Registers for the courts"),
                "res_model": "ukkr.court.register", "view_mode": "tree,form",
                "domain": [("id", "in", registers.ids)], "target": "current"}
