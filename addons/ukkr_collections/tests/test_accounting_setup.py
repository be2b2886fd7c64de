from odoo.tests.common import TransactionCase


class TestAccountingSetup(TransactionCase):
    """The ledger posts to the Russian chart of accounts in rubles: the runtime must provide both."""

    def test_russian_chart_in_rubles(self):
        company = self.env.ref("base.main_company")
        chart = self.env.ref("l10n_ru.l10n_ru_account_chart_template", raise_if_not_found=False) \
            or self.env["account.chart.template"].search([("name", "ilike", "РФ")], limit=1)
        self.assertTrue(chart, "the l10n_ru chart template must be installed")
        self.assertEqual(company.chart_template_id, chart)
        self.assertEqual(company.currency_id, self.env.ref("base.RUB"))
        # the receivable and cash accounts the monthly close will use exist in the company
        codes = set(self.env["account.account"].search([("company_id", "=", company.id)]).mapped("code"))
        for code in ("62.01", "51", "90.01", "76.02"):
            self.assertIn(code, codes, "account %s of the Russian chart is missing" % code)
