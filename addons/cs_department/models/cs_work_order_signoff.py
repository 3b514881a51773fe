# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.cs_kpi.tools import validate

from .cs_change_request import html_error


class CsWorkOrderSignoff(models.Model):
    """The customer's sign-off of a visit, given in the portal: he confirms
    the work was done and may rate it (0-100). One per work order, fixed once
    given; its rating feeds the ``cs_work_order_customer_rating`` KPI source
    of the engineer (an unrated sign-off is no rating of 0)."""

    _name = "cs.work.order.signoff"
    _description = "Work Order Customer Sign-off"
    _inherit = ["cs.guard.mixin"]
    _order = "signed_date desc, id desc"
    _check_company_auto = True
    # cs.guard.mixin: the date is the creation's; a sign-off is given once
    # and never changed (no role has the write right on it, see the ACL).

    work_order_id = fields.Many2one(
        comodel_name="cs.work.order",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(related="work_order_id.company_id", store=True)
    partner_id = fields.Many2one(
        related="work_order_id.partner_id", string="Customer", store=True
    )
    engineer_id = fields.Many2one(
        related="work_order_id.engineer_id", string="Engineer", store=True
    )
    done_date = fields.Datetime(related="work_order_id.done_date", store=True)
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Signed By",
        required=True,
        index=True,
        default=lambda self: self.env.user,
    )
    signed_date = fields.Datetime(
        string="Signed On", required=True, default=fields.Datetime.now, cs_step=True
    )
    rated = fields.Boolean(
        help="The customer rated the visit: without a rating the sign-off "
        "only confirms it.",
    )
    rating = fields.Integer(aggregator="avg", help="The customer's rating, 0-100.")
    comment = fields.Text()

    _sql_constraints = [
        (
            "work_order_uniq",
            "UNIQUE(work_order_id)",
            "A visit is signed off once.",
        ),
        (
            "rating_range",
            "CHECK(rating BETWEEN 0 AND 100)",
            "The rating of a visit must be between 0 and 100.",
        ),
    ]

    @api.constrains("rating", "rated")
    def _check_rating(self):
        for signoff in self:
            if not 0 <= signoff.rating <= 100:
                raise ValidationError(
                    self.env._(
                        "The rating of a visit must be between 0 and 100, got "
                        "%(rating)s.",
                        rating=signoff.rating,
                    )
                )
            if signoff.rating and not signoff.rated:
                raise ValidationError(
                    self.env._("A rating of a visit must be marked as rated.")
                )

    @api.constrains("comment")
    def _check_comment(self):
        label = validate.field_label(self, "comment")
        for signoff in self:
            error = validate.text_error(
                self.env, signoff.comment, label, validate.TEXT_MAX
            ) or html_error(self.env, signoff.comment, label)
            if error:
                raise ValidationError(error)

    @api.constrains("work_order_id", "user_id")
    def _check_work_order(self):
        """The customer signs off a visit once it is done, for his company."""
        for signoff in self.sudo():
            order = signoff.work_order_id
            if order.state != "done":
                raise ValidationError(
                    self.env._(
                        "Work order %(order)s is not done yet: a visit is "
                        "signed off once done.",
                        order=order.name,
                    )
                )
            user = signoff.user_id
            if (
                not user._is_internal()
                and order.partner_id.commercial_partner_id != user.commercial_partner_id
            ):
                raise ValidationError(
                    self.env._(
                        "%(user)s cannot sign off a visit to another customer.",
                        user=user.name,
                    )
                )
