# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models
from odoo.exceptions import AccessError

#: What a review is about and who asked for it: fixed once requested.
FIXED_FIELDS = {"model", "res_id", "definition_id", "sequence", "requested_by"}


class TierReview(models.Model):
    _inherit = "tier.review"

    @api.model
    def _get_reviewer_fields(self):
        return super()._get_reviewer_fields() + [
            "requested_by",
            "definition_id.exclude_requester",
        ]

    def _get_reviewers(self):
        reviewers = super()._get_reviewers()
        if self.definition_id.exclude_requester:
            reviewers -= self.requested_by
        return reviewers

    @api.model
    def _cs_guarded_models(self):
        """The models of this suite: those that inherit ``cs.tier.validation``."""
        base = type(self.env["cs.tier.validation"])
        return {
            name
            for name, model_class in self.env.registry.items()
            if not model_class._abstract and issubclass(model_class, base)
        }

    @api.model_create_multi
    def create(self, vals_list):
        # base_tier_validation lets every employee create and write reviews:
        # for our models they come from request_validation() only, which
        # creates them as superuser.
        if not self.env.su and any(
            vals.get("model") in self._cs_guarded_models() for vals in vals_list
        ):
            raise AccessError(
                self.env._("Reviews are created by requesting a validation only.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._cs_check_review_write(vals)
        return super().write(vals)

    def _cs_check_review_write(self, vals):
        """Only a reviewer of a review approves or rejects it, in his own name."""
        guarded = self._cs_guarded_models()
        reviews = self.filtered(lambda review: review.model in guarded)
        if not reviews:
            return
        if FIXED_FIELDS & set(vals):
            raise AccessError(
                self.env._("The subject and requester of a review cannot be changed.")
            )
        deciding = vals.get("status") in ("approved", "rejected") or "done_by" in vals
        if deciding and (
            vals.get("done_by", self.env.uid) != self.env.uid
            or any(self.env.user not in review.reviewer_ids for review in reviews)
        ):
            raise AccessError(
                self.env._(
                    "Only a reviewer of a tier can approve or reject it, with the "
                    "Validate and Reject buttons."
                )
            )
