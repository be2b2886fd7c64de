import base64

from odoo import _, fields, models

FILE_FORMATS = [("auto", "Recognise by its content"), ("billing", "Billing system: accounts, accruals or payments"),
                ("bank_statement", "Bank statement (1C «Клиент банка»)"),
                ("payment_register", "Bank payment register"), ("key_rates", "Key rates of the Bank of Russia")]


class UkkrBillingImportWizard(models.TransientModel):
    """Upload a file the utility receives: the billing system's (accounts, accruals, payments), a bank statement,
    a bank payment register or the Bank of Russia's key rates."""
    _name = "ukkr.billing.import.wizard"
    _description = "Import a billing file"

    file = fields.Binary("File", required=True)
    filename = fields.Char("File name")
    file_format = fields.Selection(FILE_FORMATS, "Format", required=True, default="auto")
    dry_run = fields.Boolean("Check only (dry run)", default=True)
    result = fields.Text("Result", readonly=True)

    def action_import(self):
        """A background job above the sync limit of rows (``ukkr.job``), at once below it; a dry run at once."""
        self.ensure_one()
        content = base64.b64decode(self.file or b"")
        rows = content.count(b"\n") if not content.startswith(b"PK") else len(content) // 40   # xlsx: an estimate
        return self.env["ukkr.job"]._launch("import", self, "_run_import", 0 if self.dry_run else rows,
                                            _("Billing import: %s") % (self.filename or "file"))

    def _run_import(self):
        self.ensure_one()
        result = self.env["ukkr.billing.import"].import_content(base64.b64decode(self.file), self.filename or "file",
                                                               dry_run=self.dry_run,
                                                               file_format=self.file_format or "auto")
        kinds = dict(self.env["ukkr.billing.import"]._fields["kind"]._description_selection(self.env))
        lines = [_("Kind: %s; rows: %s; new: %s; updated: %s; unchanged: %s")
                 % (kinds.get(result["kind"], result["kind"]), result["rows"], result["created"], result["updated"],
                    result["skipped"])]
        if result.get("unmatched"):
            lines.append(_("Payments whose personal account was not recognised: %s — see «Unmatched bank "
                           "payments».") % result["unmatched"])
        row_text = _("row %s: %s")   # translated here: _() finds no language inside a comprehension
        lines += [row_text % error for error in result["errors"]]
        if self.dry_run and not result["errors"]:
            lines.append(_("Check passed: untick «Check only» and import again to write the data."))
        self.result = "\n".join(lines)
        return {"type": "ir.actions.act_window", "res_model": self._name, "res_id": self.id, "view_mode": "form",
                "target": "new"}
