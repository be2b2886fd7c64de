from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

EVENT_KINDS = [("acknowledged", "Debt acknowledged (ГК 203)"), ("filed", "Filed in court (ГК 204)"),
               ("cancelled", "Court order cancelled (ГК 204)"), ("dismissed", "Claim left without consideration")]


class UkkrLimitationEvent(models.Model):
    """Something that changes the limitation period of one tranche (account × period): data, not code.

    Installment agreements write 'acknowledged' events when they take effect (ГК 203); the court branch writes
    'filed' / 'cancelled' / 'dismissed'. The tranche evaluation (form and monthly close) reads them in one query:
    ``_events_by_tranche(account_ids, as_of)``.
    """
    _name = "ukkr.limitation.event"
    _inherit = ["ukkr.workflow.mixin"]
    _description = "Limitation period event"
    # the document an event comes from is named by the code that writes it (court case, agreement), never a client
    _workflow_fields = ("res_model", "res_id")
    _order = "date desc, id desc"
    _rec_name = "period"

    account_id = fields.Many2one("ukkr.personal.account", "Personal account", required=True, ondelete="cascade",
                                 index=True)
    is_municipal = fields.Boolean(related="account_id.is_municipal", string="Municipal housing", store=True,
                                  readonly=True)
    period = fields.Char("Period", size=7, required=True, index=True, help="The tranche concerned, YYYY-MM.")
    kind = fields.Selection(EVENT_KINDS, "Event", required=True)
    date = fields.Date("Date", required=True, index=True)
    res_model = fields.Char("Origin model", readonly=True)
    res_id = fields.Integer("Origin record", readonly=True)
    origin = fields.Char("Origin", compute="_compute_origin")
    note = fields.Char("Note")

    @api.constrains("period")
    def _check_period(self):
        rules = self.env["ukkr.rules"]
        for event in self:
            try:
                rules._parse_period(event.period)
            except Exception:
                raise ValidationError(_("«%s» is not a period: write YYYY-MM, e.g. 2026-03.") % (event.period,))

    @api.model
    def _origin_models(self):
        """Models an event may come from: the actions of a debtor's case."""
        return set(self.env["ukkr.debtor.case"]._action_models())

    @api.constrains("res_model", "res_id", "account_id")
    def _check_origin(self):
        allowed = self._origin_models()
        for event in self.filtered("res_model"):
            if event.res_model not in allowed:
                raise ValidationError(_("«%s» is not a document a limitation event can come from.")
                                      % event.res_model)
            origin = self.env[event.res_model].sudo().browse(event.res_id).exists()
            if not origin or origin.account_id != event.account_id:
                raise ValidationError(_("The origin of a limitation event must be a document of the same account."))

    def _compute_origin(self):
        allowed = self._origin_models()
        for event in self:
            origin = event.res_model in allowed and event.res_id and \
                self.env[event.res_model].sudo().browse(event.res_id).exists()
            event.origin = origin.display_name if origin else False

    # the tranche clocks (ukkr_tranche_clock) follow the events, whoever writes them
    @api.model
    def create(self, vals):
        event = super().create(vals)
        self.env["ukkr.period"].refresh_clocks(event.account_id.ids)
        return event

    @api.multi
    def write(self, vals):
        accounts = self.mapped("account_id").ids
        result = super().write(vals)
        self.env["ukkr.period"].refresh_clocks(accounts + self.mapped("account_id").ids)
        return result

    @api.multi
    def unlink(self):
        accounts = self.mapped("account_id").ids
        result = super().unlink()
        self.env["ukkr.period"].refresh_clocks(accounts)
        return result

    @api.model
    def _events_by_tranche(self, account_ids=None, as_of=None):
        """``{(account_id, period): [(kind, date)]}`` of the events dated up to ``as_of`` (all when None), for
        these accounts (all when None). One query whatever the number of accounts."""
        where, params = ["TRUE"], []
        if account_ids is not None:
            where.append("account_id = ANY(%s)")
            params.append(list(account_ids))
        if as_of:
            where.append("date <= %s")
            params.append(as_of)
        self.env.cr.execute("SELECT account_id, period, kind, date FROM ukkr_limitation_event WHERE %s "
                            "ORDER BY date, id" % " AND ".join(where), params)
        events = defaultdict(list)
        for account_id, period, kind, day in self.env.cr.fetchall():
            events[(account_id, period)].append((kind, fields.Date.from_string(day)))
        return events
