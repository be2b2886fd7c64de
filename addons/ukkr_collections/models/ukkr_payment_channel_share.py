from odoo import fields, models, tools

from .ukkr_payment import CHANNELS


class UkkrPaymentChannelShare(models.Model):
    """Payments by month and channel with each channel's share of the month (a database view over the ledger).

    share = the channel's amount / all payments of the month × 100; count_share likewise for the number of
    payments. In a pivot, a month's shares add up to 100.
    """
    _name = "ukkr.payment.channel.share"
    _description = "Payments by channel"
    _auto = False
    _order = "month desc, channel"
    _rec_name = "month"

    month = fields.Char("Month", readonly=True)
    date = fields.Date("Month start", readonly=True)
    channel = fields.Selection(CHANNELS, "Channel", readonly=True)
    channel_id = fields.Many2one("ukkr.payment.channel", "Channel (register)", readonly=True)
    payment_count = fields.Integer("Payments", readonly=True)
    amount = fields.Float("Amount", digits=(16, 2), readonly=True)
    share = fields.Float("Share of the amount, %", digits=(5, 2), readonly=True)
    count_share = fields.Float("Share of payments, %", digits=(5, 2), readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW ukkr_payment_channel_share AS (
                WITH m AS (
                    SELECT to_char(date, 'YYYY-MM') AS month, channel, count(*) AS payment_count,
                           sum(amount) AS amount
                    FROM ukkr_payment GROUP BY 1, 2)
                SELECT row_number() OVER (ORDER BY m.month, m.channel)::int AS id, m.month,
                       to_date(m.month || '-01', 'YYYY-MM-DD') AS date, m.channel, c.id AS channel_id,
                       m.payment_count, round(m.amount::numeric, 2)::float AS amount,
                       round((100 * m.amount / nullif(sum(m.amount) OVER (PARTITION BY m.month), 0))::numeric,
                             2)::float AS share,
                       round((100.0 * m.payment_count / sum(m.payment_count) OVER (PARTITION BY m.month))::numeric,
                             2)::float AS count_share
                FROM m LEFT JOIN ukkr_payment_channel c ON c.code = m.channel
            )""")
