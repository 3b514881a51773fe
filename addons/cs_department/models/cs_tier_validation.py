# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models
from odoo.exceptions import UserError

from odoo.addons.cs_kpi.tools.actions import notification


class CsTierValidation(models.AbstractModel):
    """Tier validation as every model of this suite uses it.

    Inherit it instead of ``tier.validation``. The reviews of these models
    change only through the methods below, which check the caller's rights
    (write access to request or restart, being a reviewer of the current tier
    to validate or reject) and then write the reviews as superuser;
    ``tier.review`` refuses every other change of them. A requester never
    reviews his own request, whatever the tier definition says.
    """

    _name = "cs.tier.validation"
    _inherit = "tier.validation"
    _description = "Tier Validation of the Customer Service Suite"

    #: Fields that stay editable while a record is under validation or
    #: validated (base_tier_validation locks all others).
    _cs_tier_free_fields = []

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + self._cs_tier_free_fields

    @api.model
    def _get_all_validation_exceptions(self):
        return super()._get_all_validation_exceptions() + self._cs_tier_free_fields

    def _cs_tier_requesters(self):
        """Users who asked for this record's approval besides the requester of
        the reviews (``requested_by``): they do not review it either.
        Override to add e.g. the employee who filed a request."""
        return self.env["res.users"]

    def request_validation(self):
        self.check_access("write")
        # A client could send these keys to get reviews outside the state under
        # validation (e.g. on a draft, still editable) or left waiting.
        records = self.sudo().with_context(
            skip_check_state_condition=False,
            tier_validation_defer_compute_can_review=False,
        )
        reviews = super(CsTierValidation, records).request_validation()
        # Base only refreshes the review statuses when the requester can review
        # himself; reviewers must see "pending" reviews (systray) in any case.
        reviews._compute_can_review()
        return reviews.with_env(self.env)

    def restart_validation(self):
        self.check_access("write")
        return super(CsTierValidation, self.sudo()).restart_validation()

    def validate_tier(self):
        self._cs_check_can_review()
        result = super(CsTierValidation, self.sudo()).validate_tier()
        # the comment wizard when the tier asks for one, else what happened
        return result or self._cs_decision_notification("validate")

    def reject_tier(self):
        self._cs_check_can_review()
        result = super(CsTierValidation, self.sudo()).reject_tier()
        return result or self._cs_decision_notification("reject")

    def _cs_who(self, reviews):
        """Who must act on ``reviews``: their tier and reviewers."""
        return ", ".join(
            f"{review.name} ({review.todo_by})" if review.todo_by else review.name
            for review in reviews.sudo()
        )

    def _cs_decision_notification(self, decision, close=False):
        """The reviewer's decision said at once, with what comes next, then the
        record reloaded (``close``: the comment wizard's dialog closed)."""
        self.ensure_one()
        record = self.display_name
        waiting = self.sudo().review_ids.filtered(
            lambda review: review.status in ("waiting", "pending")
        )
        if decision == "reject":
            message, kind = self.env._("%(record)s rejected.", record=record), "warning"
        elif self.validation_status == "validated" or not waiting:
            message, kind = self.env._("%(record)s approved.", record=record), "success"
        else:
            first = min(waiting.mapped("sequence"))
            message, kind = (
                self.env._(
                    "Your approval of %(record)s is recorded. Next: %(who)s.",
                    record=record,
                    who=self._cs_who(
                        waiting.filtered(lambda review: review.sequence == first)
                    ),
                ),
                "success",
            )
        return notification(message, kind, close=close)

    def _validate_tier(self, tiers=False):
        reviews = self._cs_reviews_to_decide(tiers)
        if not reviews:
            # Base would fall back on every review of the record.
            return None
        res = super(CsTierValidation, self.sudo())._validate_tier(reviews.sudo())
        self.invalidate_recordset(["validation_status", "need_validation"])
        if self.validation_status == "validated":
            self._cs_tiers_validated()
        return res

    def _cs_tiers_validated(self):
        """Hook: every tier of this record has just been validated (e.g. move
        it to its approved state). Runs as the last reviewer."""
        return

    def _rejected_tier(self, tiers=False):
        reviews = self._cs_reviews_to_decide(tiers)
        if not reviews:
            return None
        return super(CsTierValidation, self.sudo())._rejected_tier(reviews.sudo())

    def unlink(self):
        # Base deletes the reviews as the caller: they go with the record.
        self.check_access("unlink")
        self.review_ids.sudo().unlink()
        return super().unlink()

    def _cs_drop_reviews(self):
        """Delete the reviews of records the caller may write (reset to draft)."""
        self.check_access("write")
        self.review_ids.sudo().unlink()

    def _cs_reviews_to_decide(self, reviews=False):
        """The reviews of this record (among ``reviews`` if given) that the
        current user may approve or reject now: those of his current tier,
        never one he asked for."""
        self.ensure_one()
        user = self.env.user
        if user in self._cs_tier_requesters():
            return self.env["tier.review"]
        sequences = self._get_sequences_to_approve(user)
        decidable = self.review_ids.filtered(
            lambda review: (
                review.status in ("waiting", "pending")
                and user in review.reviewer_ids
                and user != review.requested_by
                and (review.sequence in sequences or review.approve_sequence_bypass)
            )
        )
        if reviews:
            decidable &= reviews
        return decidable

    def _cs_check_can_review(self):
        """Refuse clearly instead of silently doing nothing (base behaviour)."""
        self.ensure_one()
        if self._cs_reviews_to_decide():
            return
        if self.env.user in self._cs_tier_requesters() | self.review_ids.requested_by:
            raise UserError(
                self.env._(
                    "You asked for the approval of %(record)s: another reviewer "
                    "must approve or reject it.",
                    record=self.display_name,
                )
            )
        raise UserError(
            self.env._(
                "You are not a reviewer of the current approval tier of %(record)s.",
                record=self.display_name,
            )
        )

    def _cs_comment_tier(self, decision, reviews, comment):
        """Validate or reject ``reviews`` with a comment (base comment wizard)."""
        self.ensure_one()
        decidable = self._cs_reviews_to_decide(reviews)
        if (
            decision not in ("validate", "reject")
            or not decidable
            or reviews - decidable
        ):
            raise UserError(
                self.env._(
                    "Only a reviewer of a tier can approve or reject it, with the "
                    "Validate and Reject buttons."
                )
            )
        decidable.sudo().write({"comment": comment})
        if decision == "validate":
            self._validate_tier(decidable)
        else:
            self._rejected_tier(decidable)
        self.sudo()._update_counter({"review_deleted": True})
        return self._cs_decision_notification(decision, close=True)
