"""Quarterly write-off report (measure 28): the agreements' test district, 9900000001's 2023-09 tranche of 5 000 RUB
written off on 26.11.2026 (time-barred, see ukkr_collections' test_write_off) → one row in Q4 2026, none in Q3."""
import io

from openpyxl import load_workbook

from odoo.exceptions import AccessError, UserError

from odoo.addons.ukkr_collections.tests.agreement_common import AgreementCase
from odoo.addons.ukkr_debt_plan.tests.common import today_is


class TestWriteOffReport(AgreementCase):

    def test_quarter(self):
        with today_is("2026-11-26"):
            self.env["ukkr.monthly.close"].sudo(self.manager).close_period("2026-10")
            write_off = self.env["ukkr.write.off"].sudo(self.lawyer).create_candidates().filtered(
                lambda w: w.account_id == self.account["1"])
            write_off.action_propose()
            write_off.sudo(self.manager).action_approve()
            write_off._post()
        Report = self.env["ukkr.write.off.report"]
        content = Report.render_xlsx(2026, 4)
        sheet = load_workbook(io.BytesIO(content))["Списание"]
        rows = [[c.value for c in row] for row in sheet.iter_rows()]
        head = next(i for i, row in enumerate(rows) if row[0] == "№ п/п")
        self.assertEqual(rows[head + 1][3], "9900000001")
        self.assertFalse(rows[head + 1][4], "not municipal housing: no name (152-ФЗ)")
        self.assertEqual((rows[head + 1][6], rows[head + 1][7]), ("2023-09", 5000))
        self.assertEqual(rows[head + 2][0], "Итого: 1")
        self.assertFalse(Report.rows(2026, 3))
        with self.assertRaises(UserError):
            Report.rows(2026, 5)
        outsider = self.env["res.users"].with_context(no_reset_password=True).create(
            {"name": "Посторонний", "login": "t_wo_outsider", "lang": False,
             "groups_id": [(6, 0, [self.env.ref("base.group_user").id])]})
        with self.assertRaises(AccessError):
            Report.sudo(outsider).rows(2026, 4)
