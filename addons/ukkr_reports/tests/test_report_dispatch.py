"""After the monthly close: the report is attached to the plan's measure-5 execution of the month, submitted
through the plan's own transition and e-mailed; a failing report never undoes the close."""
import base64
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .common import ReportCase, debt_table

RECIPIENTS = "ukkr_reports.monthly_recipients"


class TestReportDispatch(ReportCase):

    def setUp(self):
        super().setUp()
        self.env["ir.config_parameter"].set_param(RECIPIENTS, "econom@admse.ru, deputy@admse.ru")
        self.Dispatch = self.env["ukkr.report.dispatch"]

    def execution(self, period):
        return self.env["ukkr.plan.execution"].search([("measure_number", "=", 5), ("kind", "=", "period"),
                                                       ("period_start", "=", period + "-01")])

    def test_close_attaches_submits_and_mails(self):
        self.close("2025-11")
        self.close("2025-12")
        dispatch = self.Dispatch.search([("period", "=", "2025-12")])
        self.assertEqual(len(dispatch), 1)
        self.assertEqual(dispatch.state, "done")
        execution = self.execution("2025-12")
        self.assertEqual((dispatch.execution_id, execution.state, execution.submitted_late),
                         (execution, "submitted", True))  # due 01.01.2026, closed on 05.03.2026
        self.assertIn(dispatch.attachment_id, execution.attachment_ids)
        content = base64.b64decode(dispatch.attachment_id.datas)
        self.assertEqual(debt_table(content)["Итого"][3], 56100)
        mail = dispatch.mail_id
        self.assertEqual(mail.email_to, "econom@admse.ru, deputy@admse.ru")
        self.assertEqual(mail.attachment_ids, dispatch.attachment_id)
        self.assertIn("декабрь 2025", mail.subject)
        # closed again after a reopen: the execution was submitted already, the new file goes to its history
        close = self.env["ukkr.monthly.close"].search([("period", "=", "2025-12")])
        close.sudo(self.manager).action_reopen()
        self.close("2025-12")
        again = self.Dispatch.search([("period", "=", "2025-12")], order="id desc", limit=1)
        self.assertNotEqual(again, dispatch)
        self.assertEqual((again.state, again.execution_id.state), ("done", "submitted"))
        self.assertIn(again.attachment_id, execution.message_ids.mapped("attachment_ids"))

    def test_failing_report_keeps_the_close_and_the_scheduled_action_retries(self):
        self.close("2025-11")
        Report = type(self.env["ukkr.monthly.report"])
        with patch.object(Report, "render_xlsx", side_effect=UserError("Отчёт не сформирован (проверка)")):
            december = self.close("2025-12")
        self.assertEqual(december.state, "closed", "a failing report never undoes the close")
        failed = self.Dispatch.search([("period", "=", "2025-12")])
        self.assertEqual(failed.state, "failed")
        self.assertIn("проверка", failed.note)
        self.assertFalse(self.execution("2025-12").attachment_ids)
        with today_is("2026-03-06"):
            done = self.env["ukkr.monthly.report"]._cron_dispatch()
            self.assertEqual((done.period, done.state), ("2025-12", "done"))
            self.assertFalse(self.env["ukkr.monthly.report"]._cron_dispatch(), "sent once")

    def test_automatic_sending_can_be_switched_off(self):
        self.env["ir.config_parameter"].set_param("ukkr_reports.monthly_auto_send", "0")
        self.close("2025-11")
        self.assertFalse(self.Dispatch.search([]))
        self.assertFalse(self.env["ukkr.monthly.report"]._cron_dispatch())
        # the manager may still send it by hand
        sent = self.env["ukkr.monthly.report"].sudo(self.manager).dispatch("2025-11")
        self.assertEqual(sent.state, "done")
        with self.assertRaises(AccessError):
            self.env["ukkr.monthly.report"].sudo(self.executor).dispatch("2025-11")

    def test_settings_are_checked(self):
        from odoo.exceptions import ValidationError
        Settings = self.env["res.config.settings"]
        settings = Settings.create({"ukkr_report_recipients": "econom@admse.ru; deputy@admse.ru",
                                    "ukkr_notice_min_apartments": 12,
                                    "ukkr_report_signatory_name": "А. В. Смирнов"})
        settings.execute()
        get = self.env["ir.config_parameter"].get_param
        self.assertEqual((get(RECIPIENTS), get("ukkr_reports.notice_min_apartments")),
                         ("econom@admse.ru, deputy@admse.ru", "12"))
        self.assertEqual(self.Report._signatory(), ("Директор МУП «УККР»", "А. В. Смирнов"))
        for bad in ({"ukkr_report_recipients": "администрация"}, {"ukkr_notice_min_apartments": 0}):
            with self.assertRaises(ValidationError):
                Settings.create(bad).execute()
        self.assertEqual(get(RECIPIENTS), "econom@admse.ru, deputy@admse.ru", "unchanged")
