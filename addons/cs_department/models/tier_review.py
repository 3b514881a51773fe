# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models


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
