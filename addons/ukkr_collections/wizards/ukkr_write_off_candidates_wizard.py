from odoo import api, fields, models


class UkkrWriteOffCandidatesWizard(models.TransientModel):
    """Prepare draft write-offs for all candidates at once (``ukkr.write.off.create_candidates``)."""
    _name = "ukkr.write.off.candidates.wizard"
    _description = "Prepare write-off candidates"

    on_date = fields.Date("As of", required=True, default=lambda self: fields.Date.context_today(self))

    @api.multi
    def action_create(self):
        self.ensure_one()
        records = self.env["ukkr.write.off"].create_candidates(self.on_date)
        return {"type": "ir.actions.act_window", "res_model": "ukkr.write.off", "view_mode": "tree,form",
                "domain": [("id", "in", records.ids)], "name": records._description}
