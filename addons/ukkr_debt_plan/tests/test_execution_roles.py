"""Who starts and submits an execution (issue 17): the measure's executor; the control group accepts or returns it
and cannot start someone else's execution, nothing changed on the refusal."""
from odoo.exceptions import AccessError

from .common import PlanCase


class TestExecutionRoles(PlanCase):

    def test_the_control_group_does_not_start_an_executors_execution(self):
        execution = self.execution(10)   # measure 10 (notices): УККР's, not the administration's
        execution.measure_id.responsible_user_ids = self.operator
        before = execution.read(["state", "write_date", "write_uid"])[0]
        for step in ("action_start", "action_submit"):
            with self.assertRaises(AccessError):
                getattr(execution.sudo(self.control), step)()
            execution.invalidate_cache()
            self.assertEqual(execution.read(["state", "write_date", "write_uid"])[0], before, step)
        execution.sudo(self.operator).action_start()
        self.assertEqual(execution.state, "in_progress")

    def test_the_control_group_starts_its_own_measure(self):
        execution = self.execution(10)
        execution.measure_id.responsible_user_ids = self.control
        execution.sudo(self.control).action_start()
        self.assertEqual(execution.state, "in_progress")
