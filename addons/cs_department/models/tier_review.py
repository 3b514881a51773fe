# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models, tools
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression


class TierReview(models.Model):
    """Reviews of the models of this suite (those inheriting
    ``cs.tier.validation``) change only through the tier-validation mechanism.

    base_tier_validation lets every internal user create, write and delete
    any review. For the guarded models the record methods (request, validate,
    reject, restart) check the caller's rights and then write the reviews as
    superuser: here every other create, write or unlink is refused, whatever
    the fields, and a review of another model cannot be moved onto them. A
    global record rule shows these reviews only to those who can read the
    reviewed record. Reviews of other models keep the base behaviour.
    """

    _inherit = "tier.review"

    cs_record_readable = fields.Boolean(
        string="Reviewed Document Readable",
        compute="_compute_cs_record_readable",
        search="_search_cs_record_readable",
        help="Technical: the current user can read the reviewed document (always "
        "true for documents outside the Customer Service suite).",
    )

    @api.model
    def _get_reviewer_fields(self):
        return super()._get_reviewer_fields() + [
            "requested_by",
            "definition_id.exclude_requester",
        ]

    @api.depends("reviewer_ids")
    def _compute_todo_by(self):
        """The reviewers' names rather than "Group <group name>"."""
        guarded = self._cs_guarded_models()
        others = self.filtered(lambda review: review.model not in guarded)
        res = super(TierReview, others)._compute_todo_by()
        num_show = 3
        for review in self - others:
            names = review.reviewer_ids[:num_show].mapped("name")
            todo_by = ", ".join(names)
            extra = len(review.reviewer_ids) - num_show
            if extra > 0:
                todo_by = self.env._(
                    "%(names)s and %(count)s more", names=todo_by, count=extra
                )
            review.todo_by = todo_by
        return res

    def _get_reviewers(self):
        reviewers = super()._get_reviewers()
        if self.model in self._cs_guarded_models():
            # Four-eyes rule of the suite, whatever the definition says.
            reviewers -= self._cs_requesters()
        elif self.definition_id.exclude_requester:
            reviewers -= self.requested_by
        return reviewers

    def _cs_requesters(self):
        """Who asked for this review: never one of its reviewers."""
        self.ensure_one()
        record = self.env[self.model].browse(self.res_id)
        return self.requested_by | record._cs_tier_requesters()

    @api.model
    @tools.ormcache()
    def _cs_guarded_models(self):
        """The models of this suite: those that inherit ``cs.tier.validation``."""
        base = type(self.env["cs.tier.validation"])
        return frozenset(
            name
            for name, model_class in self.env.registry.items()
            if not model_class._abstract and issubclass(model_class, base)
        )

    def _compute_cs_record_readable(self):
        readable = self.sudo().search(
            [("id", "in", self._origin.ids), ("cs_record_readable", "=", True)]
        )
        for review in self:
            review.cs_record_readable = review._origin in readable

    def _search_cs_record_readable(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the reviewed document."))
        guarded = sorted(self._cs_guarded_models())
        # Called by the record rule as superuser: the user's own rights decide.
        user_env = self.env(su=False)
        domains = [[("model", "not in", guarded)]]
        for model_name in guarded:
            model = user_env[model_name].with_context(active_test=False)
            if model.has_access("read"):
                domains.append(
                    [("model", "=", model_name), ("res_id", "in", model._search([]))]
                )
        domain = expression.OR(domains)
        if (operator == "=") != value:
            domain = ["!", *domain]
        return domain

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(
            vals.get("model") in self._cs_guarded_models() for vals in vals_list
        ):
            raise AccessError(
                self.env._("Reviews are created by requesting a validation only.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._cs_check_not_guarded(vals.get("model"))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_guarded(self):
        if not self.env.su:
            self._cs_check_not_guarded()

    def _cs_check_not_guarded(self, new_model=False):
        """Refuse a change by hand of a review of a guarded model, or the move
        of another review onto one (both the old and the new model count)."""
        guarded = self._cs_guarded_models()
        if new_model in guarded or set(self.sudo().mapped("model")) & guarded:
            raise AccessError(
                self.env._(
                    "The reviews of this document change only through its "
                    "validation buttons (Validate, Reject, Restart Validation)."
                )
            )
