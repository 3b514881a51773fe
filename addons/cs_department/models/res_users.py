# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command, api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    # base_tier_validation's ``review_ids`` shares its table with the
    # reviewers of the reviews (``tier.review.reviewer_ids``): writing it is
    # writing those, refused on the reviews of this suite's documents. A core
    # model: no cs.guard.mixin here, only this one check of one field.

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                self.browse()._cs_check_review_links(vals)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._cs_check_review_links(vals)
        return super().write(vals)

    def _cs_check_review_links(self, vals):
        """Refuse linking or unlinking reviews of guarded models by hand."""
        if "review_ids" not in vals:
            return
        value = vals["review_ids"]
        current = set(self.sudo().review_ids.ids)
        if not value or not isinstance(value[0], (list, tuple)):
            # False, or a plain list of ids: the whole list is replaced.
            review_ids = current | set(value or ())
        else:
            review_ids = set()
            for command in value:
                if command[0] in (Command.SET, Command.CLEAR):
                    review_ids |= current
                if command[0] == Command.SET:
                    review_ids |= set(command[2])
                elif command[0] not in (Command.CREATE, Command.CLEAR):
                    review_ids.add(command[1])
        reviews = self.env["tier.review"].browse(review_ids).sudo().exists()
        reviews.with_env(self.env)._cs_check_not_guarded()
