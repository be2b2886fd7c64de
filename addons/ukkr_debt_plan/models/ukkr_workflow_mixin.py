"""One guarded path for every status of the suite: ``ukkr.workflow.mixin``.

A model lists in ``_workflow_fields`` its status and every field a transition fixes (dates, amounts fixed at a step,
approver). Those fields change only inside the model's ``action_*`` methods, which check the group and the current
state and then call ``_transition(vals)`` (or ``_workflow_create(vals)`` for a record born past its first state).
A direct ``write``/``create`` of them by anyone but the superuser is refused with a clear message.

``_workflow_terms`` are the fields a user fills while the record is in one of ``_workflow_editable_states`` (the
terms of an agreement, the writ of a proceeding); once it has moved on they are frozen for everyone, the
superuser included, except inside a transition. ``ukkr.workflow.line.mixin`` freezes the lines of such a record
the same way.

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
    # what a user fills while the record is editable, frozen afterwards
    _workflow_terms = ()
    _workflow_editable_states = ("draft",)
    # {field: states in which a user fills it} — what a step asks for (a court's date, a proceeding's number)
    _workflow_inputs = {}

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

    def _workflow_frozen(self):
        """The records of self that have left their editable states."""
        return self.filtered(lambda rec: rec.state not in self._workflow_editable_states)

    def _workflow_check_terms(self, names):
        """Refuse a change of ``names`` (terms or lines) on a record that is no longer editable."""
        if not names or self._in_workflow_path():
            return
        frozen = self._workflow_frozen()
        if frozen:
            states = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(_("%s «%s» is no longer a draft (it is «%s»): %s can no longer be changed.")
                            % (self.env["ir.model"].sudo()._get(self._name).name or self._description,
                               frozen[0].display_name, states.get(frozen[0].state, frozen[0].state),
                               self._workflow_field_labels(names)))

    def _workflow_check_create(self, vals):
        """Refuse workflow values a client sends to ``create`` (the initial ones the form shows pass)."""
        guarded = self._workflow_guarded(vals)
        if guarded and self.env.uid != SUPERUSER_ID and not _marks(self.env.cr).get((self._name, None)):
            self.check_access_rights("create")   # who may not create at all is told so first
            defaults = self.default_get(list(guarded))
            forged = {name for name in guarded if vals[name] and vals[name] != defaults.get(name)}
            if forged:
                self._workflow_refuse(forged)

    @api.model
    def create(self, vals):
        self._workflow_check_create(vals)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        guarded = self._workflow_guarded(vals)
        if guarded and self.env.uid != SUPERUSER_ID and not self._in_workflow_path():
            self.check_access_rights("write")    # who may not write at all is told so first
            self.check_access_rule("write")
            self._workflow_refuse(guarded)
        self._workflow_check_terms(set(vals) & set(self._workflow_terms))
        self._workflow_check_inputs(vals)
        return super().write(vals)

    def _workflow_check_inputs(self, vals):
        inputs = [name for name in vals if name in self._workflow_inputs]
        if not inputs or self._in_workflow_path():
            return
        states = dict(self._fields["state"]._description_selection(self.env))
        for rec in self:
            for name in inputs:
                allowed = self._workflow_inputs[name]
                if rec.state not in allowed and rec[name] != self._fields[name].convert_to_record(
                        self._fields[name].convert_to_cache(vals[name], rec), rec):
                    raise UserError(_("«%s» of «%s» is filled in at the stage %s; now it is «%s» and the value is "
                                      "kept as it was.")
                                    % (self._workflow_field_labels([name]).strip("«»"), rec.display_name,
                                       ", ".join("«%s»" % states.get(s, s) for s in allowed),
                                       states.get(rec.state, rec.state)))


class UkkrWorkflowLineMixin(models.AbstractModel):
    """Lines of a guarded record (tranches of a write-off, the schedule of an agreement…): created, changed and
    deleted only while their parent is editable, or by the parent's own transition."""
    _name = "ukkr.workflow.line.mixin"
    _description = "Lines of a guarded workflow record"

    _workflow_parent_field = None   # the many2one to the parent, set by each model

    def _workflow_check_parents(self, parents):
        for parent in parents:
            parent._workflow_check_terms({self._workflow_lines_field(parent)})

    def _workflow_lines_field(self, parent):
        """The one2many of the parent that holds these lines (for the message)."""
        for name, field in parent._fields.items():
            if field.type == "one2many" and field.comodel_name == self._name \
                    and field.inverse_name == self._workflow_parent_field:
                return name
        return "id"

    @api.model
    def create(self, vals):
        parent_id = vals.get(self._workflow_parent_field)
        if parent_id:
            self._workflow_check_parents(self.env[self._fields[self._workflow_parent_field].comodel_name]
                                         .browse(parent_id))
        return super().create(vals)

    @api.multi
    def write(self, vals):
        parents = self.mapped(self._workflow_parent_field)
        if vals.get(self._workflow_parent_field):
            parents |= parents.browse(vals[self._workflow_parent_field])
        self._workflow_check_parents(parents)
        return super().write(vals)

    @api.multi
    def unlink(self):
        self._workflow_check_parents(self.mapped(self._workflow_parent_field))
        return super().unlink()
