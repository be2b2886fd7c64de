from odoo import api, models


class AuditlogRule(models.Model):
    """OCA auditlog, as the suite uses it for personal data (152-ФЗ).

    A read is logged as who read which record and which fields, not what they contained: copying the values would
    make the audit log a second store of the personal data it guards (and the administration's control group reads
    this log). Writes keep auditlog's old and new values; those logs are for the УККР manager only.
    """
    _inherit = "auditlog.rule"

    def _create_log_line_on_read(self, log, fields_list, read_values):
        names = sorted(name for name in fields_list if name not in ("id", "display_name", "__last_update"))
        log.write({"ukkr_fields_read": ", ".join(names)})

    @api.model
    def ukkr_subscribe_rules(self, xml_ids):
        """Subscribe the suite's rules that are still drafts (data files call this at install)."""
        rules = self.browse([self.env.ref(xml_id).id for xml_id in xml_ids])
        rules.filtered(lambda r: r.state == "draft").subscribe()
        # auditlog names the «Действие» menu entry it binds to the model in the language of the moment it subscribes
        # (at install: none, «View logs»); the suite's users read Russian
        actions = rules.mapped("action_id").filtered(lambda a: a.with_context(lang="ru_RU").name == "View logs")
        actions.with_context(lang="ru_RU").write({"name": "Журнал изменений"})
        return True
