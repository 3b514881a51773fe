# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models
from odoo.exceptions import UserError


class CsTierValidation(models.AbstractModel):
    """Tier validation as every model of this suite uses it.

    Inherit it instead of ``tier.validation``: reviews are created by the
    engine only (as superuser, after the caller's write right is checked),
    validating or rejecting without being a reviewer is refused clearly, and
    ``tier.review`` guards the reviews of every model that inherits it.
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

    def request_validation(self):
        # Reviews of these models can only be created as superuser (see
        # tier.review.create), after the caller's own write right is checked.
        self.check_access("write")
        reviews = super(CsTierValidation, self.sudo()).request_validation()
        reviews = reviews.with_env(self.env)
        # Base only refreshes the review statuses when the requester can review
        # himself; reviewers must see "pending" reviews (systray) in any case.
        reviews._compute_can_review()
        return reviews

    def validate_tier(self):
        self._cs_check_can_review()
        return super().validate_tier()

    def reject_tier(self):
        self._cs_check_can_review()
        return super().reject_tier()

    def _cs_check_can_review(self):
        """Refuse clearly instead of silently doing nothing (base behaviour)."""
        self.ensure_one()
        if not self.can_review:
            raise UserError(
                self.env._(
                    "You are not a reviewer of the current approval tier of "
                    "%(record)s.",
                    record=self.display_name,
                )
            )
