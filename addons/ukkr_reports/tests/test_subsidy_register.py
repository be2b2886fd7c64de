"""The register of court-confirmed debt for the social-protection body (issue 23.5, ЖК 159 ч.5), by hand.

District of agreement_common on 26.11.2026:
- 9900000002 (Петрова Анна Сергеевна, п. Тея, ул. Южная, д. 4, кв. 2) owes 4 000 × 2026-06, -07, -08: a court order
  filed 20.09.2026, issued 25.09.2026, in force 10.10.2026; she pays 2 000 on 20.10.2026 (no period named → the
  oldest tranche, 2026-06). Unpaid court-confirmed debt: 10 000 for 2026-06 — 2026-08 → one row.
- 9900000001 (Иванов) owes 5 000 for 2023-09, claimed by an order in force too: formed more than three years before
  26.11.2026 (the register looks at periods from 2023-11) → no row.
- 9900000003 is an organisation: not a subsidy matter → no row.
"""
import base64

from odoo.exceptions import AccessError, UserError

from odoo.addons.ukkr_collections.tests.agreement_common import AgreementCase
from odoo.addons.ukkr_debt_plan.tests.common import today_is


class TestSubsidyRegister(AgreementCase):

    def order_in_force(self, suffix, filed, issued, in_force):
        with today_is(filed):
            order = self.env["ukkr.court.case"].create({"account_id": self.account[suffix].id, "date": filed})
            order.action_load_tranches()
            order._file(filed)
        with today_is(in_force):
            order.write({"date_order": issued, "order_number": "2-%s/2026" % suffix})
            order.action_order_issued()
            order.write({"date_order_received": issued, "date_in_force": in_force})
            order.action_in_force()
        return order

    def setUp(self):
        super().setUp()
        self.order_in_force("2", "2026-09-20", "2026-09-25", "2026-10-10")
        self.order_in_force("1", "2026-10-01", "2026-10-02", "2026-10-20")
        self.order_in_force("3", "2026-10-01", "2026-10-02", "2026-10-20")
        self.pay([("2", "20.10.2026", 2000, "SZ-1")], today="2026-10-20")
        self.Register = self.env["ukkr.subsidy.register"]

    def test_rows_by_hand(self):
        with today_is("2026-11-26"):
            rows = self.Register.rows("2026-11-26")
        self.assertEqual(len(rows), 1)
        row = rows[0]
        self.assertEqual((row["account"], row["payer"], row["periods"], row["debt"], row["act_number"]),
                         ("9900000002", "Петрова Анна Сергеевна", "2026-06 — 2026-08", 10000.0, "2-2/2026"))
        self.assertIn("ул. Южная, д. 4, кв. 2", row["address"])
        self.assertEqual(str(row["in_force"]), "2026-10-10")
        # on 05.10.2026 the order was not yet in force
        self.assertEqual(self.Register.rows("2026-10-05"), [])

    def test_an_honoured_agreement_takes_the_debtor_off(self):
        agreement = self.draft(date="2026-11-01", term_months=3, first_payment_date="2026-12-15")
        with today_is("2026-11-01"):
            agreement.action_fill_tranches()
            agreement.action_generate_schedule()
            agreement.action_activate()
        with today_is("2026-11-26"):
            self.assertEqual(self.Register.rows("2026-11-26"), [])

    def test_sent_by_the_manager_and_recorded(self):
        with today_is("2026-11-26"):
            register = self.Register.sudo(self.manager).create({"date": "2026-11-26",
                                                                "recipient_email": "uszn@example.ru"})
            register.action_send()
        self.assertEqual((register.state, register.row_count, register.total_debt, register.sent_by),
                         ("sent", 1, 10000.0, self.manager))
        self.assertTrue(register.date_sent)
        text = base64.b64decode(register.csv_file).decode("utf-8-sig")
        self.assertIn("Лицевой счёт;ФИО;Адрес помещения", text)
        self.assertIn("9900000002;Петрова Анна Сергеевна;", text)
        self.assertIn(";10000,00", text)
        self.assertEqual(base64.b64decode(register.xlsx_file)[:2], b"PK")
        mail = register.sudo().mail_id
        self.assertEqual((mail.email_to, len(mail.attachment_ids)), ("uszn@example.ru", 2))
        with today_is("2026-11-26"), self.assertRaisesRegex(UserError, "already|уже"):
            register.sudo(self.manager).action_send()
        with self.assertRaisesRegex(UserError, "kept|сохраняется"):
            register.sudo(self.manager).unlink()
        # the figures of a sent register are not written by hand
        with self.assertRaises(UserError):
            register.sudo(self.manager).write({"row_count": 0})
        self.assertEqual(register.row_count, 1)

    def test_refused_to_others(self):
        draft = self.Register.sudo(self.manager).create({"date": "2026-11-26"})
        for user in (self.lawyer, self.operator, self.executor, self.control):
            with today_is("2026-11-26"), self.assertRaises(AccessError):
                self.Register.browse(draft.id).sudo(user).action_send()
            with self.assertRaises(AccessError):
                self.Register.sudo(user).create({"date": "2026-11-26"})
        self.assertEqual((draft.state, draft.row_count), ("draft", 0))
        with self.assertRaises(AccessError):
            self.Register.sudo(self.operator).browse(draft.id).read(["row_count"])
        with today_is("2026-11-26"), self.assertRaisesRegex(UserError, "future|будущ"):
            self.Register.sudo(self.manager).create({"date": "2026-12-01"}).action_send()
