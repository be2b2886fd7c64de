"""The December 2026 verification (LEGAL_RULES.md, last section) as dated rule records, on worked examples derived
by hand.

- Arbitration court order (НК 333.21 п.1 пп.2, 259-ФЗ): half the claim duty, not less than 8 000 — 40 000 claimed:
  claim duty 10 000, half 5 000 → 8 000.
- General courts above 24 M (НК 333.19): 30 M → 136 000 + 0,3 % × 6 M = 154 000; 75 M → 214 000 + 0,2 % × 25 M =
  264 000; 200 M → 314 000 + 0,15 % × 100 M = 464 000; a court order for 30 M: 77 000.
- Key rate: 16 % from 22.12.2025, 15,5 % from 16.02.2026; later decisions come from the Bank of Russia's file.
- Period 2026-02: due on the 15th of March, a Sunday → Monday 16.03.2026. A tranche of 10 000: day 1 = 17.03, day 31
  = 16.04.2026, so on 16.04 one day at 1/300 of 9,5 % (the cap) = 10 000 × 9,5 % / 300 = 3,1666… → 3,17 (with the
  10th the day would be the 37th: 7 days → 22,17).
- Before 01.03.2026 a management contract could set the due day: a building's record (the 20th) gives 20.06.2025
  (Friday) for period 2025-05 instead of Tuesday 10.06.2025; an account's own record (the 25th) wins over its
  building's: Wednesday 25.06.2025. From period 2026-02 the law's day applies to everyone.
- Managing organisations / ТСЖ (190-ФЗ ст.15 ч.9.3): 100 000 due Wed 15.04.2026, calculated on day 100 (24.07.2026),
  rate 9,5 % (the cap): days 31–60 9 500 × 30/300 = 950; days 61–90 9 500 × 30/170 = 1 676,470588; days 91–100
  9 500 × 10/130 = 730,769231; total 3 357,239819 → 3 357,24. Other legal entities 1/130 from day 1: 9 500 × 100/130
  = 7 307,69; individuals 9 500 × (60/300 + 10/130) = 2 630,77.
- The cap ends 31.12.2026: 13 000 owed by a legal entity, due 29.12.2026: on 31.12.2026 two days at the capped 9,5 %:
  13 000 × 9,5 % × 2/130 = 19,00; on 02.01.2027 the rate of the calculation day is no longer capped (15,5 %) and
  applies to all four days: 13 000 × 15,5 % × 4/130 = 62,00.
"""
import base64
import io
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .agreement_common import AgreementCase


def cbr_xml(rows):
    """The answer of the Bank of Russia's DailyInfo web service (KeyRateXML) for daily ``rows`` [(date, rate)]."""
    body = "".join("<KR><DT>%sT00:00:00+03:00</DT><Rate>%.2f</Rate></KR>" % (day.isoformat(), rate)
                   for day, rate in rows)
    return ('<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/'
            'envelope/"><soap:Body><KeyRateXMLResponse xmlns="http://web.cbr.ru/"><KeyRateXMLResult>'
            '<KeyRate xmlns="">%s</KeyRate></KeyRateXMLResult></KeyRateXMLResponse></soap:Body></soap:Envelope>'
            % body).encode("utf-8")


def working_days(first, last):
    day, result = first, []
    while day <= last:
        if day.weekday() < 5:
            result.append(day)
        day = date.fromordinal(day.toordinal() + 1)
    return result


class TestRuleCorrections(AgreementCase):

    def setUp(self):
        super().setUp()
        self.rules = self.env["ukkr.rules"]
        self.KeyRate = self.env["ukkr.rule.key.rate"]

    # ------------------------------------------------------------------ state duty
    def test_arbitration_court_order_minimum(self):
        scale = self.env.ref("ukkr_collections.state_duty_arbitration_2024")
        self.assertEqual(scale.order_minimum, 8000.0)
        self.assertIn("8 000", scale.source)
        self.assertEqual(self.rules.state_duty(40000, "claim", "2026-12-06", "arbitration"), 10000)
        self.assertEqual(self.rules.state_duty(40000, "court_order", "2026-12-06", "arbitration"), 8000)
        # general courts have no such minimum: 40 000 → 4 000 / 2 = 2 000
        self.assertEqual(self.rules.state_duty(40000, "court_order", "2026-12-06"), 2000)
        with self.assertRaises(ValidationError):
            with self.env.cr.savepoint():
                scale.order_minimum = -1

    def test_general_bands_above_24_million(self):
        for amount, claim, order in ((30000000, 154000, 77000), (75000000, 264000, 132000),
                                     (200000000, 464000, 232000)):
            self.assertEqual(self.rules.state_duty(amount, "claim", "2026-12-06"), claim)
            self.assertEqual(self.rules.state_duty(amount, "court_order", "2026-12-06"), order)
        bands = self.env.ref("ukkr_collections.state_duty_general_2024").band_ids.filtered(
            lambda b: b.lower >= 24000000)
        self.assertEqual(bands.mapped("confidence"), ["medium"] * 3)

    # ------------------------------------------------------------------ key rates
    def test_key_rate_2026(self):
        self.assertEqual(self.rules.key_rate("2026-02-15"), 16.0)
        self.assertEqual(self.rules.key_rate("2026-02-16"), 15.5)
        self.assertEqual(self.env.ref("ukkr_collections.key_rate_20260216").confidence, "high")

    def rates(self):
        return [(r.date_from, r.rate, r.confidence) for r in self.KeyRate.search([("date_from", ">=", "2026-01-01")],
                                                                                 order="date_from")]

    def test_load_bank_of_russia_file(self):
        """Daily rates 02.03–31.03.2026 (working days): 15,5 % until Friday 20.03, 15 % from Monday 23.03. A rate
        typed by hand on 24.03 (wrong day) is removed; one typed on 23.03 with 14,9 % is corrected."""
        rows = [(day, 15.5 if day < date(2026, 3, 23) else 15.0)
                for day in working_days(date(2026, 3, 2), date(2026, 3, 31))]
        self.KeyRate.create({"date_from": "2026-03-24", "rate": 15.0, "source": "typed", "confidence": "medium"})
        before = self.rates()
        # dry run: the changes are reported, nothing is written
        result = self.KeyRate.sudo(self.manager).load_bank_file(cbr_xml(rows), "KeyRate.xml", dry_run=True)
        self.assertEqual((result["days"], result["changes"], result["created"], result["removed"]),
                         (22, [(date(2026, 3, 23), 15.0)], [(date(2026, 3, 23), 15.0)], [(date(2026, 3, 24), 15.0)]))
        self.assertEqual(self.rates(), before)
        # the lawyer reads the rules but cannot change them
        with self.assertRaises(AccessError):
            self.KeyRate.sudo(self.lawyer).load_bank_file(cbr_xml(rows), "KeyRate.xml")
        self.assertEqual(self.rates(), before)
        self.KeyRate.sudo(self.manager).load_bank_file(cbr_xml(rows), "KeyRate.xml")
        self.assertEqual(self.rates(), [("2026-02-16", 15.5, "high"), ("2026-03-23", 15.0, "high")])
        self.assertIn("KeyRate.xml", self.KeyRate.search([("date_from", "=", "2026-03-23")]).source)
        self.assertEqual(self.rules.key_rate("2026-03-22"), 15.5)
        self.assertEqual(self.rules.key_rate("2026-03-23"), 15.0)
        # loading the same file again changes nothing; a corrected value is put right
        self.KeyRate.search([("date_from", "=", "2026-03-23")]).rate = 14.9
        again = self.KeyRate.load_bank_file(cbr_xml(rows), "KeyRate.xml")
        self.assertEqual((again["created"], again["updated"], again["removed"]),
                         ([], [(date(2026, 3, 23), 14.9, 15.0)], []))
        self.assertEqual(self.rules.key_rate("2026-03-23"), 15.0)

    def test_load_bank_of_russia_xlsx_and_bad_files(self):
        import openpyxl
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["Ключевая ставка Банка России"])
        sheet.append(["Дата", "Ставка"])
        for day in working_days(date(2026, 4, 20), date(2026, 4, 30)):
            sheet.append([day.strftime("%d.%m.%Y"), "14,50" if day >= date(2026, 4, 27) else "15,00"])
        stream = io.BytesIO()
        book.save(stream)
        self.KeyRate.create({"date_from": "2026-03-23", "rate": 15.0, "source": "test"})
        wizard = self.env["ukkr.key.rate.load.wizard"].sudo(self.manager).create({
            "file": base64.b64encode(stream.getvalue()), "filename": "KeyRate.xlsx", "dry_run": False})
        wizard.action_load()
        self.assertIn("27.04.2026", wizard.result)
        self.assertEqual(self.rules.key_rate("2026-04-27"), 14.5)
        self.assertEqual(self.rules.key_rate("2026-04-26"), 15.0)
        before = self.rates()
        for content, name, message in ((b"", "KeyRate.xml", "no key rate|нет ключевой"),
                                       (b"<a><b/></a>", "KeyRate.xml", "no key rate|нет ключевой"),
                                       ("Дата;Ставка\n01.05.2026;abc\n".encode("utf-8"), "k.csv",
                                        "Row 2|Строка 2"),
                                       ("Day;Value\n01.05.2026;14\n".encode("utf-8"), "k.csv", "«Дата»"),
                                       ("Дата;Ставка\n01.05.2026;14\n01.05.2026;14\n".encode("utf-8"), "k.csv",
                                        "twice|дважды"),
                                       (b"PK\x03\x04broken", "k.xlsx", "not a key-rate|не файл"),
                                       (b"%PDF", "k.pdf", "not a key-rate|не файл")):
            with self.assertRaisesRegex(UserError, message, msg=name):
                self.KeyRate.sudo(self.manager).load_bank_file(content, name)
        self.assertEqual(self.rates(), before)

    # ------------------------------------------------------------------ due dates
    def test_due_date_of_february_2026(self):
        self.assertEqual(self.rules.due_date("2026-02"), date(2026, 3, 16))
        record = self.env.ref("ukkr_collections.due_day_2026_02")
        self.assertEqual((record.day, record.confidence), (15, "medium"))
        self.assertIn("9202-ДН/04", record.source)
        self.assertEqual(self.rules.penalty(10000, date(2026, 3, 16), "2026-04-15"), 0.0)   # day 30
        self.assertEqual(self.rules.penalty(10000, date(2026, 3, 16), "2026-04-16"), 3.17)  # day 31
        self.assertEqual(self.rules.penalty(10000, date(2026, 3, 10), "2026-04-16"), 22.17)  # if due on the 10th

    def test_due_day_of_a_building_or_contract(self):
        DueDay = self.env["ukkr.rule.due.day"]
        a1, a2, a3 = self.account["1"], self.account["2"], self.account["3"]   # 1 and 2: ул. Южная, 4
        with today_is("2026-11-26"):
            self.importer.import_content("account;period;service;accrued;norm_charge\n"
                                         "9900000001;2025-05;heating;1000;\n9900000003;2025-05;heating;1000;\n"
                                         .encode("utf-8"), "accruals.csv")
        building = DueDay.sudo(self.manager).create({
            "period_from": "2024-01", "day": 20, "building_id": a1.building_id.id,
            "source": "Договор управления МКД п. Тея, ул. Южная, 4, п.4.2"})
        self.assertEqual(self.rules.due_date("2025-05", account=a1), date(2025, 6, 20))
        self.assertEqual(self.rules.due_date("2025-05", account=a2), date(2025, 6, 20))
        self.assertEqual(self.rules.due_date("2025-05", account=a3), date(2025, 6, 10))
        self.assertEqual(self.rules.due_date("2025-05"), date(2025, 6, 10))
        self.assertEqual(self.rules.due_date("2026-01", account=a1), date(2026, 2, 20))
        self.assertEqual(self.rules.due_date("2026-02", account=a1), date(2026, 3, 16))   # the law's day now
        own = DueDay.sudo(self.manager).create({"period_from": "2025-01", "period_to": "2025-12", "day": 25,
                                                "account_id": a1.id, "source": "Договор с нанимателем"})
        self.assertEqual(self.rules.due_date("2025-05", account=a1), date(2025, 6, 25))
        self.assertEqual(self.rules.due_date("2024-05", account=a1), date(2024, 6, 20))
        # every path reads the same date: the account's tranches, the SQL view, the limitation expiry
        tranche = [t for t in a1.debt_tranches(date(2026, 11, 26)) if t["period"] == "2025-05"][0]
        self.assertEqual((tranche["due_date"], tranche["limitation_expiry"]), (date(2025, 6, 25), date(2028, 6, 26)))
        view = self.env["ukkr.debt.tranche"].search([("account_id", "=", a1.id), ("period", "=", "2025-05")])
        self.assertEqual((view.due_date, view.limitation_expiry), ("2025-06-25", "2028-06-26"))
        other = self.env["ukkr.debt.tranche"].search([("account_id", "=", a3.id), ("period", "=", "2025-05")])
        self.assertEqual(other.due_date, "2025-06-10")
        self.assertEqual(tranche["penalty"], self.rules.penalty(1000, date(2025, 6, 25), date(2026, 11, 26)))
        # refused: a contract day where the law sets it, overlaps, both building and account, a manager's right
        bad = [({"period_from": "2026-02", "day": 20, "building_id": a3.building_id.id}, "155"),
               ({"period_from": "2025-06", "day": 5, "building_id": a1.building_id.id}, "same periods|те же"),
               ({"period_from": "2023-01", "day": 5, "building_id": a1.building_id.id, "account_id": a1.id},
                "not both|не для"),
               ({"period_from": "2015-01", "day": 5}, "already|уже")]
        count = DueDay.search_count([])
        for values, message in bad:
            with self.assertRaisesRegex(ValidationError, message), self.env.cr.savepoint():
                DueDay.create(dict(values, source="test"))
        with self.assertRaises(AccessError):
            DueDay.sudo(self.lawyer).create({"period_from": "2023-01", "day": 5, "account_id": a3.id,
                                             "source": "test"})
        self.assertEqual(DueDay.search_count([]), count)
        (own | building).unlink()
        view.invalidate_cache()
        self.assertEqual(self.env["ukkr.debt.tranche"].search([("account_id", "=", a1.id),
                                                               ("period", "=", "2025-05")]).due_date, "2025-06-10")

    # ------------------------------------------------------------------ penalty bands and cap
    def test_managing_organisation_bands(self):
        due, day_100 = "2026-04-15", "2026-07-24"
        self.assertEqual(self.rules.penalty(100000, due, day_100, payer_kind="managing"), 3357.24)
        self.assertEqual(self.rules.penalty(100000, due, day_100, payer_kind="legal"), 7307.69)
        self.assertEqual(self.rules.penalty(100000, due, day_100, payer_kind="individual"), 2630.77)
        self.assertEqual(self.rules.penalty(100000, due, "2026-05-15", payer_kind="managing"), 0.0)   # day 30
        # the account of a legal entity marked as a resource buyer gets these bands everywhere
        account = self.account["3"]
        with today_is("2026-11-26"):
            legal = account.debt_tranches(date(2026, 11, 26))[0]["penalty"]
            account.resource_buyer = True
            managing = account.debt_tranches(date(2026, 11, 26))[0]["penalty"]
        self.assertEqual(managing, self.rules.penalty(5000, date(2023, 10, 10), date(2026, 11, 26),
                                                      payer_kind="managing"))
        self.assertLess(managing, legal)
        with self.assertRaisesRegex(ValidationError, "legal entity|юридическ"):
            self.account["1"].resource_buyer = True
        # bands are dated by the due date: none of the managing kind for debts due before 2016
        with self.assertRaisesRegex(UserError, "managing"):
            self.rules.penalty(1000, "2015-06-10", "2015-12-01", payer_kind="managing")

    def test_cap_ends_31_12_2026(self):
        cap = self.env.ref("ukkr_collections.cap_2023_2026")
        self.assertEqual(cap.date_to, "2026-12-31")
        self.assertEqual(self.rules.penalty(13000, "2026-12-29", "2026-12-31", payer_kind="legal"), 19.0)
        self.assertEqual(self.rules.penalty(13000, "2026-12-29", "2027-01-02", payer_kind="legal"), 62.0)

    # ------------------------------------------------------------------ a database installed before the verification
    def test_corrections_of_an_older_database(self):
        scale = self.env.ref("ukkr_collections.state_duty_arbitration_2024")
        february = self.env.ref("ukkr_collections.due_day_2026_02")
        law = self.env.ref("ukkr_collections.due_day_2015")
        band = self.env.ref("ukkr_collections.state_duty_general_2024_band_9")
        scale.order_minimum = 0
        february.write({"day": 10, "confidence": "unconfirmed"})
        law.contract_day_allowed = False
        band.confidence = "unconfirmed"
        self.assertEqual(self.rules.state_duty(40000, "court_order", "2026-12-06", "arbitration"), 5000)
        self.assertEqual(self.rules.due_date("2026-02"), date(2026, 3, 10))
        applied = self.rules._apply_december_2026_corrections()
        self.assertEqual(set(applied), {"state_duty_arbitration_2024", "due_day_2026_02", "due_day_2015",
                                        "state_duty_general_2024_band_9"})
        self.assertEqual(self.rules.state_duty(40000, "court_order", "2026-12-06", "arbitration"), 8000)
        self.assertEqual(self.rules.due_date("2026-02"), date(2026, 3, 16))
        self.assertEqual(self.rules._apply_december_2026_corrections(), [])
        # a value an administrator chose is kept
        scale.order_minimum = 7000
        self.rules._apply_december_2026_corrections()
        self.assertEqual(scale.order_minimum, 7000)
