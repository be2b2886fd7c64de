"""An empty list of write-off candidates says what was looked for (issue 17, item 4)."""
from odoo.tests.common import TransactionCase

from odoo.addons.ukkr_debt_plan.tests.common import today_is


class TestWriteOffCandidatesHelp(TransactionCase):

    def test_the_empty_list_explains(self):
        self.env.cr.execute("DELETE FROM ukkr_debt_snapshot; DELETE FROM ukkr_monthly_close")
        lawyer = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Юрист (кандидаты)", "login": "t_wo_help", "lang": "ru_RU",
            "groups_id": [(6, 0, [self.env.ref("ukkr_debt_plan.group_ukkr_lawyer").id])]})
        Wizard = self.env["ukkr.write.off.candidates.wizard"].sudo(lawyer).with_context(lang="ru_RU")
        with today_is("2026-11-26"):
            action = Wizard.create({"on_date": "2026-11-26"}).action_create()
        self.assertEqual(action["domain"], [("id", "in", [])])
        self.assertIn("26.11.2026", action["help"])
        self.assertIn("ни один месяц ещё не закрыт", action["help"])
        self.env["ukkr.monthly.close"].create({"period": "2026-09", "state": "closed"})
        with today_is("2026-11-26"):
            action = Wizard.create({"on_date": "2026-11-26"}).action_create()
        self.assertIn("2026-09", action["help"])
        self.assertIn("давност", action["help"])
