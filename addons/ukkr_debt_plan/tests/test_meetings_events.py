from odoo.exceptions import UserError, ValidationError

from .common import PlanCase


class TestMeetingsAndEvents(PlanCase):

    def test_meeting_minutes_decisions_and_figures(self):
        meeting = self.env["ukkr.plan.meeting"].sudo(self.legal).create({
            "name": "Совещание по снижению задолженности", "date": "2023-03-10", "kind": "admin_meeting",
            "measure_id": self.measure(3).id, "participant_count": 9,
            "decision_ids": [(0, 0, {"name": "Подготовить 10 заявлений о выдаче судебных приказов",
                                     "user_id": self.operator.id, "deadline": "2023-03-31"})]})
        with self.assertRaises(UserError):
            meeting.action_hold()  # no minutes yet
        self.assertEqual(meeting.state, "planned")
        meeting.minutes = "<p>Заслушали директора МУП «УККР». Решили: …</p>"
        meeting.action_hold()
        self.assertEqual(meeting.state, "held")
        decision = meeting.decision_ids
        self.assertTrue(decision.activity_id)
        self.assertEqual((decision.activity_id.user_id, decision.activity_id.date_deadline),
                         (self.operator, "2023-03-31"))
        # the measure-3 execution of March counts the held meeting: no double entry
        execution = self.execution(3, "2023-03-15")
        self.assertEqual(execution.action_count, 1)
        self.assertEqual(self.execution(3, "2023-04-15").action_count, 0)
        with self.assertRaises(ValidationError):
            with self.env.cr.savepoint():
                meeting.write({"decision_ids": [(0, 0, {"name": "задним числом", "user_id": self.operator.id,
                                                        "deadline": "2023-03-01"})]})

    def test_house_council_counts_for_measure_8(self):
        values = {"name": "Встреча с советом дома", "date": "2023-03-05", "kind": "house_council",
                  "measure_id": self.measure(8).id, "address": "ул. Ленина, д. 21", "minutes": "<p>Протокол</p>"}
        if "building_ids" in self.env["ukkr.plan.meeting"]._fields:   # with ukkr_collections: the building named
            settlement = self.env["ukkr.settlement"].create({"name": "гп Тестовый"})
            values["building_ids"] = [(0, 0, {"settlement_id": settlement.id, "street": "ул. Ленина", "house": "21"})]
        self.env["ukkr.plan.meeting"].sudo(self.operator).create(values).action_hold()
        self.assertEqual(self.execution(8, "2023-03-15").action_count, 1)

    def test_information_events(self):
        Event = self.env["ukkr.plan.info.event"].sudo(self.legal)
        with self.assertRaises(ValidationError):
            with self.env.cr.savepoint():
                Event.create({"name": "Письмо", "date": "2023-02-01", "kind": "letter_employer",
                              "channel": "letter", "measure_id": self.measure(7).id})
        employer = self.env["res.partner"].create({"name": "АО «Золото Северной тайги»", "is_company": True})
        Event.create({"name": "Письмо о задолженности работников", "date": "2023-02-01", "kind": "letter_employer",
                      "channel": "letter", "measure_id": self.measure(7).id, "employer_partner_id": employer.id})
        with self.assertRaises(ValidationError):
            with self.env.cr.savepoint():
                Event.create({"name": "Листовки", "date": "2023-02-01", "kind": "leaflet", "channel": "leaflet",
                              "measure_id": self.measure(6).id, "audience_size": -5})
        self.assertEqual(self.execution(7, "2023-02-15").action_count, 1, "Q1 execution of measure 7 counts it")
