from odoo import _, api, fields, models
from odoo.tools import html_escape

from ..models.ledger_sql import last_closed_period


class UkkrWriteOffCandidatesWizard(models.TransientModel):
    """Prepare draft write-offs for all candidates at once (``ukkr.write.off.create_candidates``)."""
    _name = "ukkr.write.off.candidates.wizard"
    _description = "Prepare write-off candidates"

    on_date = fields.Date("As of", required=True, default=lambda self: fields.Date.context_today(self))

    @api.multi
    def action_create(self):
        self.ensure_one()
        records = self.env["ukkr.write.off"].create_candidates(self.on_date)
        action = {"type": "ir.actions.act_window", "res_model": "ukkr.write.off", "view_mode": "tree,form",
                  "domain": [("id", "in", records.ids)], "name": records._description}
        if not records:   # the empty list says what was looked for
            action["help"] = "<p>%s</p>" % html_escape(self._why_none())
        return action

    def _why_none(self):
        """What was looked for, when nothing was found (an empty list said nothing)."""
        cr = self.env.cr
        last_closed = last_closed_period(cr)
        day = fields.Date.from_string(self.on_date).strftime("%d.%m.%Y")
        if not last_closed:
            return _("No write-off candidates on %s: no month has been closed yet, and only the debt of closed "
                     "months is written off.") % day
        cr.execute("SELECT count(DISTINCT account_id) FROM ukkr_write_off "
                   "WHERE state IN ('draft', 'proposed', 'approved')")
        busy = cr.fetchone()[0]
        return _("No write-off candidates on %s. Looked for in the debt of the closed months (up to %s): debt whose "
                 "limitation period has expired and that was never taken to court; debt under a writ the bailiffs "
                 "returned as uncollectable; debt of a case closed because the debtor died or was liquidated. "
                 "Accounts with a write-off already in progress (left out): %d.") % (day, last_closed, busy)
