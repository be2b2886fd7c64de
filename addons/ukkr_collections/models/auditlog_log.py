from odoo import _, api, fields, models


class AuditlogLog(models.Model):
    _inherit = "auditlog.log"

    ukkr_fields_read = fields.Char("Fields read", readonly=True,
                                   help="For a read: which fields of the record were read (their values are not "
                                        "kept in the log).")
    ukkr_fields_read_labels = fields.Char("Fields read", compute="_compute_ukkr_labels",
                                          help="The fields read, by the names the screens give them (the log keeps "
                                               "their technical names).")
    ukkr_method_label = fields.Char("Action", compute="_compute_ukkr_labels")

    @api.depends("ukkr_fields_read", "model_id", "method")
    def _compute_ukkr_labels(self):
        methods = {"read": _("Read"), "create": _("Created"), "write": _("Changed"), "unlink": _("Deleted")}
        lang = self.env.context.get("lang") or self.env.user.lang
        Translation = self.env["ir.translation"]
        for log in self:
            log.ukkr_method_label = methods.get(log.method, log.method)
            names = [n.strip() for n in (log.ukkr_fields_read or "").split(",") if n.strip()]
            model = log.sudo().model_id.model
            if not names or not model or model not in self.env:
                log.ukkr_fields_read_labels = log.ukkr_fields_read
                continue
            described = self.env[model].sudo().fields_get(names, attributes=["string"])
            labels = []
            for name in names:
                label = described.get(name, {}).get("string") or name
                if lang and lang != "en_US":   # a field Odoo's modules give the model keeps Odoo's translation
                    label = Translation._get_source(None, ("model", "field"), lang, label) or label
                labels.append(label)
            log.ukkr_fields_read_labels = ", ".join(labels)
