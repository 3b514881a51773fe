# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models
from odoo.exceptions import UserError

from .cs_change_order_workflow import FREE_FIELDS


class CsChangeOrderTierValidation(models.AbstractModel):
    """base_tier_validation glue of change orders: free fields, review
    refresh, clear refusals. Listed before tier.validation in _inherit."""

    _name = "cs.change.order.tier.validation"
    _description = "Change Order Tier Validation Glue"

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + FREE_FIELDS

    @api.model
    def _get_all_validation_exceptions(self):
        return super()._get_all_validation_exceptions() + FREE_FIELDS

    def request_validation(self):
        # Reviews of change orders can only be created as superuser (see
        # tier.review.create), after the caller's own write right is checked.
        self.check_access("write")
        reviews = super(CsChangeOrderTierValidation, self.sudo()).request_validation()
        reviews = reviews.with_env(self.env)
        # Base only refreshes the review statuses when the requester can review
        # himself; reviewers must see "pending" reviews (systray) in any case.
        reviews._compute_can_review()
        return reviews

    def validate_tier(self):
        self._check_can_review()
        return super().validate_tier()

    def reject_tier(self):
        self._check_can_review()
        return super().reject_tier()

    def _check_can_review(self):
        """Refuse clearly instead of silently doing nothing (base behaviour)."""
        self.ensure_one()
        if not self.can_review:
            raise UserError(
                self.env._(
                    "You are not a reviewer of the current approval tier of change "
                    "order %(order)s.",
                    order=self.name,
                )
            )
