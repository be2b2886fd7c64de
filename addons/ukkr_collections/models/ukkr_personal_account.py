from datetime import date

from odoo import fields, models

from .selections import PAYER_KINDS

BUCKETS = [("current", "Not overdue"), ("1_3", "1–3 months"), ("3_6", "3–6 months"), ("6_12", "6–12 months"),
           ("12_36", "1–3 years"), ("barred", "Time-barred")]


def aging_bucket(days_overdue, time_barred):
    """Aging bucket of a tranche from its days overdue (a month counted as 30 days)."""
    if time_barred:
        return "barred"
    for limit, bucket in ((0, "current"), (90, "1_3"), (180, "3_6"), (365, "6_12")):
        if days_overdue <= limit:
            return bucket
    return "12_36"


TENURES = [("owner", "Owner"), ("social", "Social tenancy"), ("commercial", "Commercial tenancy"),
           ("nonresidential", "Non-residential")]


class UkkrPersonalAccount(models.Model):
    """Лицевой счёт: one payer's account for one set of premises."""
    _name = "ukkr.personal.account"
    _description = "Personal account"
    _inherit = ["mail.thread"]
    _order = "name"

    name = fields.Char("Account number", required=True, index=True, track_visibility="onchange")
    building_id = fields.Many2one("ukkr.building", "Building", required=True, ondelete="restrict", index=True)
    settlement_id = fields.Many2one(related="building_id.settlement_id", string="Settlement", store=True,
                                    readonly=True)
    apartment = fields.Char("Apartment / premises")
    partner_id = fields.Many2one("res.partner", "Payer", required=True, ondelete="restrict", index=True,
                                 track_visibility="onchange")
    payer_kind = fields.Selection(PAYER_KINDS, "Payer kind", required=True, default="individual",
                                  track_visibility="onchange")
    tenure = fields.Selection(TENURES, "Tenure", required=True, default="owner", track_visibility="onchange")
    is_municipal = fields.Boolean("Municipal housing", track_visibility="onchange")
    residents = fields.Integer("Residents")
    area = fields.Float("Area, m²", digits=(10, 1))
    phone = fields.Char("Phone")
    email = fields.Char("E-mail")
    state = fields.Selection([("active", "Active"), ("closed", "Closed")], "Status", default="active",
                             required=True, track_visibility="onchange")
    service_ids = fields.One2many("ukkr.account.service", "account_id", "Services")

    _sql_constraints = [("name_uniq", "unique(name)", "A personal account number is used only once.")]

    # ------------------------------------------------------------------ the debt by tranche
    def debt_tranches(self, as_of_date=None):
        """This account's debt by monthly tranche as of a date: list of dicts with ``period``, ``charged``,
        ``principal`` (unpaid), ``due_date``, ``days_overdue``, ``limitation_expiry``, ``penalty``, ``bucket``.

        Only payments dated up to ``as_of_date`` count. A tranche is listed while principal or penalty is owed.
        """
        self.ensure_one()
        rules = self.env["ukkr.rules"]
        as_of = fields.Date.from_string(as_of_date or fields.Date.context_today(self)) \
            if not isinstance(as_of_date, date) else as_of_date
        cr = self.env.cr
        cr.execute("""SELECT period, sum(accrued + correction - written_off) FROM ukkr_ledger_line
                      WHERE account_id = %s GROUP BY period ORDER BY period""", (self.id,))
        charged = cr.fetchall()
        cr.execute("""SELECT period, date, sum(amount) FROM ukkr_payment_allocation
                      WHERE account_id = %s AND date <= %s GROUP BY period, date ORDER BY date""", (self.id, as_of))
        payments = {}
        for period, pay_date, amount in cr.fetchall():
            payments.setdefault(period, []).append((fields.Date.from_string(pay_date), amount))
        calendar_ = rules._calendar()
        result = []
        for period, amount in charged:
            if amount <= 0:
                continue
            paid = round(sum(a for _d, a in payments.get(period, [])), 2)
            principal = round(amount - paid, 2)
            due = rules.due_date(period, calendar_)
            penalty = rules.penalty(amount, due, as_of, payments.get(period, []), self.payer_kind) \
                if as_of > due else 0.0
            if principal <= 0 and not penalty:
                continue
            days = max((as_of - due).days, 0)
            expiry = rules.limitation_expiry(due)
            result.append({"period": period, "charged": round(amount, 2), "principal": max(principal, 0.0),
                           "due_date": due, "days_overdue": days, "limitation_expiry": expiry,
                           "penalty": penalty, "bucket": aging_bucket(days, as_of > expiry)})
        return result
