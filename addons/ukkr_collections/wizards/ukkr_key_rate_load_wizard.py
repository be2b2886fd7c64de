import base64

from odoo import _, fields, models


class UkkrKeyRateLoadWizard(models.TransientModel):
    """Load the Bank of Russia's key-rate file (Settings → Legal rules → Key rates): the records follow the file."""
    _name = "ukkr.key.rate.load.wizard"
    _description = "Load the Bank of Russia's key-rate file"

    file = fields.Binary("File (XML, XLSX or CSV)", required=True)
    filename = fields.Char("File name")
    dry_run = fields.Boolean("Check only (dry run)", default=True)
    result = fields.Text("Result", readonly=True)

    def action_load(self):
        self.ensure_one()
        result = self.env["ukkr.rule.key.rate"].load_bank_file(base64.b64decode(self.file or b""),
                                                              self.filename or "file", dry_run=self.dry_run)

        def day(value):
            return value.strftime("%d.%m.%Y")

        def pct(value):
            return ("%.2f" % value).replace(".", ",")
        lines = [_("Days in the file: %s (%s – %s); changes of the rate: %s.")
                 % (result["days"], day(result["first"]), day(result["last"]), len(result["changes"]))]
        new_text, updated_text = _("new: %s from %s %%"), _("corrected: %s from %s %% to %s %%")
        confirmed_text, removed_text = _("confirmed: %s %s %%"), _("removed (no change that day): %s %s %%")
        lines += [new_text % (day(d), pct(r)) for d, r in result["created"]]
        lines += [updated_text % (day(d), pct(old), pct(new)) for d, old, new in result["updated"]]
        lines += [confirmed_text % (day(d), pct(r)) for d, r in result["confirmed"]]
        lines += [removed_text % (day(d), pct(r)) for d, r in result["removed"]]
        if self.dry_run:
            lines.append(_("Check only: untick «Check only» and load again to write the records."))
        self.result = "\n".join(lines)
        return {"type": "ir.actions.act_window", "res_model": self._name, "res_id": self.id, "view_mode": "form",
                "target": "new"}
