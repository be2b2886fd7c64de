from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError


class UkkrStepWizard(models.TransientModel):
    """The dialog of a dated step: «Предъявлен», «Доставка подтверждена», «Провести»… asks for the day (and a
    document where the step records one) before the record's own private step method runs.

    The web client calls a button with ``args=[ids, context]``, so a button takes no date: it opens this dialog.
    What the dialog may call is the target model's whitelist ``_dated_steps`` ({step: private method}); the method
    checks the group and the state itself, and runs as the user who confirms."""
    _name = "ukkr.step.wizard"
    _description = "Date of a step"

    res_model = fields.Char("Model", required=True, readonly=True)
    res_id = fields.Integer("Record", required=True, readonly=True)
    step = fields.Char("Step", required=True, readonly=True)
    title = fields.Char("Step name", readonly=True)
    date = fields.Date("Date", required=True, default=lambda self: fields.Date.context_today(self))
    text_label = fields.Char("Document field", readonly=True)
    text = fields.Char("Document")
    text_required = fields.Boolean("Document required", readonly=True)

    def _target(self):
        self.ensure_one()
        if self.res_model not in self.env.registry:
            raise AccessError(_("This step does not exist."))
        Model = self.env[self.res_model]
        method = getattr(type(Model), "_dated_steps", {}).get(self.step)
        if not method:
            raise AccessError(_("This step does not exist."))
        record = Model.browse(self.res_id).exists()
        if not record:
            raise UserError(_("The record has been deleted meanwhile."))
        return record, method

    @api.multi
    def action_confirm(self):
        record, method = self._target()
        if self.text_required and not (self.text or "").strip():
            raise UserError(_("Fill in «%s».") % (self.text_label or _("Document")))
        getattr(record, method)(self.date, (self.text or "").strip() or None)
        return {"type": "ir.actions.act_window_close"}


class UkkrCaseActionStep(models.AbstractModel):
    _inherit = "ukkr.case.action"

    # {step code: name of the private method taking (day, text)}; the only steps the dialog may run
    _dated_steps = {}

    def _open_step(self, step, title, text_label=None, text_required=False, text_default=None):
        """The button's answer: the dialog asking the date (and the document) of ``step`` for this record."""
        self.ensure_one()
        if step not in self._dated_steps:
            raise AccessError(_("This step does not exist."))
        context = {"default_res_model": self._name, "default_res_id": self.id, "default_step": step,
                   "default_title": title, "default_text_label": text_label or False,
                   "default_text_required": bool(text_required), "default_text": text_default or False}
        return {"type": "ir.actions.act_window", "res_model": "ukkr.step.wizard", "view_mode": "form",
                "views": [(self.env.ref("ukkr_collections.view_ukkr_step_wizard_form").id, "form")],
                "target": "new", "name": title, "context": context}
