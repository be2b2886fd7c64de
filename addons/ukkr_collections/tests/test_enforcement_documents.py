"""Enforcement documents (measures 22, 25, 26): the application to the bailiffs (229-ФЗ ст.30) carries the petition
for a temporary travel ban when the debt reaches the dated threshold (ст.67: 30 000 from 01.10.2017), and the
application to the debtor's bank (ст.8) the claimant's bank details.

Петрова (9900000002, born 01.07.1980, СНИЛС 123-456-789 64): a court order for 35 000 handed to the bailiffs on
01.06.2026 → 35 000 ≥ 30 000: the petition is in the application and recorded as measure 22; one for 8 000 → none.
"""
from odoo.exceptions import AccessError, UserError

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .agreement_common import AgreementCase


class TestEnforcementDocuments(AgreementCase):

    def setUp(self):
        super().setUp()
        bank = self.env["res.bank"].create({"name": "ПАО Сбербанк (Красноярское отделение № 8646)",
                                            "bic": "040407627"})
        self.env["res.partner.bank"].create({"partner_id": self.env.user.company_id.partner_id.id,
                                             "acc_number": "40702810931000000001", "bank_id": bank.id})
        self.Proceeding = self.env["ukkr.enforcement.proceeding"]

    def writ(self, amount, number, **values):
        values = dict({"account_id": self.account["2"].id, "writ_kind": "court_order", "writ_number": number,
                       "writ_date": "2026-05-20", "court_name": "Мировой судья судебного участка № 163",
                       "writ_amount": amount, "route": "bailiff",
                       "fssp_department": "ОСП по Северо-Енисейскому району"}, **values)
        with today_is("2026-11-26"):
            writ = self.Proceeding.sudo(self.lawyer).create(values)
            writ._present("2026-06-01")
        return writ

    def html(self, xml_id, records, user=None):
        report = self.env.ref("ukkr_collections." + xml_id).sudo(user or self.lawyer)
        with today_is("2026-11-26"):
            return report.render_qweb_html(records.ids)[0].decode("utf-8")

    def test_fssp_application_with_the_travel_ban_petition(self):
        large, small = self.writ(35000, "2-700/2026"), self.writ(8000, "2-701/2026")
        text = self.html("report_enforcement_fssp_application", large)
        for expected in ("В ОСП по Северо-Енисейскому району", "о возбуждении исполнительного производства",
                         "статьи 30", "ИНН 2434000014, ОГРН 1242400000006",
                         "р/с 40702810931000000001 в ПАО Сбербанк (Красноярское отделение № 8646), БИК 040407627",
                         "Петрова Анна Сергеевна", "дата рождения: 01.07.1980, место рождения: г. Красноярск",
                         "СНИЛС: 123-456-789 64", "судебному приказу № 2-700/2026 от 20.05.2026", "35 000,00",
                         "ХОДАТАЙСТВО", "временного ограничения на выезд", "30 000,00"):
            self.assertIn(expected, text)
        self.assertEqual((large.travel_ban_ids.date, large.travel_ban_ids._measure_number), ("2026-06-01", 22))
        self.assertNotIn("ХОДАТАЙСТВО", self.html("report_enforcement_fssp_application", small))
        self.assertFalse(small.travel_ban_ids)
        # the threshold is a dated record: at 40 000 the 35 000 writ carries no petition
        self.env.ref("ukkr_collections.enforcement_2017").travel_ban_threshold = 40000
        self.assertNotIn("ХОДАТАЙСТВО", self.html("report_enforcement_fssp_application", large))
        # personal data: the legal group prints it
        for user in (self.operator, self.control):
            with self.assertRaises(AccessError):
                self.html("report_enforcement_fssp_application", large, user)

    def test_bank_application(self):
        bank = self.env["res.partner"].create({"name": "ПАО «Банк-должника»", "is_company": True})
        writ = self.writ(150000, "2-702/2026", route="bank", recipient_id=bank.id, fssp_department=False)
        text = self.html("report_enforcement_bank_application", writ)
        for expected in ("В ПАО «Банк-должника»", "статьёй 8", "150 000,00", "40702810931000000001",
                         "ИНН 2434000014, ОГРН 1242400000006", "СНИЛС: 123-456-789 64"):
            self.assertIn(expected, text)
        with self.assertRaisesRegex(UserError, "does not apply|не относится"):
            self.html("report_enforcement_fssp_application", writ)          # not a writ at the bailiffs
        self.env.user.company_id.partner_id.bank_ids.unlink()
        with self.assertRaisesRegex(UserError, "bank account|расчётный счёт|банковск"):
            self.html("report_enforcement_bank_application", writ)
