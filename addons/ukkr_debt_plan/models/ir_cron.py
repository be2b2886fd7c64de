from odoo import api, models


class IrCron(models.Model):
    """Scheduled actions run in their user's language and time zone, as the web client's calls do.

    Odoo 11 runs a scheduled action with an empty context: anything it writes for people to read — chatter notes,
    «… создано», tracking values, activities, names built from selections — would come out in the English source
    strings (or half-translated) although every user of the suite reads Russian.
    """
    _inherit = "ir.cron"

    @api.model
    def _callback(self, cron_name, server_action_id, job_id):
        if not self.env.context.get("lang"):
            user = self.env.user
            self = self.with_context(lang=user.lang, tz=user.tz)
        return super(IrCron, self)._callback(cron_name, server_action_id, job_id)
