"""Measure 10, the «in the payment document» channel: the selected draft notices go to the billing system as one
CSV register (account; text printed on the next bill) and are recorded as sent; a register is made once."""
import base64

from odoo.exceptions import AccessError, UserError

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .agreement_common import AgreementCase


class TestNoticeRegister(AgreementCase):

    def test_register_for_the_billing_system(self):
        Notice = self.env["ukkr.notice"]
        with today_is("2026-11-26"):
            bill = Notice.sudo(self.operator).create({"account_id": self.account["2"].id, "kind": "pp354_warning",
                                                      "channel": "payment_doc"})
            bill_1 = Notice.sudo(self.operator).create({"account_id": self.account["1"].id, "kind": "warning",
                                                        "channel": "payment_doc"})
            letter = Notice.sudo(self.operator).create({"account_id": self.account["3"].id, "kind": "warning",
                                                        "channel": "registered_letter"})
            selected = bill | bill_1 | letter
            counted = sum(r["count"] for r in self.env["ukkr.measure.figure"].figures(
                "2026-11-01", "2026-11-30", [10]))
            with self.assertRaises(AccessError):
                selected.sudo(self.executor).action_payment_document_register()
            self.assertEqual(set(selected.mapped("state")), {"draft"})
            register = selected.sudo(self.operator).action_payment_document_register()
        self.assertEqual((register.notice_count, register.notice_ids), (2, bill | bill_1))
        self.assertEqual([(n.state, n.date_sent) for n in (bill, bill_1, letter)],
                         [("sent", "2026-11-26"), ("sent", "2026-11-26"), ("draft", False)])
        text = base64.b64decode(register.file).decode("utf-8-sig")
        lines = text.strip().split("\r\n")
        self.assertEqual(lines[0], "Лицевой счёт;Текст уведомления")
        rows = [line.split(";") for line in lines[1:]]
        self.assertEqual([len(row) for row in rows], [2, 2], "one «;» per line: the text has none")
        self.assertEqual([row[0] for row in rows], ["9900000001", "9900000002"])
        self.assertTrue(rows[0][1].startswith("Задолженность по лицевому счёту 9900000001 на 26.11.2026: "
                                              "5\u00a0000,00 руб."))
        self.assertIn("12\u00a0000,00 руб.", rows[1][1])
        self.assertIn("ПРЕДУПРЕЖДЕНИЕ", rows[1][1])
        self.assertTrue(register.name.startswith("РПД-"))
        # the measure counts them as sent notices; a second register of the same notices is refused
        with today_is("2026-11-26"):
            with self.assertRaises(UserError):
                selected.sudo(self.operator).action_payment_document_register()
        self.assertEqual(self.env["ukkr.notice.register"].search_count([]), 1)
        rows = self.env["ukkr.measure.figure"].figures("2026-11-01", "2026-11-30", [10])
        self.assertEqual(sum(r["count"] for r in rows), counted + 2, "the two notices count as sent for measure 10")
