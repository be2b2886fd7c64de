from odoo import _, api, models


class MailTrackingValue(models.Model):
    """Tracked values in the chatter as a Russian reader writes them: «Да» / «Нет» for a yes/no field (Odoo 11
    shows the JSON «true»), «13 457,00» for an amount (Odoo 11 shows «13457.0»)."""
    _inherit = "mail.tracking.value"

    @api.multi
    def get_display_value(self, type):
        values = super().get_display_value(type)
        yes, no = _("Yes"), _("No")
        lang = self.env["res.lang"]._lang_get(self.env.context.get("lang") or self.env.user.lang or "ru_RU")
        shown = []
        for record, value in zip(self, values):
            if record.field_type == "boolean":
                value = yes if value else no
            elif record.field_type in ("float", "monetary") and value is not False and lang:
                value = lang.format("%.2f", value, grouping=True)
            elif record.field_type == "integer" and value is not False and lang:
                value = lang.format("%d", value, grouping=True)
            shown.append(value)
        return shown
