# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import defaultdict

from odoo import api, models, tools
from odoo.exceptions import AccessError
from odoo.osv import expression


class TierReview(models.Model):
    """Reviews of the models of this suite (those inheriting
    ``cs.tier.validation``) change only through the tier-validation mechanism.

    base_tier_validation lets every internal user create, write and delete
    any review. For the guarded models the record methods (request, validate,
    reject, restart) check the caller's rights and then write the reviews as
    superuser: here every other create, write or unlink is refused, whatever
    the fields, and a review of another model cannot be moved onto them. These
    reviews are visible only to those who can read the reviewed record
    (``_apply_ir_rules`` and ``_check_access``, not a record rule). Reviews of
    other models keep the base behaviour.
    """

    _inherit = "tier.review"

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

    def _cs_readable_domain(self):
        """The reviews the current user may see: those of documents outside the
        suite, and those of the suite's documents he can read (their own access
        rights and rules decide, archived documents included)."""
        user_env = self.env(su=False)
        guarded = sorted(self._cs_guarded_models())
        domains = [[("model", "not in", guarded)]]
        for model_name in guarded:
            model = user_env[model_name].with_context(active_test=False)
            if model.has_access("read"):
                domains.append(
                    [("model", "=", model_name), ("res_id", "in", model._search([]))]
                )
        return expression.OR(domains)

    def _apply_ir_rules(self, query, mode="read"):
        """Queries on reviews made as a user keep the readable ones only: those
        of ``_search`` (search, read_group, reading stored fields) and those of
        the many2many fields of reviews (``res.users.review_ids``) apply their
        access rules here. Not a record rule: its domain would name a field of
        this module, unknown to registries without it (base_tier_validation's
        own tests load one)."""
        res = super()._apply_ir_rules(query, mode)
        if not self.env.su:
            expression.expression(
                self._cs_readable_domain(), self.sudo(), self._table, query
            )
        return res

    def _check_access(self, operation):
        """The reviews of a document the user cannot read are forbidden to him,
        whatever the operation (``check_access``, ``has_access``, reading
        computed fields), as ``mail.message`` does for messages."""
        result = super()._check_access(operation)
        if not self or self.env.su:
            return result
        reviews = self - result[0] if result else self
        forbidden = reviews._cs_unreadable()
        if not forbidden:
            return result
        if result:
            return result[0] + forbidden, result[1]
        return forbidden, lambda: self.env["ir.rule"]._make_access_error(
            operation, forbidden
        )

    def _cs_unreadable(self):
        """The reviews among ``self`` of a suite's document the current user
        cannot read (or that no longer exists)."""
        guarded = self._cs_guarded_models()
        by_document = defaultdict(lambda: defaultdict(list))
        for review in self.sudo().exists():
            if review.model in guarded:
                by_document[review.model][review.res_id].append(review.id)
        forbidden_ids = []
        for model_name, reviews_by_doc in by_document.items():
            model = self.env(su=False)[model_name].with_context(active_test=False)
            readable = set()
            if model.has_access("read"):
                readable = set(model.search([("id", "in", list(reviews_by_doc))]).ids)
            for res_id, review_ids in reviews_by_doc.items():
                if res_id not in readable:
                    forbidden_ids += review_ids
        return self.browse(forbidden_ids)

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
