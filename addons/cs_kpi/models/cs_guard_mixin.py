# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models, tools
from odoo.exceptions import AccessError, UserError

from ..tools.access import MAIL_FIELDS

#: Field parameters the guard reads (``fields.Char(cs_step=True)``).
GUARD_PARAMETERS = frozenset({"cs_step", "cs_draft", "cs_input", "cs_write_groups"})


class CsGuardMixin(models.AbstractModel):
    """The one guard of the suite's records: a model says what it is, the mixin
    checks every ``create`` (values, ``default_*`` context keys and
    ``default_get``), ``write`` (x2many commands included), ``copy`` and
    ``unlink`` made by anyone but the superuser.

    What a model declares (see ``readme/DEVELOP.md``, "How a record is
    guarded"):

    - field parameters: ``cs_step=True``, written by the workflow steps only
      (:meth:`_cs_step`); ``cs_draft=True``, set while the record is in a
      draft state only; ``cs_input=True``, an input of the appraised person's
      figure, which he may not set (nor his leaders, see below);
      ``cs_write_groups="module.group_xmlid,..."``, set by members of those
      groups only. Computed fields without inverse are always refused.
    - class attributes: ``_cs_state_field`` (a field name or a dotted path to
      the parent's state), ``_cs_draft_states``, ``_cs_closed_states`` and the
      ``_cs_closed_free_fields`` still writable there, ``_cs_unlink_states``,
      ``_cs_parent_field`` (the parent a child belongs to: moving a child
      checks the old and the new parent), ``_cs_appraised_fields`` (the users
      or employees whose figure a record feeds) and ``_cs_appraised_leaders``
      (their leaders in the employee hierarchy count as appraised too).
    """

    _name = "cs.guard.mixin"
    _description = "Guarded Record of the Customer Service Suite"

    #: The record's state: a field, or a path to its parent's state.
    _cs_state_field = "state"
    #: States in which the ``cs_draft`` fields may change.
    _cs_draft_states = ("draft",)
    #: States in which only ``_cs_closed_free_fields`` (and mail) may change.
    _cs_closed_states = ()
    _cs_closed_free_fields = ()
    #: States in which a record may be deleted; None: any state not closed.
    _cs_unlink_states = None
    #: Many2one to the parent record the child is part of.
    _cs_parent_field = None
    #: Fields of a child whose change makes its old and new parents check
    #: their rules over all their children (``_cs_check_children``), whoever
    #: writes, the superuser included (creating, moving or deleting a child
    #: always does).
    _cs_parent_recheck_fields = ()
    #: Users or employees appraised on the figures this record feeds.
    _cs_appraised_fields = ()
    #: Whether the leaders of the appraised (employee hierarchy) count too.
    _cs_appraised_leaders = False

    cs_input_locked = fields.Boolean(
        string="Inputs Locked for You",
        compute="_compute_cs_input_locked",
        help="Technical: the current user may not set this record's fields of "
        "another role, nor the inputs of a figure he is appraised on; views make "
        "them read-only for him.",
    )

    # ------------------------------------------------------------------
    # Declaration
    # ------------------------------------------------------------------
    def _valid_field_parameter(self, field, name):
        return name in GUARD_PARAMETERS or super()._valid_field_parameter(field, name)

    # Both read the model's fields, fixed until the registry reloads: cached
    # (the key holds the model's name), as every create and write asks.
    @api.model
    @tools.ormcache("parameter")
    def _cs_fields_with(self, parameter):
        """Names of the fields declared with ``parameter``."""
        return frozenset(
            name
            for name, field in self._fields.items()
            if getattr(field, parameter, False)
        )

    @api.model
    @tools.ormcache()
    def _cs_computed_figures(self):
        """Names of the computed fields no client may write."""
        return frozenset(
            name
            for name, field in self._fields.items()
            if field.compute and field.readonly and not field.inverse
        )

    @api.model
    def _cs_step_fields(self):
        """Names of the fields only the workflow steps write."""
        return self._cs_fields_with("cs_step") | self._cs_computed_figures()

    @api.model
    def _cs_free_fields(self):
        """Names of the fields writable in any state."""
        return set(self._cs_closed_free_fields) | MAIL_FIELDS | {"activity_ids"}

    # Depending on the fields that decide it, it is computed on a new record
    # in the form too (a value the form sets triggers it).
    @api.depends(
        lambda self: sorted(self._cs_group_fields() | set(self._cs_appraised_fields))
    )
    @api.depends_context("uid")
    def _compute_cs_input_locked(self):
        if self.env.su:
            self.cs_input_locked = False
            return
        user = self.env.user
        lacks_group = not all(map(self._cs_may_set, self._cs_group_fields()))
        for record in self:
            record.cs_input_locked = lacks_group or (
                bool(self._cs_appraised_fields) and user in record._cs_appraised()
            )

    def _cs_parents(self):
        """The parents of these records, in the caller's environment."""
        return self.sudo()[self._cs_parent_field].with_env(self.env)

    def _cs_state(self):
        """The state the guard judges this record by (its parent's if the
        state field is a path)."""
        self.ensure_one()
        path = self._cs_state_field
        if not path or path.split(".")[0] not in self._fields:
            return False
        value = self.sudo().mapped(self._cs_state_field)
        return value[0] if value else False

    # ------------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------------
    def _cs_step(self, vals):
        """Write a workflow step's ``vals`` as superuser, once the caller's
        write right on the records is checked. The step has checked its own
        rules before (states, who may run it); the context is kept."""
        self.check_access("write")
        return self.sudo().write(vals)

    def _cs_check_state(self, states, action):
        """Refuse ``action`` (a label) on records outside ``states``."""
        for record in self:
            state = record._cs_state()
            if state not in states:
                raise UserError(
                    self.env._(
                        "%(action)s is not possible on %(record)s in state %(state)s.",
                        action=action,
                        record=record.display_name,
                        state=record._cs_state_label(state),
                    )
                )

    # ------------------------------------------------------------------
    # The guard
    # ------------------------------------------------------------------
    def _cs_refuse(self, fnames, message):
        names = self._cs_labels(fnames)
        raise AccessError(message % {"fields": names, "model": self._description})

    def _cs_labels(self, fnames):
        """The labels of the fields ``fnames``, in the user's language."""
        return ", ".join(
            sorted(
                self._fields[name].get_description(self.env)["string"]
                for name in fnames
                if name in self._fields
            )
        )

    @api.model
    def _cs_clean_defaults(self, fnames):
        """Defaults of ``fnames`` as the model gives them, without the
        ``default_*`` keys of the context."""
        context = {
            key: value
            for key, value in self.env.context.items()
            if not key.startswith("default_")
        }
        # Replacing the context is the point: it drops keys.
        # pylint: disable-next=context-overridden
        return self.with_context(context).default_get(list(fnames))

    @api.model
    def _cs_guard_create(self, vals_list):
        """Check the values of new records, defaults included: the fields the
        caller may not set must keep the model's own default."""
        step = self._cs_step_fields()
        draft = self._cs_fields_with("cs_draft") if self._cs_draft_states else set()
        inputs = self._cs_fields_with("cs_input")
        guarded = step | draft | inputs | self._cs_group_fields()
        full_list = [self._add_missing_default_values(dict(vals)) for vals in vals_list]
        defaults = self._cs_clean_defaults(guarded & set().union(*full_list))
        for full in full_list:
            set_ = {
                name
                for name in guarded & set(full)
                if _differs(self._fields[name], full[name], defaults.get(name))
            }
            forged = set_ & step
            if forged:
                self._cs_refuse(
                    forged,
                    self.env._(
                        "%(fields)s of %(model)s are set by its workflow steps "
                        "only, not when it is created."
                    ),
                )
            self._cs_check_groups(set_)
        return full_list

    @api.model
    def _cs_check_figures(self, fnames):
        """Refuse computed figures among the ``fnames`` a caller sends."""
        forged = fnames & self._cs_computed_figures()
        if forged:
            self._cs_refuse(
                forged,
                self.env._(
                    "%(fields)s of %(model)s are computed and cannot be written."
                ),
            )

    @api.model
    def _cs_group_fields(self):
        return self._cs_fields_with("cs_write_groups")

    @api.model
    def _cs_may_set(self, fname):
        """Whether the user is in one of the ``cs_write_groups`` of ``fname``."""
        return any(
            self.env.user.has_group(group.strip())
            for group in self._fields[fname].cs_write_groups.split(",")
        )

    @api.model
    def _cs_check_groups(self, fnames):
        """Refuse ``fnames`` declared ``cs_write_groups`` the user is in none of."""
        refused = {
            name
            for name in fnames & self._cs_group_fields()
            if not self._cs_may_set(name)
        }
        if refused:
            self._cs_refuse(
                refused,
                self.env._(
                    "%(fields)s of %(model)s are set by another role than yours."
                ),
            )

    def _cs_guard_created(self, vals_list):
        """Checks on the new records themselves: their state, their parent and
        whose figure they feed."""
        inputs = self._cs_fields_with("cs_input")
        draft = self._cs_fields_with("cs_draft")
        closed_free = self._cs_free_fields()
        for record, vals in zip(self, vals_list, strict=True):
            state = record._cs_state()
            if state in self._cs_closed_states and set(vals) - closed_free:
                raise UserError(
                    self.env._(
                        "%(model)s cannot be added to a closed record.",
                        model=self._description,
                    )
                )
            written_draft = {name for name in draft if vals.get(name)}
            if written_draft and state not in self._cs_draft_states:
                self._cs_refuse_draft(record, written_draft)
            if self._cs_appraised_fields and self.env.user in record._cs_appraised():
                self._cs_refuse_appraised(record, inputs or set(vals))
        if self._cs_parent_field:
            self._cs_parents().check_access("write")

    def _cs_guard_write(self, vals):
        fnames = set(vals)
        self._cs_check_figures(fnames)
        forged = fnames & self._cs_step_fields()
        if forged:
            self._cs_refuse(
                forged,
                self.env._(
                    "%(fields)s of %(model)s change through its workflow steps only."
                ),
            )
        self._cs_check_groups(fnames)
        free = self._cs_free_fields()
        draft = self._cs_fields_with("cs_draft")
        for record in self:
            state = record._cs_state()
            if state in self._cs_closed_states and fnames - free:
                self._cs_refuse_closed(record, state, fnames - free)
            if fnames & draft and state not in self._cs_draft_states:
                self._cs_refuse_draft(record, fnames & draft)
        parent = self._cs_parent_field
        if parent and parent in vals:
            self._cs_guard_move(vals[parent])
        self._cs_guard_appraised(fnames)

    def _cs_guard_move(self, new_parent_id):
        """A child moved to another parent leaves the old one (a removal) and
        joins the new one (an addition): both must allow it."""
        parent = self._cs_parent_field
        new_parent = self.env[self._fields[parent].comodel_name].browse(new_parent_id)
        moved = self.filtered(lambda record: record[parent] != new_parent)
        if not moved:
            return
        moved._cs_guard_unlink()
        if new_parent:
            new_parent.check_access("write")
        draft = self._cs_fields_with("cs_draft")
        new_state = moved._cs_state_after_move(new_parent)
        for record in moved:
            if new_state in self._cs_closed_states:
                self._cs_refuse_closed(record, new_state, {parent})
            filled = {name for name in draft if record[name]}
            if filled and new_state not in self._cs_draft_states:
                self._cs_refuse_draft(record, filled)

    def _cs_state_after_move(self, new_parent):
        path = self._cs_state_field or ""
        head, _dot, rest = path.partition(".")
        if head != self._cs_parent_field or not rest:
            return self[:1]._cs_state()
        value = new_parent.sudo().mapped(rest)
        return value[0] if value else False

    def _cs_guard_appraised(self, fnames):
        """The appraised person (and, where declared, his leaders) may not
        alter the inputs of his own figure, before or after the write."""
        if not self._cs_appraised_fields:
            return
        inputs = self._cs_fields_with("cs_input")
        touched = fnames & inputs if inputs else fnames - self._cs_free_fields()
        if not touched:
            return
        for record in self:
            if self.env.user in record._cs_appraised():
                self._cs_refuse_appraised(record, touched)

    def _cs_guard_unlink(self):
        allowed = self._cs_unlink_states
        for record in self:
            state = record._cs_state()
            if (allowed is None and state in self._cs_closed_states) or (
                allowed is not None and state not in allowed
            ):
                raise UserError(
                    self.env._(
                        "%(record)s cannot be deleted in state %(state)s.",
                        record=record.display_name,
                        state=record._cs_state_label(state),
                    )
                )
        if self._cs_parent_field:
            self._cs_parents().check_access("write")
        self._cs_guard_appraised(set(self._fields))

    # ---- messages ----
    def _cs_state_label(self, state):
        path = self._cs_state_field.split(".")
        model = self
        for name in path[:-1]:
            model = model.env[model._fields[name].comodel_name]
        labels = dict(model._fields[path[-1]]._description_selection(self.env))
        return labels.get(state, state)

    def _cs_refuse_closed(self, record, state, fnames):
        free = self._cs_labels(self._cs_closed_free_fields)
        raise UserError(
            self.env._(
                "%(record)s is %(state)s: %(fields)s can no longer change%(free)s.",
                record=record.display_name,
                state=record._cs_state_label(state),
                fields=self._cs_labels(fnames),
                free=self.env._(" (only %(free)s can)", free=free) if free else "",
            )
        )

    def _cs_refuse_draft(self, record, fnames):
        raise UserError(
            self.env._(
                "%(record)s is no longer a draft: %(fields)s can no longer change.",
                record=record.display_name,
                fields=self._cs_labels(fnames),
            )
        )

    def _cs_refuse_appraised(self, record, fnames):
        raise AccessError(
            self.env._(
                "%(record)s feeds a figure you are appraised on: another person "
                "sets %(fields)s.",
                record=record.display_name,
                fields=self._cs_labels(fnames),
            )
        )

    # ---- whose figure ----
    def _cs_appraised(self):
        """Users appraised on the figures this record feeds: the users of
        ``_cs_appraised_fields`` and, with ``_cs_appraised_leaders``, the
        users who lead them in the employee hierarchy."""
        self.ensure_one()
        record = self.sudo()
        users = self.env["res.users"]
        employees = self.env["hr.employee"].sudo()
        for name in self._cs_appraised_fields:
            value = record.mapped(name)
            if value._name == "hr.employee":
                employees |= value
                users |= value.user_id
            else:
                users |= value
                employees |= value.employee_ids
        if self._cs_appraised_leaders:
            seen = employees
            leaders = employees.parent_id
            while leaders - seen:
                seen |= leaders
                users |= leaders.user_id
                leaders = leaders.parent_id
        return users

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        model, full_list = self, vals_list
        if not self.env.su:
            model, full_list = self._cs_prepare_create(vals_list)
        records = super(CsGuardMixin, model).create(full_list)
        if not self.env.su:
            records._cs_guard_created(vals_list)
        if self._cs_parent_recheck_fields:
            records._cs_parents().sudo()._cs_check_children()
        return records

    @api.model
    def _cs_prepare_create(self, vals_list):
        """``(model, vals_list)`` to create with: the values checked, with the
        defaults they get, in a context without the figures' default keys."""
        self._cs_check_figures(set().union(*vals_list))
        figures = self._cs_computed_figures()
        context = {
            key: value
            for key, value in self.env.context.items()
            if not (key.startswith("default_") and key[8:] in figures)
        }
        model = self
        if len(context) < len(self.env.context):
            # A client's default_<figure> keys would reach create as values:
            # drop them, the figures are computed. Replacing the context is
            # the point: it drops keys.
            # pylint: disable-next=context-overridden
            model = self.with_context(context)
        return model, model._cs_guard_create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._cs_guard_write(vals)
        recheck = self._cs_parent_field and (
            set(vals) & {*self._cs_parent_recheck_fields, self._cs_parent_field}
        )
        before = self._cs_parents().sudo() if recheck else None
        result = super().write(vals)
        if not self.env.su and self._cs_appraised_fields:
            # Handing a record to oneself is altering one's own inputs too.
            self._cs_guard_appraised(set(vals))
        if recheck and self._cs_parent_recheck_fields:
            (before | self._cs_parents().sudo())._cs_check_children()
        return result

    def copy_data(self, default=None):
        # A copy starts its workflow afresh: the step fields are not copied
        # (they take the model's defaults); one sent in ``default`` goes to
        # create, which checks it like any other value.
        vals_list = super().copy_data(default=default)
        reset = self._cs_fields_with("cs_step") - set(default or ())
        for vals in vals_list:
            for name in reset:
                vals.pop(name, None)
        return vals_list

    def unlink(self):
        if not self.env.su:
            self._cs_guard_unlink()
        parents = self._cs_parents().sudo() if self._cs_parent_recheck_fields else None
        result = super().unlink()
        if parents:
            parents.exists()._cs_check_children()
        return result

    def _cs_check_children(self):
        """Rules of a parent over all its children, checked when a child with
        ``_cs_parent_recheck_fields`` is created, changed, moved or deleted
        (weights that add up to 100, say). Override in the parent model."""


def _differs(field, value, default):
    """Whether a create value differs from the field's default."""
    if not value and not default:
        return False
    if field.type == "many2one":
        value = value.id if isinstance(value, models.BaseModel) else value
        default = default.id if isinstance(default, models.BaseModel) else default
    return value != default
