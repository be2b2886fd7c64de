"""A batch as courts take it (measure 18): ten court-order applications → one register per court, a cover letter and
one ZIP per court with every application as DOCX and PDF; the register's number and date on each case.

Ten citizens in п. Тея, ул. Новая, houses 1…10, owe 1 000 × k for 2026-05. The precinct records: the district's
default (№ 163) and, from 01.01.2026, ул. Новая houses 1-5 → № 164 (made in the test). So houses 1–5 go to № 164,
6–10 to № 163: two registers of five, numbered Р-2026-0001 (№ 163, sorted first by name) and Р-2026-0002, dated
26.11.2026. The register of № 164 lists 1 000 + … + 5 000 = 15 000 of claims (plus penalties) and 5 × 2 000 = 10 000
of duty.
"""
import base64
import io
import zipfile

from odoo.exceptions import AccessError, UserError

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .agreement_common import AgreementCase


class TestCourtRegister(AgreementCase):

    def setUp(self):
        super().setUp()
        lines_a = ["Лицевой счет;Населенный пункт;Улица;Дом;Квартира;Плательщик;Тип плательщика;"
                   "Основание проживания;Муниципальное жилье;Проживает;Площадь;Дата рождения;Место рождения;Паспорт"]
        lines_c = ["account;period;service;accrued;norm_charge"]
        for k in range(1, 11):
            lines_a.append("98000000%02d;п. Тея;ул. Новая;%d;1;Должник %d;Физическое лицо;Собственник;0;1;30;"
                           "01.01.1970;п. Тея;0412 5000%02d" % (k, k, k, k))
            lines_c.append("98000000%02d;2026-05;heating;%d;" % (k, 1000 * k))
        with today_is("2026-11-26"):
            for text, name in (("\n".join(lines_a) + "\n", "accounts.csv"), ("\n".join(lines_c) + "\n",
                                                                              "accruals.csv")):
                self.importer.import_content(text.encode("utf-8"), name)
        accounts = self.env["ukkr.personal.account"].search([("name", "like", "98000000%")], order="name")
        self.env["ukkr.rule.court.precinct"].create({
            "court": "magistrate", "settlement_id": accounts[0].settlement_id.id, "street": "ул. Новая",
            "houses": "1-5", "date_from": "2026-01-01", "source": "test",
            "name": "Мировому судье судебного участка № 164 в Северо-Енисейском районе Красноярского края"})
        with today_is("2026-11-26"):
            cases = self.Case.browse([self.Case.create({"account_id": a.id}).id for a in accounts])
            action = self.env["ukkr.court.batch.wizard"].sudo(self.lawyer).create(
                {"case_ids": [(6, 0, cases.ids)]}).action_generate()
        self.orders = self.env["ukkr.court.case"].search(action["domain"], order="id")

    def test_one_register_and_zip_per_court(self):
        self.assertEqual(len(self.orders), 10)
        wizard = self.env["ukkr.court.register.wizard"].sudo(self.operator).create(
            {"court_case_ids": [(6, 0, self.orders.ids)], "date": "2026-11-26"})
        with today_is("2026-11-26"), self.assertRaises(AccessError):
            wizard.action_create()
        self.assertFalse(self.orders.mapped("register_id"))
        with today_is("2026-11-26"):
            action = self.env["ukkr.court.register.wizard"].sudo(self.lawyer).create(
                {"court_case_ids": [(6, 0, self.orders.ids)], "date": "2026-11-26"}).action_create()
        registers = self.env["ukkr.court.register"].search(action["domain"], order="name")
        self.assertEqual(registers.mapped("name"), ["Р-2026-0001", "Р-2026-0002"])
        self.assertEqual([r.case_count for r in registers], [5, 5])
        first, second = registers
        self.assertIn("№ 163", first.court_name)
        self.assertIn("№ 164", second.court_name)
        near = self.orders.filtered(lambda c: int(c.account_id.building_id.house) <= 5)
        self.assertEqual(second.court_case_ids, near)
        self.assertEqual(set(near.mapped("register_number")), {"Р-2026-0002"})
        self.assertEqual(set(self.orders.mapped("register_date")), {"2026-11-26"})
        self.assertEqual(second.duty_total, 10000.0)
        self.assertGreater(second.claim_total, 15000.0)
        text = second._read_register_text()
        for expected in ("РЕЕСТР № Р-2026-0002 от 26.11.2026", "№ 164", "Должник 1", "Должник 5", "9800000003",
                         "2026-05", "Итого: 5", "10 000,00"):
            self.assertIn(expected, text)
        self.assertNotIn("Должник 6", text)
        with zipfile.ZipFile(io.BytesIO(base64.b64decode(second.zip_id.datas))) as archive:
            names = archive.namelist()
        self.assertEqual(len(names), 12)
        self.assertIn("Реестр Р-2026-0002.docx", names)
        self.assertIn("Сопроводительное письмо Р-2026-0002.docx", names)
        self.assertEqual(len([n for n in names if n.startswith("Заявление") and n.endswith(".pdf")]), 5)
        self.assertEqual(len([n for n in names if n.startswith("Заявление") and n.endswith(".docx")]), 5)
        letter = base64.b64decode(second.letter_file_id.datas)
        from ..models.court_application_docx import read_text
        self.assertIn("направляет 5 заявлений", read_text(letter))
        # a case already in a register, and a direct write of the register, are refused
        with today_is("2026-11-26"), self.assertRaisesRegex(UserError, "already in register|уже в реестре"):
            self.env["ukkr.court.register"].sudo(self.lawyer)._make_registers(self.orders[:1], "2026-11-26")
        with self.assertRaisesRegex(UserError, "buttons|кнопк"):
            self.orders[:1].sudo(self.lawyer).write({"register_id": False})
        # then filed in one step
        with today_is("2026-11-26"):
            self.env["ukkr.court.file.wizard"].sudo(self.lawyer).create({
                "court_case_ids": [(6, 0, self.orders.ids)], "date_filed": "2026-11-26"}).action_file()
        self.assertEqual(set(self.orders.mapped("state")), {"filed"})
