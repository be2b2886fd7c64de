import base64

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from . import report_calc, xlsx_writer
from odoo.addons.ukkr_debt_plan.models.groups import CONTROL, EXECUTOR, LAWYER, MANAGER, OPERATOR

REPORT_GROUPS = (OPERATOR, LAWYER, MANAGER, EXECUTOR, CONTROL)
# settings (ir.config_parameter), edited in Settings → УККР: отчёты
PARAM_RECIPIENTS = "ukkr_reports.monthly_recipients"
PARAM_AUTO_SEND = "ukkr_reports.monthly_auto_send"
PARAM_SIGNATORY_POSITION = "ukkr_reports.signatory_position"
PARAM_SIGNATORY_NAME = "ukkr_reports.signatory_name"
PARAM_NOTICE_MIN_APARTMENTS = "ukkr_reports.notice_min_apartments"
DEFAULT_NOTICE_MIN_APARTMENTS = 8
DEFAULT_SIGNATORY_POSITION = "Директор МУП «УККР»"


class UkkrReportMixin(models.AbstractModel):
    """What the administration's reports share: who may run them, the settings, the closed month they read.

    The reports aggregate frozen snapshots with SQL (or sudo()): administration users get the figures without
    reading the personal accounts of non-municipal payers themselves. So each report checks its caller's groups
    here instead of relying on the models' access rights.
    """
    _name = "ukkr.report.mixin"
    _description = "Administration report helpers"

    @api.model
    def _check_report_access(self):
        if self.env.uid == 1 or any(self.env.user.has_group(group) for group in REPORT_GROUPS):
            return True
        raise AccessError(_("Only users of УККР and of the district administration run these reports."))

    @api.model
    def render_xlsx_base64(self, first, second=None):
        """``render_xlsx(period)`` — or ``(date_from, date_to)`` — as a base64 string, for XML-RPC / JSON-RPC
        clients (they carry no bytes)."""
        args = (first,) if second is None else (first, second)
        return base64.b64encode(self.render_xlsx(*args)).decode("ascii")

    @api.model
    def _param(self, key, default=None):
        return self.env["ir.config_parameter"].sudo().get_param(key, default)

    @api.model
    def _organisation(self):
        return self.env.user.company_id.sudo().name or ""

    @api.model
    def _signatory(self):
        return (self._param(PARAM_SIGNATORY_POSITION) or DEFAULT_SIGNATORY_POSITION,
                self._param(PARAM_SIGNATORY_NAME) or "")

    @api.model
    def _notice_min_apartments(self):
        try:
            return max(int(self._param(PARAM_NOTICE_MIN_APARTMENTS, DEFAULT_NOTICE_MIN_APARTMENTS)), 1)
        except (TypeError, ValueError):
            return DEFAULT_NOTICE_MIN_APARTMENTS

    @api.model
    def _today(self):
        return fields.Date.from_string(fields.Date.context_today(self))

    @api.model
    def _check_period(self, period):
        period = (period or "").strip() if isinstance(period, str) else period
        if not isinstance(period, str) or not report_calc.is_period(period):
            raise UserError(_("«%s» is not a period: write YYYY-MM, e.g. 2026-10.") % (period,))
        return period

    @api.model
    def _closed_month(self, period):
        """The close of a closed month, or a clear error: reports are made of frozen snapshots only."""
        period = self._check_period(period)
        close = self.env["ukkr.monthly.close"].sudo().search([("period", "=", period), ("state", "=", "closed")])
        if not close:
            raise UserError(_("Month %s is not closed: the reports are made from the frozen figures of a closed "
                              "month. Close it first (Debt → Accounts → Close a month).") % period)
        return close

    @api.model
    def _render_closed_month(self, period):
        """xlsx bytes of a report over one closed month: access checked, the month closed, ``_write_workbook``."""
        self._check_report_access()
        close = self._closed_month(period)
        return xlsx_writer.render(lambda workbook: self._write_workbook(workbook, close.period))

    @api.model
    def _latest_closed_period(self):
        close = self.env["ukkr.monthly.close"].sudo().search([("state", "=", "closed")], order="period desc",
                                                             limit=1)
        return close.period or False
