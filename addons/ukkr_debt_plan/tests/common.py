from contextlib import contextmanager
from unittest.mock import patch

from odoo import fields
from odoo.tests.common import TransactionCase


@contextmanager
def today_is(day):
    """Run with «today» set to ``day`` (YYYY-MM-DD) for every context_today() of the module."""
    with patch.object(fields.Date, "context_today", lambda *a, **k: day):
        yield


class PlanCase(TransactionCase):
    """The plan of order 2632-р (data) and one user per role, each in its organisation or department."""

    def setUp(self):
        super().setUp()
        self.plan = self.env.ref("ukkr_debt_plan.plan_2632r")
        self.Execution = self.env["ukkr.plan.execution"]
        Users = self.env["res.users"].with_context(no_reset_password=True, tracking_disable=True)

        def user(login, group, department):
            return Users.create({"name": login, "login": "t_" + login, "email": login + "@example.ru", "lang": False,
                                 "ukkr_department_id": self.env.ref(department).id,
                                 "groups_id": [(6, 0, [self.env.ref("ukkr_debt_plan." + group).id])]})
        self.operator = user("operator", "group_ukkr_operator", "base.main_partner")
        self.housing = user("housing", "group_admin_executor", "ukkr_debt_plan.partner_dept_housing")
        self.legal = user("legal", "group_admin_executor", "ukkr_debt_plan.partner_dept_legal")
        self.control = user("control", "group_admin_control", "ukkr_debt_plan.partner_administration")

    def measure(self, number):
        return self.env.ref("ukkr_debt_plan.measure_%d" % number)

    def make_executions(self, day="2023-03-15"):
        return self.Execution.create_period_executions(day)

    def execution(self, number, day="2023-03-15"):
        self.make_executions(day)
        return self.Execution.search([("measure_id", "=", self.measure(number).id),
                                      ("period_start", "<=", day), ("period_end", ">=", day),
                                      ("kind", "in", ("period", "summary"))])
