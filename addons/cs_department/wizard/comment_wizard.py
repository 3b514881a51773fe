# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class CommentWizard(models.TransientModel):
    _inherit = "comment.wizard"

    def add_comment(self):
        # The wizard's model, record and reviews come from the client: on the
        # models of this suite the record checks them (see cs.tier.validation).
        self.ensure_one()
        if self.res_model not in self.env["tier.review"]._cs_guarded_models():
            return super().add_comment()
        record = self.env[self.res_model].browse(self.res_id)
        return record._cs_comment_tier(
            self.validate_reject, self.review_ids, self.comment
        )
