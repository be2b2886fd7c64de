"""The cases-by-stage view: the administration sees the counts of all cases, not the cases themselves."""
from odoo.exceptions import AccessError
from odoo.tests.common import TransactionCase


class TestCaseAnalysis(TransactionCase):

    def test_counts_equal_the_cases_and_hide_nobody(self):
        env = self.env
        settlement = env["ukkr.settlement"].create({"name": "п. Анализ"})
        building = env["ukkr.building"].create({"settlement_id": settlement.id, "street": "ул. Счётная", "house": "1"})
        accounts = env["ukkr.personal.account"]
        for number, municipal in (("9700000001", True), ("9700000002", False), ("9700000003", False)):
            partner = env["res.partner"].create({"name": "Плательщик %s" % number})
            accounts |= env["ukkr.personal.account"].create({
                "name": number, "building_id": building.id, "partner_id": partner.id, "is_municipal": municipal})
        cases = env["ukkr.debtor.case"]
        for account in accounts:
            cases |= env["ukkr.debtor.case"].create({"account_id": account.id})
        cases[2]._transition({"stage_id": env.ref("ukkr_collections.case_stage_court").id})
        control = env["res.users"].with_context(no_reset_password=True).create({
            "name": "Контроль", "login": "t_case_analysis", "lang": False,
            "groups_id": [(6, 0, [env.ref("ukkr_debt_plan.group_admin_control").id])]})
        groups = env["ukkr.case.analysis"].sudo(control).read_group(
            [("settlement_id", "=", settlement.id)], ["stage_id", "case_count"], ["stage_id"])
        counts = {g["stage_id"][1]: g["case_count"] for g in groups}
        # independent count: 2 identified, 1 in court
        self.assertEqual(counts, {env.ref("ukkr_collections.case_stage_identified").name: 2,
                                  env.ref("ukkr_collections.case_stage_court").name: 1})
        # …while the control user reads the municipal case only
        self.assertEqual(env["ukkr.debtor.case"].sudo(control).search([("id", "in", cases.ids)]), cases[0])
        with self.assertRaises(AccessError):
            cases[1].sudo(control).read(["account_id"])
