from odoo.exceptions import AccessError, UserError, ValidationError

from .common import PlanCase, today_is


class TestExecutionFlow(PlanCase):

    def test_submit_accept(self):
        execution = self.execution(1)
        as_operator = execution.sudo(self.operator)
        as_operator.action_start()
        self.assertEqual(execution.state, "in_progress")
        with self.assertRaises(UserError):  # no evidence yet
            as_operator.action_submit()
        as_operator.write({"evidence_note": "Задолженность на 01.03.2023 проанализирована", "qty_done": 1})
        with today_is("2023-03-20"):
            as_operator.action_submit()
        self.assertEqual((execution.state, execution.submitted_by_id, execution.submitted_late),
                         ("submitted", self.operator, False))
        with self.assertRaises(AccessError):
            as_operator.action_accept()
        with self.assertRaises(UserError):  # evidence is frozen once submitted
            as_operator.write({"qty_done": 5})
        execution.sudo(self.control).action_accept()
        self.assertEqual((execution.state, execution.decided_by_id), ("accepted", self.control))
        self.assertIn("accepted", execution.message_ids.mapped("tracking_value_ids.new_value_char")
                      + [execution.state])

    def test_return_needs_a_comment_and_comes_back(self):
        execution = self.execution(5)
        execution.measure_id.responsible_user_ids = self.operator
        execution.sudo(self.operator).write({"evidence_note": "Информация направлена письмом № 15"})
        execution.sudo(self.operator).action_submit()
        as_control = execution.sudo(self.control)
        with self.assertRaises(UserError):
            as_control.action_return()
        self.assertEqual(execution.state, "submitted")
        as_control.write({"control_comment": "Нет разбивки по видам должников"})
        as_control.action_return()
        self.assertEqual(execution.state, "returned")
        self.assertIn(self.operator, execution.activity_ids.mapped("user_id"))
        execution.sudo(self.operator).write({"evidence_note": "Информация с разбивкой по видам должников"})
        execution.sudo(self.operator).action_submit()
        self.assertEqual(execution.state, "submitted")

    def test_who_may_change_what(self):
        ukkr_record = self.execution(1)      # МУП «УККР» and the administration
        legal_record = self.execution(7)     # expert-legal department
        housing_entry = self.Execution.sudo(self.housing).create({
            "measure_id": self.measure(19).id, "kind": "entry", "period_start": "2023-03-01",
            "period_end": "2023-03-31", "deadline": "2023-03-31", "evidence_note": "Иск о выселении, кв. 12"})
        self.assertEqual(housing_entry.state, "planned")
        # everyone reads every execution
        self.assertEqual(legal_record.sudo(self.operator).name, legal_record.name)
        # the housing department cannot change the expert-legal department's execution, nor УККР's
        with self.assertRaises(AccessError):
            legal_record.sudo(self.housing).write({"evidence_note": "чужое"})
        with self.assertRaises(AccessError):
            legal_record.sudo(self.housing).action_submit()
        with self.assertRaises(AccessError):
            housing_entry.sudo(self.operator).write({"evidence_note": "чужое"})
        with self.assertRaises(AccessError):
            self.Execution.sudo(self.operator).create({
                "measure_id": self.measure(19).id, "kind": "entry", "period_start": "2023-03-01",
                "period_end": "2023-03-31", "deadline": "2023-03-31"})
        # the administration is an executor of measure 1, so its departments may work on it, as may УККР
        ukkr_record.sudo(self.legal).write({"evidence_note": "Данные администрации"})
        ukkr_record.sudo(self.operator).write({"qty_done": 2})
        legal_record.sudo(self.legal).write({"evidence_note": "Письма руководителям организаций, 12 шт."})
        self.assertFalse(legal_record.evidence_note == "чужое")
        # a user named on the measure may change it whatever its department
        self.measure(7).responsible_user_ids = self.operator
        legal_record.sudo(self.operator).write({"qty_done": 12})
        # states move only through the buttons — a context flag sent over RPC changes nothing
        with self.assertRaises(UserError):
            ukkr_record.sudo(self.operator).write({"state": "accepted"})
        with self.assertRaises(UserError):
            ukkr_record.sudo(self.operator).with_context(ukkr_transition=True).write(
                {"state": "accepted", "decided_by_id": self.operator.id})
        with self.assertRaises(UserError):
            self.Execution.sudo(self.housing).with_context(ukkr_transition=True).create({
                "measure_id": self.measure(19).id, "kind": "entry", "state": "accepted"})
        # the plan fixes period, deadline and measure of a period execution: not the executor's to move
        with self.assertRaises(AccessError):
            ukkr_record.sudo(self.operator).write({"deadline": "2023-06-30"})
        with self.assertRaises(AccessError):
            ukkr_record.sudo(self.operator).write({"kind": "entry"})
        housing_entry.sudo(self.housing).write({"deadline": "2023-03-30"})  # its own open entry: allowed
        with self.assertRaises(AccessError):
            ukkr_record.sudo(self.operator).write({"control_comment": "сам себе"})

    def test_bad_input_changes_nothing(self):
        execution = self.execution(1)
        before = (execution.deadline, execution.qty_done, execution.state)
        with self.assertRaises(ValidationError):
            with self.env.cr.savepoint():
                execution.sudo(self.control).write({"deadline": "2023-02-28"})  # period starts 01.03.2023
        with self.assertRaises(ValidationError):
            with self.env.cr.savepoint():
                execution.sudo(self.operator).write({"qty_done": -3})
        with self.assertRaises(ValidationError):
            with self.env.cr.savepoint():
                execution.sudo(self.operator).write({"amount_done": -0.01})
        with self.assertRaises(UserError):
            execution.sudo(self.control).action_accept()  # not submitted
        execution.invalidate_cache()
        self.assertEqual((execution.deadline, execution.qty_done, execution.state), before)
        with self.assertRaises(UserError):
            execution.unlink()  # period executions are history

    def test_messages_are_russian(self):
        if not self.env["res.lang"].search([("code", "=", "ru_RU")]):
            self.env["res.lang"].load_lang("ru_RU")
        self.env["ir.translation"].load_module_terms(["ukkr_debt_plan"], ["ru_RU"])
        execution = self.execution(1).with_context(lang="ru_RU")
        with self.assertRaises(UserError) as caught:
            execution.sudo(self.control).with_context(lang="ru_RU").action_accept()
        self.assertIn("не было представлено", caught.exception.name)
        with self.assertRaises(ValidationError) as caught:
            with self.env.cr.savepoint():
                execution.sudo(self.operator).with_context(lang="ru_RU").write({"qty_done": -1})
        self.assertIn("не могут быть отрицательными", caught.exception.name)
