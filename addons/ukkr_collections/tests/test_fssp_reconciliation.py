"""Reconciliation with the bailiffs (measure 24) on hand-made proceedings of 9900000002 (all sent to the bailiffs).

Ours:                                    The register:
A 100/26/24076-ИП 2-500/2026 35 000,     100/26/24076-ИП 2-500/2026 35 000, collected 5 000, на исполнении → ok
  5 000 recovered, in progress
B 101/26/24076-ИП 2-501/2026 8 000,      101/26/24076-ИП 2-501/2026 8 000, collected 1 500 → collected differs
  nothing recovered, in progress
C no number yet, 2-502/2026 12 000,      102/26/24076-ИП 2-502/2026 12 000, 0, окончено фактическим исполнением →
  presented                                matched by the writ number, state differs
D 103/26/24076-ИП 2-503/2026 20 000,     —  → not in the register
  in progress
—                                        999/26/24076-ИП 2-999/2026 3 000 → not in our records
Result: 1 matched, 4 discrepancies. A register with a bad row changes nothing.
"""
import base64

from odoo.exceptions import AccessError, UserError

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .agreement_common import AgreementCase

REGISTER = """Номер ИП;Номер ИД;Должник;Сумма;Взыскано;Состояние
100/26/24076-ИП;2-500/2026;Иванов И. И.;35000,00;5000,00;на исполнении
101/26/24076-ИП;2-501/2026;Иванов И. И.;8000;1500;на исполнении
102/26/24076-ИП;2-502/2026;Иванов И. И.;12000;0;окончено фактическим исполнением
999/26/24076-ИП;2-999/2026;Петров П. П.;3000;0;на исполнении
"""


class TestFsspReconciliation(AgreementCase):

    def proceeding(self, number, writ, amount, start=True):
        values = {"account_id": self.account["2"].id, "writ_number": writ, "writ_date": "2026-05-20",
                  "court_name": "Мировой судья судебного участка № 161", "writ_amount": amount,
                  "route": "bailiff", "fssp_department": "ОСП по Северо-Енисейскому району",
                  "proceeding_number": number}
        record = self.env["ukkr.enforcement.proceeding"].sudo(self.lawyer).create(values)
        record._present("2026-06-01")
        if start:
            record.action_start()
        return record

    def test_register_matched_with_discrepancies(self):
        Reconciliation = self.env["ukkr.fssp.reconciliation"]
        with today_is("2026-11-26"):
            a = self.proceeding("100/26/24076-ИП", "2-500/2026", 35000)
            a.action_register_recovery(5000, "2026-11-26", "ПП-1")
            b = self.proceeding("101/26/24076-ИП", "2-501/2026", 8000)
            c = self.proceeding(False, "2-502/2026", 12000, start=False)
            d = self.proceeding("103/26/24076-ИП", "2-503/2026", 20000)
            with self.assertRaises(AccessError):
                Reconciliation.sudo(self.operator).import_content(REGISTER.encode("utf-8"), "r.csv", 2026, 4)
            bad = REGISTER + "104/26/24076-ИП;2-504/2026;Сидоров;1000;0;=1+1\n"
            with self.assertRaisesRegex(UserError, "строка 6.*формулу"):
                Reconciliation.sudo(self.lawyer).import_content(bad.encode("utf-8"), "r.csv", 2026, 4)
            self.assertFalse(Reconciliation.search([]), "nothing written")
            record = Reconciliation.sudo(self.lawyer).import_content(REGISTER.encode("utf-8"), "r.csv", 2026, 4)
        self.assertEqual((record.row_count, record.matched_count, record.discrepancy_count), (4, 1, 4))
        found = sorted((line.kind, line.writ_number, line.proceeding_id.id or 0) for line in record.line_ids)
        self.assertEqual(found, sorted([("ok", "2-500/2026", a.id), ("collected", "2-501/2026", b.id),
                                        ("state", "2-502/2026", c.id), ("missing_here", "2-999/2026", 0),
                                        ("missing_there", "2-503/2026", d.id)]))
        collected = record.line_ids.filtered(lambda l: l.kind == "collected")
        self.assertEqual((collected.collected, collected.our_collected), (1500.0, 0.0))
        self.assertTrue(base64.b64decode(record.file).startswith("Номер ИП".encode("utf-8")))
        html = self.env.ref("ukkr_collections.report_fssp_reconciliation").render_qweb_html(record.ids)[0]
        self.assertIn("2-999/2026".encode("utf-8"), html)
        self.assertNotIn("2-500/2026".encode("utf-8"), html, "the printed act lists discrepancies only")
        # measure 24 counts the reconciliation of the quarter (4 register rows checked)
        figures = self.env["ukkr.measure.figure"].figures("2026-10-01", "2026-12-31", [24])
        self.assertEqual([(r["model"], r["count"], r["amount"]) for r in figures],
                         [("ukkr.fssp.reconciliation", 1, 4.0)])
