"""The daily scheduled close waits for the month's accruals (and for the configured day), and says so in the log.

The accounts of test_billing_import with September 2026 accrued. On 02.11.2026 the scheduled action looks at
October: no October accruals yet → nothing is closed, and the October billing file is still accepted afterwards;
once they are in, the same action closes October. With the day set to 5, it waits until 05.11.2026.
"""
import logging

from odoo.tests.common import TransactionCase

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .test_billing_import import ACCOUNTS, ACCRUALS

LOGGER = "odoo.addons.ukkr_collections.models.ukkr_monthly_close"
OCTOBER = "account;period;service;accrued\n9900000001;2026-10;heating;3000\n9900000002;2026-10;heating;2500\n"


class TestAutoClose(TransactionCase):

    def setUp(self):
        super().setUp()
        self.Close = self.env["ukkr.monthly.close"]
        self.Import = self.env["ukkr.billing.import"]
        self.env.cr.execute("DELETE FROM ukkr_payment_allocation; DELETE FROM ukkr_payment; "
                            "DELETE FROM ukkr_ledger_line WHERE period >= '2026-10'")
        self.Close.search([("period", ">=", "2026-10")]).unlink()
        with today_is("2026-10-15"):
            for text, name in ((ACCOUNTS, "accounts.csv"), (ACCRUALS, "accruals.csv")):
                self.Import.import_content(text.encode("utf-8"), name)

    def october(self):
        return self.Close.search([("period", "=", "2026-10")])

    def test_waits_for_the_accruals(self):
        with today_is("2026-11-02"), self.assertLogs(LOGGER, logging.INFO) as log:
            self.assertFalse(self.Close._cron_close_previous_month())
        self.assertFalse(self.october(), "no October accruals: October is not closed")
        self.assertIn("postponed: no accruals of 2026-10 are imported yet", "\n".join(log.output))
        with today_is("2026-11-02"):
            result = self.Import.import_content(OCTOBER.encode("utf-8"), "october.csv")
            self.assertEqual((result["created"], result["errors"]), (2, []), "the October file is not refused")
            with self.assertLogs(LOGGER, logging.INFO) as log:
                self.Close._cron_close_previous_month()
        self.assertEqual(self.october().state, "closed")
        self.assertIn("closing: 2 accrual lines of 2 accounts are imported", "\n".join(log.output))
        with today_is("2026-11-03"):   # the next day: closed already, nothing to do
            self.assertFalse(self.Close._cron_close_previous_month())

    def test_waits_for_the_configured_day(self):
        self.env["ir.config_parameter"].set_param("ukkr_collections.auto_close_day", "5")
        with today_is("2026-11-02"):
            self.Import.import_content(OCTOBER.encode("utf-8"), "october.csv")
            with self.assertLogs(LOGGER, logging.INFO) as log:
                self.Close._cron_close_previous_month()
        self.assertFalse(self.october())
        self.assertIn("waits until day 5", "\n".join(log.output))
        with today_is("2026-11-05"):
            self.Close._cron_close_previous_month()
        self.assertEqual(self.october().state, "closed")

    def test_costs_charged_are_not_accruals(self):
        """A ledger line of October with a correction only (a limitation's costs) does not count as the accruals."""
        account = self.env["ukkr.personal.account"].search([("name", "=", "9900000001")])
        heating = self.env["ukkr.service"].search([("code", "=", "heating")])
        self.env["ukkr.ledger.line"].create({"account_id": account.id, "period": "2026-10",
                                             "service_id": heating.id, "correction": 150})
        with today_is("2026-11-02"):
            self.Close._cron_close_previous_month()
        self.assertFalse(self.october())
