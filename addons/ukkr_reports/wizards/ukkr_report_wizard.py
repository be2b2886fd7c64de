import base64

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ukkr_collections.models.ukkr_job import FILE_ANSWER

REPORTS = {"monthly": "ukkr_reports.report_monthly_xlsx", "municipal": "ukkr_reports.report_municipal_xlsx",
           "plan_execution": "ukkr_reports.report_plan_execution_xlsx",
           "write_off": "ukkr_reports.report_write_off_xlsx"}


class UkkrReportWizard(models.TransientModel):
    """Download one of the administration's xlsx reports: the monthly report, the municipal housing inventory
    (both for a closed month) or the plan execution report (for a date range)."""
    _name = "ukkr.report.wizard"
    _description = "Administration reports"

    report = fields.Selection([("monthly", "Monthly report to the administration (measures 5, 21, 26)"),
                               ("municipal", "Municipal housing inventory (measure 2)"),
                               ("plan_execution", "Plan execution"),
                               ("write_off", "Quarterly write-off report (measure 28)")], "Report", required=True,
                              default="monthly")
    period = fields.Selection("_closed_periods", "Closed month", default=lambda self: self._default_period())
    date_from = fields.Date("From", default=lambda self: "%s-01-01" % fields.Date.context_today(self)[:4])
    date_to = fields.Date("To", default=lambda self: fields.Date.context_today(self))
    year = fields.Integer("Year", default=lambda self: int(fields.Date.context_today(self)[:4]))
    quarter = fields.Selection([("1", "I"), ("2", "II"), ("3", "III"), ("4", "IV")], "Quarter",
                               default=lambda self: str((int(fields.Date.context_today(self)[5:7]) - 1) // 3 + 1))

    @api.model
    def _closed_periods(self):
        closes = self.env["ukkr.monthly.close"].sudo().search([("state", "=", "closed")], order="period desc")
        return [(c.period, c.period) for c in closes]

    @api.model
    def _default_period(self):
        return self.env["ukkr.report.mixin"]._latest_closed_period()

    @api.multi
    def action_print(self):
        self.ensure_one()
        self._check_print()
        return self.env.ref(REPORTS[self.report]).report_action(self, config=False)

    @api.multi
    def action_generate(self):
        """The same xlsx made as a job (``ukkr.job``): in the background above the sync limit of accounts (the user
        follows it and downloads the file from the job), at once below it (the download starts)."""
        self.ensure_one()
        self._check_print()
        self.env.cr.execute("SELECT count(*) FROM ukkr_personal_account")
        accounts = self.env.cr.fetchone()[0]
        label = dict(self._fields["report"]._description_selection(self.env))[self.report]
        return self.env["ukkr.job"]._launch("report", self, "_run_generate", accounts, _("Report: %s") % label)

    def _run_generate(self):
        self.ensure_one()
        self._check_print()
        if self.report in ("monthly", "municipal"):
            model = {"monthly": "ukkr.monthly.report", "municipal": "ukkr.municipal.report"}[self.report]
            content, suffix = self.env[model].render_xlsx(self.period), self.period
        elif self.report == "plan_execution":
            content = self.env["ukkr.plan.execution.report"].render_xlsx(self.date_from, self.date_to)
            suffix = "%s_%s" % (self.date_from, self.date_to)
        else:
            raise UserError(_("This report is downloaded at once: press «Download xlsx»."))
        return {"type": FILE_ANSWER, "name": "%s_%s.xlsx" % (self.report, suffix),
                "datas": base64.b64encode(content)}

    def _check_print(self):
        self.env["ukkr.report.mixin"]._check_report_access()
        if self.report in ("monthly", "municipal"):
            if not self.period:
                raise UserError(_("Choose a closed month: no month is closed yet."))
            self.env["ukkr.report.mixin"]._closed_month(self.period)
            if self.report == "monthly":
                # the months must be closed in order: say so now, not as an error of the download
                self.env["ukkr.monthly.report"]._closed_run(self.period)
        elif self.report == "write_off":
            self.env["ukkr.write.off.report"].rows(self.year, self.quarter)
        else:
            self.env["ukkr.plan.execution.report"]._range(self.date_from, self.date_to)
