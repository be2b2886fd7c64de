from .common import PlanCase, today_is


class TestExecutionCron(PlanCase):

    def test_one_record_per_measure_and_period_once(self):
        created = self.make_executions("2023-03-15")
        # every one of the 29 measures gets exactly one record for March 2023 (quarterly ones: for Q1)
        self.assertEqual(len(created), 29)
        self.assertEqual(len(created.mapped("measure_id")), 29)
        self.assertFalse(self.make_executions("2023-03-15"), "re-running the scheduled action creates nothing")
        self.assertFalse(self.make_executions("2023-03-31"), "the same period on another day creates nothing")
        # a new month: the 25 monthly-counted records again, the 4 quarterly ones still belong to Q1
        april = self.make_executions("2023-04-02")
        self.assertEqual(len(april), 29, "April opens Q2 as well: 25 monthly + 4 quarterly")
        may = self.make_executions("2023-05-02")
        self.assertEqual(len(may), 25)
        self.assertEqual(set(may.mapped("measure_id.periodicity")) & {"quarterly"}, set())

    def test_periods_kinds_and_deadlines(self):
        self.make_executions("2023-02-10")
        def rec(number):
            return self.Execution.search([("measure_id", "=", self.measure(number).id)])
        monitoring = rec(1)
        self.assertEqual((monitoring.kind, monitoring.period_start, monitoring.period_end, monitoring.deadline),
                         ("period", "2023-02-01", "2023-02-28", "2023-02-28"))
        self.assertEqual(monitoring.period_label, "февраль 2023")
        report = rec(5)  # «ежемесячно, в срок до 01 числа»: February's report is due on 1 March
        self.assertEqual(report.deadline, "2023-03-01")
        letters = rec(7)  # quarterly
        self.assertEqual((letters.period_start, letters.period_end, letters.deadline, letters.period_label),
                         ("2023-01-01", "2023-03-31", "2023-03-31", "I квартал 2023"))
        filings = rec(18)  # permanent with a monthly target: a monthly summary
        self.assertEqual((filings.kind, filings.target_qty), ("summary", 10))
        self.assertEqual(rec(22).kind, "summary")

    def test_nothing_outside_the_plan_period_or_without_a_plan_in_force(self):
        self.assertFalse(self.make_executions("2024-02-01"), "the plan of 2632-р runs to 31.12.2023")
        self.plan._transition({"state": "draft"})
        self.assertFalse(self.make_executions("2023-02-01"))

    def test_responsible_users_get_an_activity(self):
        self.measure(21).responsible_user_ids = self.operator
        created = self.make_executions("2023-06-05")
        report = created.filtered(lambda r: r.measure_id.number == 21)
        self.assertEqual(report.activity_ids.mapped("user_id"), self.operator)
        self.assertEqual(report.activity_ids.date_deadline, "2023-06-30")

    def test_scheduled_action_runs_for_today(self):
        cron = self.env.ref("ukkr_debt_plan.cron_create_period_executions")
        with today_is("2023-07-12"):
            cron.method_direct_trigger()
            cron.method_direct_trigger()
        self.assertEqual(self.Execution.search_count([("period_start", "=", "2023-07-01")]), 29)

    def test_overdue_around_the_deadline(self):
        execution = self.execution(1, "2023-03-15")  # deadline 31.03.2023
        for day, expected in (("2023-03-30", False), ("2023-03-31", False), ("2023-04-01", True)):
            with today_is(day):
                execution.invalidate_cache()
                self.assertEqual(execution.is_overdue, expected, "on %s" % day)
                found = self.Execution.search([("is_overdue", "=", True), ("id", "=", execution.id)])
                self.assertEqual(bool(found), expected)
                not_found = self.Execution.search([("is_overdue", "=", False), ("id", "=", execution.id)])
                self.assertEqual(bool(not_found), not expected)
        execution.evidence_note = "Мониторинг проведён, справка приложена"
        with today_is("2023-04-03"):
            execution.sudo(self.operator).action_submit()
            execution.invalidate_cache()
            self.assertFalse(execution.is_overdue, "a submitted execution is not overdue")
            self.assertTrue(execution.submitted_late)
