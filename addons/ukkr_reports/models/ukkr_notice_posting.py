from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ukkr_collections.models.ukkr_personal_account import rub

ENTRANCE_NOTICE_MEASURE = 11  # «Размещение в подъездах информации о задолженности по дому …»


class UkkrNoticePosting(models.Model):
    """An entrance notice posted in a building (measure 11): which building, when, by whom, with a photo of the
    notice on the board; the figures printed (the building's overdue debt of the closed month and its debtor
    premises) are kept as they were on that day. Each posting counts for measure 11 of its month; «оплачено после
    меры» is what the building's accounts paid after the first posting of the period."""
    _name = "ukkr.notice.posting"
    _inherit = ["ukkr.measure.action", "mail.thread"]
    _description = "Entrance notice posting"
    _order = "date desc, id desc"
    _measure_number = ENTRANCE_NOTICE_MEASURE

    building_id = fields.Many2one("ukkr.building", "Building", required=True, ondelete="restrict", index=True)
    settlement_id = fields.Many2one(related="building_id.settlement_id", string="Settlement", store=True,
                                    readonly=True)
    date = fields.Date("Posted on", required=True, index=True, default=lambda self: fields.Date.context_today(self))
    user_id = fields.Many2one("res.users", "Posted by", required=True, default=lambda self: self.env.user)
    entrances = fields.Integer("Entrances", default=1, help="How many entrances (boards) got the notice.")
    photo = fields.Binary("Photo of the posted notice", attachment=True)
    photo_filename = fields.Char("Photo file name")
    period = fields.Char("Figures of the month", size=7, readonly=True,
                         help="The closed month whose figures the notice printed.")
    overdue_total = fields.Float("Overdue debt printed, RUB", digits=(14, 2), readonly=True)
    debtor_count = fields.Integer("Debtor premises printed", readonly=True)
    listed_apartments = fields.Boolean("Apartments listed", readonly=True,
                                       help="Apartment numbers with amounts were printed (the building has at least "
                                            "the configured number of apartments); otherwise the total only.")
    note = fields.Text("Note")

    @api.constrains("date", "entrances")
    def _check_posting(self):
        today = fields.Date.context_today(self)
        for posting in self:
            if posting.date > today:
                raise ValidationError(_("A posting cannot be dated in the future."))
            if posting.entrances < 1:
                raise ValidationError(_("A notice is posted in at least one entrance."))

    @api.model
    def create(self, vals):
        """The figures of the notice as printed for the posting's day: the latest month closed by then."""
        vals = dict(vals)
        if vals.get("building_id"):
            vals.update(self._printed_figures(vals["building_id"], vals.get("date")
                                              or fields.Date.context_today(self)))
        return super().create(vals)

    @api.model
    def _printed_figures(self, building_id, day):
        Notice = self.env["report.ukkr_reports.building_debt_notice_document"].sudo()
        self.env.cr.execute("SELECT max(period) FROM ukkr_monthly_close WHERE state = 'closed' AND period < %s",
                            (str(day)[:7],))
        period = self.env.cr.fetchone()[0]
        if not period:
            raise UserError(_("No month before %s is closed: the entrance notice prints the debt of a closed "
                              "month.") % fields.Date.from_string(day).strftime("%d.%m.%Y"))
        building = self.env["ukkr.building"].sudo().browse(building_id)
        notice = Notice.notices(building, Notice._closed_month(period))[0]
        return {"period": period, "overdue_total": notice["total_amount"], "debtor_count": notice["debtors"],
                "listed_apartments": notice["show_list"]}

    @api.multi
    def name_get(self):
        return [(posting.id, "%s — %s" % (posting.building_id.name or "", fields.Date.from_string(posting.date)
                                          .strftime("%d.%m.%Y") if posting.date else ""))
                for posting in self]

    @api.model
    def _measure_figures(self, date_from, date_to, numbers=None):
        """Postings of the range; the sum is the overdue debt printed; paid after: the building's accounts'
        payments after its first posting of the range."""
        if numbers and self._measure_number not in numbers:
            return []
        label = self._measure_action_label()
        self.env.cr.execute("""
            WITH posted AS (SELECT building_id, date, overdue_total FROM ukkr_notice_posting
                            WHERE date >= %(from)s AND date <= %(to)s),
            first_posted AS (SELECT building_id, min(date) AS date FROM posted GROUP BY building_id)
            SELECT (SELECT count(*) FROM posted), (SELECT coalesce(sum(overdue_total), 0) FROM posted),
                   (SELECT coalesce(sum(p.amount), 0) FROM first_posted f
                    JOIN ukkr_personal_account a ON a.building_id = f.building_id
                    JOIN ukkr_payment p ON p.account_id = a.id AND p.date > f.date AND p.date <= %(to)s)""",
                            {"from": date_from, "to": date_to})
        count, amount, recovered = self.env.cr.fetchone()
        if not count:
            return []
        return [{"measure": self._measure_number, "model": self._name, "action": label, "count": count,
                 "amount": float(amount), "recovered": float(recovered)}]

    def printed_text(self):
        return "%s руб., помещений с задолженностью: %d" % (rub(self.overdue_total), self.debtor_count)
