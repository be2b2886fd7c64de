"""Payment channels (measure 16): the register and each channel's share of a month's payments."""
from collections import defaultdict

from ..models.ukkr_payment import CHANNELS
from .agreement_common import AgreementCase

PAYMENTS = """Лицевой счет;Дата;Сумма;Документ;Период;Канал
9900000002;05.10.2026;1000;C-1;;bank
9900000002;12.10.2026;500,50;C-2;;online
9900000003;20.10.2026;3000;C-3;;online
9900000001;25.10.2026;99,50;C-4;;cash
9900000002;03.11.2026;700;C-5;;terminal
9900000003;10.11.2026;300;C-6;;terminal
9900000003;15.11.2026;1000;C-7;;post
"""


class TestPaymentChannels(AgreementCase):

    def test_register(self):
        channels = self.env["ukkr.payment.channel"].search([])
        self.assertEqual(sorted(channels.mapped("code")), sorted(code for code, _label in CHANNELS))
        self.assertTrue(all(channels.mapped("name")))
        text = self.env["ukkr.payment.channel"]._how_to_pay_text()
        self.assertIn("лицевого счёта", text)
        self.assertNotIn("ФССП", text, "the bailiffs are not a way the payer chooses")

    def test_shares_equal_an_independent_computation(self):
        """October: 1 000 + 500,50 + 3 000 + 99,50 = 4 600 → bank 1 000 / 4 600 = 21,74 %, online 3 500,50 / 4 600 = 76,10 %, cash 99,50 / 4 600 = 2,16 %;
        November: 700 + 300 + 1 000 = 2 000 → terminal 50 %, post 50 %."""
        self.importer.import_content(PAYMENTS.encode("utf-8"), "payments.csv")
        self.env["ukkr.payment.channel.share"].invalidate_cache()
        rows = self.env["ukkr.payment.channel.share"].search([("month", "in", ("2026-10", "2026-11"))])
        got = {(r.month, r.channel): (r.payment_count, round(r.amount, 2), r.share) for r in rows}
        # independent: the payments themselves, summed in Python
        amounts, counts, months = defaultdict(float), defaultdict(int), defaultdict(float)
        for payment in self.env["ukkr.payment"].search([("date", ">=", "2026-10-01"), ("date", "<=", "2026-11-30")]):
            key = (payment.date[:7], payment.channel)
            amounts[key] += payment.amount
            counts[key] += 1
            months[payment.date[:7]] += payment.amount
        expected = {key: (counts[key], round(amounts[key], 2), round(100 * amounts[key] / months[key[0]], 2))
                    for key in amounts}
        self.assertEqual(got, expected)
        self.assertEqual(got[("2026-10", "online")], (2, 3500.5, 76.1))
        self.assertEqual(got[("2026-10", "bank")], (1, 1000.0, 21.74))
        self.assertEqual(got[("2026-11", "post")], (1, 1000.0, 50.0))
        self.assertAlmostEqual(sum(r.share for r in rows if r.month == "2026-10"), 100.0, delta=0.02)
        self.assertEqual(rows.filtered(lambda r: r.channel == "online").channel_id,
                         self.env.ref("ukkr_collections.payment_channel_online"))
        # the pivot's read_group works on it
        # grouped, a share is of the group without the channel — never a sum of percentages:
        # both months by channel: online (500,50 + 3 000) / 6 600 = 53,04 %, terminal 1 000 / 6 600 = 15,15 %;
        # by month: 100 % each; per month and channel: the rows above
        Share = self.env["ukkr.payment.channel.share"]
        months = [("month", "in", ("2026-10", "2026-11"))]
        by_channel = {g["channel"]: (g["amount"], g["share"], g["count_share"])
                      for g in Share.read_group(months, ["channel", "amount", "share", "count_share"], ["channel"])}
        self.assertEqual(by_channel["online"], (3500.5, 53.04, 28.57))  # 2 of 7 payments
        self.assertEqual(by_channel["terminal"], (1000.0, 15.15, 28.57))
        self.assertAlmostEqual(sum(v[1] for v in by_channel.values()), 100.0, delta=0.03)
        by_month = Share.read_group(months, ["month", "share"], ["month"])
        self.assertEqual([(g["month"], g["share"]) for g in by_month], [("2026-10", 100.0), ("2026-11", 100.0)])
        cells = Share.read_group(months, ["share"], ["month", "channel"], lazy=False)
        self.assertEqual({(g["month"], g["channel"]): g["share"] for g in cells},
                         {key: value[2] for key, value in expected.items()})
        total = Share.read_group(months, ["amount", "share"], [])
        self.assertEqual((total[0]["amount"], total[0]["share"]), (6600.0, 100.0))
        # visible to the administration (aggregates only)
        self.assertEqual(self.env["ukkr.payment.channel.share"].sudo(self.executor).search_count(
            [("month", "=", "2026-11")]), 2)
