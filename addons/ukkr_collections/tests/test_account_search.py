"""Finding an account at the door (issue 17, item 5) and writing its address once (item 4)."""
from odoo.tests.common import TransactionCase

from ..models.ukkr_personal_account import address, premises_label
from .test_billing_import import ACCOUNTS


class TestAccountAddress(TransactionCase):

    def test_premises_and_address_written_once(self):
        self.assertEqual(premises_label("12"), "кв. 12")
        self.assertEqual(premises_label("12а"), "кв. 12а")
        self.assertEqual(premises_label("пом. 3"), "пом. 3")   # never «кв. пом. 3»
        self.assertEqual(premises_label(" "), "")
        self.assertEqual(address("п. Вельмо, ул. Центральная, д. 5", "пом. 3"),
                         "п. Вельмо, ул. Центральная, д. 5, пом. 3")
        self.assertEqual(address("п. Вельмо, ул. Центральная, д. 5", False), "п. Вельмо, ул. Центральная, д. 5")

    def test_found_by_address_or_payer_as_typed(self):
        self.env["ukkr.billing.import"].import_content(ACCOUNTS.encode("utf-8"), "accounts.csv")
        Account = self.env["ukkr.personal.account"]
        self.ours = [("name", "like", "99000000")]   # (a database may hold other accounts too)
        petrova = Account.search([("name", "=", "9900000002")])
        self.assertEqual(petrova.address, "п. Тея, ул. Южная, д. 4, кв. 2")
        for typed in ("Южная 4 2", "ул. Южная, д. 4, кв. 2", "тея южная 4 кв 2", "Петрова", "9900000002",
                      "Петрова Южная"):
            found = Account.name_search(typed, args=self.ours)
            self.assertEqual([account_id for account_id, _name in found], [petrova.id], typed)
        self.assertEqual(Account.name_search("Южная 4 2", args=self.ours)[0][1], "9900000002 — п. Тея, ул. Южная, д. 4, кв. 2")
        self.assertEqual(len(Account.name_search("Южная 4", args=self.ours)), 2, "both apartments of the house")
        self.assertFalse(Account.name_search("Южная 4 7", args=self.ours))
        self.assertEqual(Account.name_search("Южная 4 1", args=self.ours)[0][0],
                         Account.search([("name", "=", "9900000001")]).id, "the apartment typed last comes first")
        self.assertIn("—", Account.name_search("", args=self.ours)[0][1], "the address shows in every list")
        self.assertEqual(Account.browse(petrova.id).display_name, "9900000002", "the number alone elsewhere")
