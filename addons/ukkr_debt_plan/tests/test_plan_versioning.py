from odoo.exceptions import AccessError, UserError

from .common import PlanCase


class TestPlanVersioning(PlanCase):
    """Measure 4: the plan is kept current — versions copy the measures and keep the old one as history."""

    def test_new_version_keeps_history(self):
        self.make_executions("2023-03-15")
        old_executions = self.Execution.search([("plan_id", "=", self.plan.id)])
        with self.assertRaises(UserError):
            self.plan.action_new_version("   ")  # a reason is required
        v2 = self.plan.sudo(self.control).action_new_version("Продление плана на 2024-2026 годы")
        self.assertEqual((v2.version, v2.state, v2.previous_id), (2, "draft", self.plan))
        self.assertEqual(len(v2.measure_ids), 29)
        self.assertEqual(len(v2.section_ids), 6)
        self.assertEqual(v2.measure_ids.mapped("section_id"), v2.section_ids, "measures point to the copied sections")
        self.assertEqual(v2.measure_ids.sorted("number").mapped("name"),
                         self.plan.measure_ids.sorted("number").mapped("name"))
        self.assertEqual(v2.change_summary, "No changes in the measures")
        new18 = v2.measure_ids.filtered(lambda m: m.number == 18)
        new18.sudo(self.control).write({"target_qty": 12})
        v2.sudo(self.control).write({"date_to": "2026-12-31"})
        self.assertIn("Measure 18: target changed from 10 to 12", v2.change_summary)
        v2.sudo(self.control).action_activate()
        self.assertEqual((self.plan.state, v2.state), ("superseded", "active"))
        # the superseded version is history: read-only, its executions untouched
        with self.assertRaises(UserError):
            self.measure(18).write({"target_qty": 15})
        with self.assertRaises(UserError):
            self.plan.write({"date_to": "2030-12-31"})
        with self.assertRaises(UserError):
            self.plan.action_new_version("из истории")
        self.assertEqual(self.measure(18).target_qty, 10)
        self.assertEqual(self.Execution.search([("plan_id", "=", self.plan.id)]), old_executions)
        # from now on the scheduled action works on the version in force
        created = self.make_executions("2025-01-10")
        self.assertEqual(created.mapped("plan_id"), v2)
        self.assertEqual(created.filtered(lambda r: r.measure_number == 18).target_qty, 12)

    def test_only_control_edits_the_plan(self):
        with self.assertRaises(AccessError):
            self.measure(18).sudo(self.operator).write({"target_qty": 1})
        with self.assertRaises(AccessError):
            self.plan.sudo(self.housing).write({"date_to": "2024-12-31"})
        self.measure(18).sudo(self.control).write({"target_qty": 11})
        self.assertEqual(self.measure(18).target_qty, 11)

    def test_executors_of_measure_4_draft_control_puts_in_force(self):
        """The expert-legal department (measure 4's executor) drafts and edits a version; it cannot put it in force,
        nor touch the version in force or another's draft; another executor cannot draft at all."""
        Plan = self.env["ukkr.plan"]
        before = Plan.search_count([])
        with self.assertRaises(AccessError):   # the housing department is not measure 4's executor
            self.plan.sudo(self.housing).action_new_version("Не наше мероприятие")
        self.assertEqual(Plan.search_count([]), before, "nothing drafted")
        draft = self.plan.sudo(self.legal).action_new_version("Продление плана на 2027 год")
        self.assertEqual((draft.state, draft.drafted_by_id, draft.version, len(draft.measure_ids)),
                         ("draft", self.legal, 2, 29))
        # the drafter edits the draft: a measure's target, a new measure, the period
        measure = draft.measure_ids.filtered(lambda m: m.number == 18)
        measure.sudo(self.legal).write({"target_qty": 12})
        self.env["ukkr.plan.measure"].sudo(self.legal).create({
            "plan_id": draft.id, "number": 30, "name": "Сверка с ГИС ЖКХ платёжных документов"})
        draft.sudo(self.legal).write({"date_to": "2027-12-31"})
        self.assertIn("Measure 30 added", draft.change_summary)
        # … but not the version in force, nor puts the draft in force, nor changes a state directly
        with self.assertRaises(AccessError):
            self.measure(18).sudo(self.legal).write({"target_qty": 1})
        with self.assertRaises(AccessError):
            self.plan.sudo(self.legal).write({"date_to": "2030-12-31"})
        with self.assertRaises(AccessError):
            draft.sudo(self.legal).action_activate()
        with self.assertRaises(UserError):
            draft.sudo(self.legal).write({"state": "active"})
        with self.assertRaises(AccessError):   # another executor cannot edit this draft
            draft.sudo(self.housing).write({"date_to": "2028-12-31"})
        self.assertEqual((self.plan.state, draft.state, self.measure(18).target_qty), ("active", "draft", 10))
        # the control group is asked to review it and puts it in force
        activity = self.env["mail.activity"].search([("res_model", "=", "ukkr.plan"), ("res_id", "=", draft.id)])
        self.assertEqual(len(activity), 1)
        draft.sudo(self.control).action_activate()
        self.assertEqual((self.plan.state, draft.state), ("superseded", "active"))
        with self.assertRaises(AccessError):   # in force now: the drafter no longer edits it
            draft.sudo(self.legal).write({"date_to": "2029-12-31"})
