"""Measures 3 and 8: the minutes of a meeting print with who took part and the decisions; a house council meeting
names its building(s) — it cannot be marked held without them — and the building lists its council meetings."""
from odoo.exceptions import UserError
from odoo.tests.common import TransactionCase

from .test_billing_import import ACCOUNTS


class TestMeetingMinutes(TransactionCase):

    def setUp(self):
        super().setUp()
        self.env["ukkr.billing.import"].import_content(ACCOUNTS.encode("utf-8"), "accounts.csv")
        self.building = self.env["ukkr.personal.account"].search([("name", "=", "9900000001")]).building_id
        Users = self.env["res.users"].with_context(no_reset_password=True)
        self.operator = Users.create({"name": "Иванова Мария", "login": "t_minutes_op", "lang": False,
                                      "groups_id": [(6, 0, [self.env.ref("ukkr_debt_plan.group_ukkr_operator").id])]})
        self.executor = Users.create({"name": "Соколова Анна", "login": "t_minutes_ex", "lang": False,
                                      "groups_id": [(6, 0, [self.env.ref("ukkr_debt_plan.group_admin_executor").id])]})
        self.Meeting = self.env["ukkr.plan.meeting"]

    def test_house_council_names_its_buildings(self):
        meeting = self.Meeting.sudo(self.operator).create({
            "name": "Встреча с советом дома", "kind": "house_council", "date": "2026-11-10",
            "measure_id": self.env.ref("ukkr_debt_plan.measure_8").id, "participant_count": 7,
            "minutes": "<p>Обсудили должников подъезда № 2.</p>"})
        with self.assertRaisesRegex(UserError, "building"):
            meeting.action_hold()
        self.assertEqual(meeting.state, "planned")
        meeting.building_ids = self.building
        meeting.action_hold()
        self.assertEqual(meeting.state, "held")
        self.assertEqual((self.building.council_meeting_ids, self.building.council_meeting_count), (meeting, 1))
        html = self.env.ref("ukkr_debt_plan.report_meeting_minutes").render_qweb_html(meeting.ids)[0].decode()
        self.assertIn("встречи с советом дома", html)
        self.assertIn(self.building.name, html)
        self.assertIn("всего участников", html)

    def test_minutes_of_an_administration_meeting(self):
        participant = self.env["res.partner"].create({"name": "Гайнутдинов А. Н."})
        meeting = self.Meeting.sudo(self.executor).create({
            "name": "Совещание по задолженности за ноябрь", "kind": "admin_meeting", "date": "2026-11-12",
            "location": "Администрация района, каб. 12", "participant_ids": [(6, 0, participant.ids)],
            "minutes": "<p>Рассмотрены крупные должники.</p>",
            "decision_ids": [(0, 0, {"name": "Подать 10 заявлений о выдаче судебного приказа",
                                     "user_id": self.operator.id, "deadline": "2026-11-30"})]})
        meeting.action_hold()
        html = self.env.ref("ukkr_debt_plan.report_meeting_minutes").sudo(self.executor).render_qweb_html(
            meeting.ids)[0].decode()
        for text in ("ПРОТОКОЛ", "совещания по снижению задолженности", "12.11.2026", "Гайнутдинов А. Н.",
                     "Рассмотрены крупные должники", "Подать 10 заявлений", "Иванова Мария", "30.11.2026",
                     "Администрация района, каб. 12"):
            self.assertIn(text, html)
