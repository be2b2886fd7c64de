"""Templates the lawyers own (docxtpl): the application comes from the DOCX template in force for its kind and date;
an upload whose fields do not resolve is refused with their names; without a template the suite's layout is used,
and «Load the default» gives that layout as a template."""
import base64
import io

from docx import Document

from odoo.exceptions import AccessError, ValidationError

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from ..models import court_application_docx
from .agreement_common import AgreementCase


def docx_with(*paragraphs):
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    stream = io.BytesIO()
    document.save(stream)
    return base64.b64encode(stream.getvalue())


class TestDocumentTemplate(AgreementCase):

    def setUp(self):
        super().setUp()
        self.Template = self.env["ukkr.document.template"]
        self.open_case("2")
        with today_is("2026-11-26"):
            self.case = self.env["ukkr.court.case"].sudo(self.lawyer).create({
                "account_id": self.account["2"].id, "kind": "court_order", "date": "2026-11-26"})
            self.case.action_load_tranches()

    def text(self):
        with today_is("2026-11-26"):
            self.case.sudo(self.lawyer).action_generate_application()
        return court_application_docx.read_text(base64.b64decode(self.case.application_id.datas))

    def test_the_lawyers_template_is_used(self):
        self.assertIn("ЗАЯВЛЕНИЕ О ВЫДАЧЕ СУДЕБНОГО ПРИКАЗА", self.text())     # no template: the suite's layout
        template = self.Template.sudo(self.lawyer).create({
            "name": "Наш бланк", "kind": "court_order", "date_from": "2026-01-01",
            "file": docx_with("{{ court_heading }}", "Взыскатель ИНН {{ claimant.inn }}, ОГРН {{ claimant.ogrn }}",
                              "Должник: {{ debtor.name }}, родилась {{ debtor.birthdate }}",
                              "Всего {{ money(claim) }} руб., пошлина {{ money(duty) }} руб.")})
        text = self.text()
        self.assertIn("Взыскатель ИНН 2434000014, ОГРН 1242400000006", text)
        self.assertIn("Должник: Петрова Анна Сергеевна, родилась 01.07.1980", text)
        self.assertIn("пошлина 2 000,00 руб.", text)
        self.assertNotIn("ЗАЯВЛЕНИЕ О ВЫДАЧЕ", text)
        # the default layout as a template renders the same elements as the suite's own
        template.sudo(self.lawyer).action_load_default()
        text = self.text()
        for expected in ("ЗАЯВЛЕНИЕ О ВЫДАЧЕ СУДЕБНОГО ПРИКАЗА", "ИНН 2434000014, ОГРН 1242400000006",
                         "дата рождения: 01.07.1980, место рождения: г. Красноярск", "СНИЛС: 123-456-789 64",
                         "2026-06 | 15.07.2026 | 4 000,00", "1. Расчёт задолженности и пеней"):
            self.assertIn(expected, text)
        # a template of 2027 does not apply to a case of 2026
        template.date_to = "2026-12-31"
        self.Template.sudo(self.lawyer).create({"name": "2027", "kind": "court_order", "date_from": "2027-01-01",
                                                "file": docx_with("Новый бланк {{ debtor.name }}")})
        self.assertIn("ЗАЯВЛЕНИЕ О ВЫДАЧЕ СУДЕБНОГО ПРИКАЗА", self.text())

    def test_bad_uploads_are_refused(self):
        count = self.Template.search_count([])
        for content, message in ((docx_with("{{ debtor.name }} {{ bad_field }} {{ another }}"), "another, bad_field"),
                                 (docx_with("{{ debtor.name "), "not written right|не так"),
                                 (base64.b64encode(b"%PDF-1.4"), "DOCX")):
            with self.assertRaisesRegex(ValidationError, message), self.env.cr.savepoint():
                self.Template.sudo(self.lawyer).create({"name": "x", "kind": "claim", "date_from": "2026-01-01",
                                                        "file": content})
        for user in (self.operator, self.executor, self.control):
            with self.assertRaises(AccessError):
                self.Template.sudo(user).create({"name": "x", "kind": "claim", "date_from": "2026-01-01",
                                                 "file": docx_with("{{ debtor.name }}")})
        self.assertEqual(self.Template.search_count([]), count)
