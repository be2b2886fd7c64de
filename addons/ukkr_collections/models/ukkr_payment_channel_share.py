from odoo import api, fields, models, tools

from .ukkr_payment import CHANNELS


class UkkrPaymentChannelShare(models.Model):
    """Payments by month and channel with each channel's share of the month (a database view over the ledger).

    share = the channel's amount / all payments of the month × 100; count_share likewise for the number of
    payments. Grouped (pivot, graph), a group's share is its amount over the amount of all channels in the same
    group without the channel: a month's row adds up to 100, and the «total» row gives each channel's share of
    the whole selection — never a sum of percentages.
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

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        shares = [name for name in ("share", "count_share") if any(f.split(":")[0] == name for f in fields)]
        if not shares:
            return super().read_group(domain, fields, groupby, offset=offset, limit=limit, orderby=orderby,
                                      lazy=lazy)
        groupby = [groupby] if isinstance(groupby, str) else list(groupby or [])
        used = groupby[:1] if lazy else groupby
        fields = list(fields) + ["amount", "payment_count"] + [g.split(":")[0] for g in used]
        result = super().read_group(domain, fields, groupby, offset=offset, limit=limit, orderby=orderby,
                                    lazy=lazy)
        keys = [g for g in used if g.split(":")[0] not in ("channel", "channel_id")]

        def key(row):
            return tuple(row[k][0] if isinstance(row.get(k), (list, tuple)) else row.get(k) for k in keys)
        totals = {key(row): row for row in super().read_group(domain, keys + ["amount", "payment_count"], keys,
                                                               lazy=False)}
        for row in result:
            total = totals.get(key(row))
            for share, measure in (("share", "amount"), ("count_share", "payment_count")):
                whole = total and total[measure]
                row[share] = round(100.0 * (row[measure] or 0) / whole, 2) if whole else 0.0
        return result
