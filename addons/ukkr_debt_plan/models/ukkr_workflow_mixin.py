"""One guarded path for every status of the suite: ``ukkr.workflow.mixin``.

A model lists in ``_workflow_fields`` its status and every field a transition fixes (dates, amounts fixed at a step,
approver). Those fields change only inside the model's ``action_*`` methods, which check the group and the current
state and then call ``_transition(vals)`` (or ``_workflow_create(vals)`` for a record born past its first state).
A direct ``write``/``create`` of them by anyone but the superuser is refused with a clear message.

The allowance lives on the database cursor for the records being moved and only while the private method runs: no
context key, no argument and no RPC call can grant it (methods starting with ``_`` are not callable over RPC).
"""
from collections import Counter
from contextlib import contextmanager

from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import UserError

_MARKS = "_ukkr_workflow_marks"


def _marks(cr):
    """The allowances of this transaction's cursor (kept in the wrapper's own dict, not the psycopg cursor's)."""
    return cr.__dict__.setdefault(_MARKS, Counter())


class UkkrWorkflowMixin(models.AbstractModel):
    _name = "ukkr.workflow.mixin"
    _description = "Guarded workflow"

    # the status and the fields its transitions fix; set by each model
    _workflow_fields = ("state",)

    # ------------------------------------------------------------------ the private path
    @contextmanager
    def _workflow_path(self, creating=False):
        marks = _marks(self.env.cr)
        keys = [(self._name, None)] if creating else [(self._name, rid) for rid in self.ids]
        for key in keys:
            marks[key] += 1
        try:
            yield
        finally:
            for key in keys:
                marks[key] -= 1
                if marks[key] <= 0:
                    del marks[key]

    def _in_workflow_path(self):
        """True inside ``_transition`` of all these records (a model's own write checks may then step aside)."""
        marks = _marks(self.env.cr)
        return bool(self.ids) and all(marks.get((self._name, rid)) for rid in self.ids)

    def _transition(self, vals):
        """Write the status and the fields a step fixes. Call it only from an ``action_*`` (or a scheduled
        action) that has checked who acts and from which state."""
        if not self:
            return True
        with self._workflow_path():
            return self.write(vals)

    @api.model
    def _workflow_create(self, vals):
        """Create a record whose workflow fields are set by the code (a close, a system-made record)."""
        with self._workflow_path(creating=True):
            return self.create(vals)

    # ------------------------------------------------------------------ the guard
    def _workflow_field_labels(self, names):
        labels = []
        for name in sorted(names):
            field = self._fields[name]
            labels.append("«%s»" % (field.get_description(self.env).get("string") or name))
        return ", ".join(labels)

    def _workflow_refuse(self, names):
        model = self.env["ir.model"].sudo()._get(self._name).name or self._description
        raise UserError(_("%s: %s change only through the record's buttons, by the people allowed to press them; "
                          "a direct change is refused.") % (model, self._workflow_field_labels(names)))

    def _workflow_guarded(self, vals):
        return set(vals) & set(self._workflow_fields)

    @api.model
    def create(self, vals):
        guarded = self._workflow_guarded(vals)
        if guarded and self.env.uid != SUPERUSER_ID and not _marks(self.env.cr).get((self._name, None)):
            # a client may send the initial values the form shows; anything else is a forged step
            defaults = self.default_get(list(guarded))
            forged = {name for name in guarded
                      if vals[name] and vals[name] != defaults.get(name)}
            if forged:
                self._workflow_refuse(forged)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        guarded = self._workflow_guarded(vals)
        if guarded and self.env.uid != SUPERUSER_ID and not self._in_workflow_path():
            self._workflow_refuse(guarded)
        return super().write(vals)
