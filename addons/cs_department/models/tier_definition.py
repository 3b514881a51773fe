# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    exclude_requester = fields.Boolean(
        string="Requester Cannot Review",
        help="The user who requested the validation is not a reviewer of this "
        "tier, even when he belongs to the reviewer group (four-eyes rule).",
    )

    @api.model
    def _get_tier_validation_model_names(self):
        res = super()._get_tier_validation_model_names()
        res.append("cs.change.order")
        res.append("cs.expense.request")
        return res
