"""Progress of the monthly close and the billing import when they run as background jobs (``ukkr.job``).

Wrapped from outside, step by step, so the close's and the importer's own code is untouched: each step says
where the job is before it starts (``report_progress`` does nothing outside a background job).
"""
from odoo import _, api, models

from .ukkr_job import report_progress

CLOSE_STEPS = 5


class UkkrMonthlyCloseProgress(models.Model):
    _inherit = "ukkr.monthly.close"

    @api.model
    def _compute_state(self, period, as_of):
        report_progress(self.env, 0, CLOSE_STEPS, _("Debt and penalties of every tranche"))
        return super()._compute_state(period, as_of)

    @api.model
    def _insert_snapshots(self, close, period, state):
        report_progress(self.env, 1, CLOSE_STEPS, _("Snapshots of %d accounts") % len(state["accounts"]))
        return super()._insert_snapshots(close, period, state)

    @api.model
    def _post_entry(self, close, period, end, state, previous):
        report_progress(self.env, 3, CLOSE_STEPS, _("Accounting entry"))
        result = super()._post_entry(close, period, end, state, previous)
        report_progress(self.env, 4, CLOSE_STEPS, _("Monthly report"))
        return result


class UkkrDebtorCaseProgress(models.Model):
    _inherit = "ukkr.debtor.case"

    @api.model
    def _sync_with_close(self, close):
        report_progress(self.env, 2, CLOSE_STEPS, _("Debtor cases"))
        return super()._sync_with_close(close)


class UkkrBillingImportProgress(models.Model):
    _inherit = "ukkr.billing.import"

    @api.model
    def _check_against_database(self, parsed):
        report_progress(self.env, 0, len(parsed["rows"]), _("Checking %d rows against the database")
                        % len(parsed["rows"]))
        return super()._check_against_database(parsed)

    def _progress_write(self, method, rows, dry_run, **options):
        report_progress(self.env, 0, len(rows), _("Writing %d rows") % len(rows))
        result = method(rows, dry_run=dry_run, **options)
        report_progress(self.env, len(rows), len(rows), _("Written"))
        return result

    def _write_accounts(self, rows, dry_run=False, **options):
        return self._progress_write(super()._write_accounts, rows, dry_run, **options)

    def _write_accruals(self, rows, dry_run=False, **options):
        return self._progress_write(super()._write_accruals, rows, dry_run, **options)

    def _write_payments(self, rows, dry_run=False, **options):
        return self._progress_write(super()._write_payments, rows, dry_run, **options)
