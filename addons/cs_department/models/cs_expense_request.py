# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.cs_kpi.tools import validate

from .cs_budget import FINANCE_GROUP, GM_GROUP


class CsExpenseRequest(models.Model):
    """An expense request on a budget line; its steps and approval are in
    ``cs_expense_request_workflow.py``."""

    _name = "cs.expense.request"
    _description = "Expense Request"
    _inherit = [
        "cs.tier.validation",
        "cs.guard.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "create_date desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["name", "description"]
    # cs.guard.mixin: the steps set the state, approval and payment
    # (cs_step fields) and the requester is the user who creates the request;
    # once submitted only its notes change, and it is deleted as a draft or
    # cancelled only.
    _cs_closed_states = ("to_approve", "approved", "paid", "rejected", "cancelled")
    _cs_closed_free_fields = ("note",)
    _cs_unlink_states = ("draft", "cancelled")

    # base_tier_validation: the reviews are requested on submission and must
    # all be validated before the request is approved.
    _tier_validation_manual_config = False
    _state_from = ["to_approve"]
    _state_to = ["approved", "paid"]
    _cancel_state = "cancelled"
    _cs_tier_free_fields = list(_cs_closed_free_fields)

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    description = fields.Char(string="Expense Purpose", required=True, tracking=True)
    requester_id = fields.Many2one(
        comodel_name="res.users",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.user,
        tracking=True,
        cs_step=True,
    )
    budget_line_id = fields.Many2one(
        comodel_name="cs.budget.line",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        domain="[('budget_state', '=', 'approved')]",
    )
    budget_id = fields.Many2one(
        related="budget_line_id.budget_id", store=True, index=True
    )
    category_id = fields.Many2one(related="budget_line_id.category_id", store=True)
    department_id = fields.Many2one(
        related="budget_line_id.budget_id.department_id", store=True, index=True
    )
    manager_user_id = fields.Many2one(
        related="department_id.manager_id.user_id",
        string="Department Manager",
        store=True,
        help="Approves every request of the department (tier validation).",
    )
    company_id = fields.Many2one(
        related="budget_line_id.budget_id.company_id", store=True, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(required=True, tracking=True)
    needed_date = fields.Date(string="Needed By", tracking=True)
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("to_approve", "To Approve"),
            ("approved", "Approved"),
            ("paid", "Paid"),
            ("rejected", "Rejected"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        group_expand=True,
        cs_step=True,
    )
    pending_approver = fields.Selection(
        selection=[
            ("manager", "Department Manager"),
            ("finance", "Finance"),
            ("general_manager", "General Manager"),
            ("other", "Other Reviewer"),
        ],
        string="Waiting For",
        compute="_compute_pending_approver",
        store=True,
        help="Who must approve the request next.",
    )
    approved_date = fields.Datetime(
        string="Approved On", readonly=True, copy=False, cs_step=True
    )
    approval_level = fields.Selection(
        selection=[
            ("manager", "Department Manager"),
            ("finance", "Finance"),
            ("general_manager", "General Manager"),
        ],
        readonly=True,
        copy=False,
        cs_step=True,
        help="Highest approval the request needed when it was approved.",
    )
    within_budget = fields.Boolean(
        readonly=True,
        copy=False,
        cs_step=True,
        help="Set on approval when the request fitted in the remaining amounts of "
        "its budget line and of its budget.",
    )
    paid_amount = fields.Monetary(
        readonly=True, copy=False, tracking=True, cs_step=True
    )
    paid_date = fields.Date(readonly=True, copy=False, tracking=True, cs_step=True)
    payment_reference = fields.Char(
        readonly=True, copy=False, tracking=True, cs_step=True
    )
    reject_reason = fields.Text(readonly=True, copy=False, tracking=True, cs_step=True)
    note = fields.Html(string="Notes")
    # ---- what the approval needs: flags the tier definitions test ----
    line_remaining_amount = fields.Monetary(
        related="budget_line_id.remaining_amount", string="Line Remaining"
    )
    budget_remaining_amount = fields.Monetary(
        related="budget_id.remaining_amount", string="Budget Remaining"
    )
    cs_above_limit = fields.Boolean(
        string="Above the Finance Limit", compute="_compute_approval_flags"
    )
    cs_exceeds_line = fields.Boolean(
        string="Exceeds the Line", compute="_compute_approval_flags"
    )
    cs_exceeds_budget = fields.Boolean(
        string="Exceeds the Budget", compute="_compute_approval_flags"
    )
    cs_needs_finance = fields.Boolean(
        string="Needs Finance", compute="_compute_approval_flags"
    )
    cs_needs_general_manager = fields.Boolean(
        string="Needs the General Manager", compute="_compute_approval_flags"
    )
    cs_by_manager = fields.Boolean(
        string="Requested by the Manager",
        compute="_compute_approval_flags",
        help="The department manager's own requests go to the General Manager.",
    )

    _sql_constraints = [
        ("amount_positive", "CHECK(amount > 0)", "The amount must be positive."),
        (
            "paid_amount_positive",
            "CHECK(paid_amount IS NULL OR paid_amount >= 0)",
            "The paid amount cannot be negative.",
        ),
    ]

    @api.constrains("amount")
    def _check_amount_bounds(self):
        error = validate.record_number_error(self, "amount", 0, validate.AMOUNT_MAX)
        if error:
            raise ValidationError(error)

    @api.constrains("description")
    def _check_description_length(self):
        error = validate.record_text_error(self, ["description"])
        if error:
            raise ValidationError(error)

    @api.depends("state", "review_ids.status")
    def _compute_pending_approver(self):
        for request in self:
            review = (
                request.sudo()
                .review_ids.filtered(lambda r: r.status == "pending")
                .sorted("sequence")[:1]
            )
            if request.state != "to_approve" or not review:
                request.pending_approver = False
            else:
                request.pending_approver = self._cs_tier_role(review.definition_id)

    @api.model
    def _cs_tier_role(self, definition):
        """The role a tier definition asks to approve: the department manager
        (reviewer field), finance, the General Manager or another reviewer."""
        if definition.review_type == "field":
            return "manager"
        groups = {
            self.env.ref(xmlid, raise_if_not_found=False): role
            for xmlid, role in (
                (FINANCE_GROUP, "finance"),
                (GM_GROUP, "general_manager"),
            )
        }
        return groups.get(definition.reviewer_group_id, "other")

    @api.depends(
        "amount",
        "state",
        "requester_id",
        "manager_user_id",
        "budget_line_id.remaining_amount",
        "budget_id.remaining_amount",
        "company_id.cs_expense_finance_limit",
    )
    def _compute_approval_flags(self):
        for request in self:
            line, budget = request.budget_line_id, request.budget_id
            # An approved or paid request is already counted in the remaining
            # amounts: add it back to judge it.
            counted = request.amount if request.state in ("approved", "paid") else 0
            limit = request.company_id.cs_expense_finance_limit
            request.cs_above_limit = bool(limit) and request.amount > limit
            request.cs_exceeds_line = bool(line) and (
                request.amount > line.remaining_amount + counted
            )
            request.cs_exceeds_budget = bool(budget) and (
                request.amount > budget.remaining_amount + counted
            )
            request.cs_needs_finance = (
                request.cs_above_limit
                or request.cs_exceeds_line
                or request.cs_exceeds_budget
            )
            request.cs_needs_general_manager = request.cs_exceeds_budget
            request.cs_by_manager = bool(request.manager_user_id) and (
                request.requester_id == request.manager_user_id
            )

    @api.depends("name")
    def _compute_display_name(self):
        # the reference comes at the first save: until then, say what it is
        for request in self:
            if request.name and request.name != "/":
                request.display_name = request.name
            else:
                request.display_name = self.env._("New Expense Request")

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code(
                    "cs.expense.request"
                ) or self.env._("New")
        return super().create(vals_list)

    @api.constrains("budget_line_id")
    def _check_budget_line_readable(self):
        """One asks money only from a budget line one can see (the related
        budget fields are read as superuser)."""
        if not self.env.su:
            self.budget_line_id.check_access("read")
