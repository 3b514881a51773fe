# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# The expense request is split over two files (its fields, its steps), as Odoo
# core splits big models:
# pylint: disable=consider-merging-classes-inherited

from odoo import fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_amount

from .cs_budget import FINANCE_GROUP, GM_GROUP


class CsExpenseRequest(models.Model):
    """Steps of an expense request (part of the expense request model); the
    approval locks the budget rows so that concurrent approvals cannot
    overspend together."""

    _inherit = "cs.expense.request"

    def _cs_step(self, vals, under_validation=False):
        """Write a step's values (see ``cs.guard.mixin``).

        ``under_validation``: the step ends an open validation (rejection),
        which base_tier_validation would otherwise refuse as an edit.
        """
        requests = self
        if under_validation:
            requests = requests.with_context(skip_validation_check=True)
        return super(CsExpenseRequest, requests)._cs_step(vals)

    def _cs_check_requester_or(self, group=None):
        user = self.env.user
        for request in self:
            if user == request.requester_id or user in request.manager_user_id:
                continue
            if group and user.has_group(group) or user.has_group(GM_GROUP):
                continue
            raise AccessError(
                self.env._(
                    "Only the requester of %(request)s or his manager can do this.",
                    request=request.name,
                )
            )

    # ---- steps ----
    def action_submit(self):
        """Send the request for approval: the tiers its flags call for."""
        self._cs_check_state(["draft"], self.env._("Submission"))
        self._cs_check_requester_or()
        closed = self.filtered(lambda request: request.budget_id.state != "approved")
        if closed:
            raise UserError(
                self.env._(
                    "The budget of expense request %(request)s is not approved "
                    "(or already closed).",
                    request=closed[0].name,
                )
            )
        unmanaged = self.filtered(lambda request: not request.manager_user_id)
        if unmanaged:
            raise UserError(
                self.env._(
                    "Department %(department)s has no manager with a user to "
                    "approve expense request %(request)s.",
                    department=unmanaged[0].department_id.name,
                    request=unmanaged[0].name,
                )
            )
        self._cs_step({"state": "to_approve"})
        self.invalidate_recordset(["need_validation"])
        self.filtered("need_validation").request_validation()
        return True

    def _prepare_tier_review_vals(self, definition, sequence):
        # The four-eyes rule is about the person who asks for the money, even
        # when his manager submits or restarts the validation for him.
        vals = super()._prepare_tier_review_vals(definition, sequence)
        vals["requested_by"] = self.requester_id.id
        return vals

    def validate_tier(self):
        result = super().validate_tier()
        self.invalidate_recordset(["validation_status"])
        if self.state == "to_approve" and self.validation_status == "validated":
            self._cs_approve()
        # base returns None, which XML-RPC clients cannot receive
        return True if result is None else result

    def reject_tier(self):
        result = super().reject_tier()
        self.invalidate_recordset(["validation_status"])
        if self.state == "to_approve" and self.validation_status == "rejected":
            self._cs_step(
                {
                    "state": "rejected",
                    "reject_reason": self.env._(
                        "Rejected by %(user)s.", user=self.env.user.name
                    ),
                },
                under_validation=True,
            )
        return True if result is None else result

    def action_approve(self):
        """Approve once every review is validated (done by the last reviewer's
        validation too)."""
        self._cs_check_state(["to_approve"], self.env._("Approval"))
        self._cs_approve()
        return True

    def _cs_approve(self):
        """Approve the requests, refusing any that needs a missing approval.

        The budget and line rows are locked first (NOWAIT): a concurrent
        approval on the same budget makes this one fail and retry on the
        figures that approval committed, so that two approvals cannot
        together overspend without the finance or General Manager steps.
        """
        for request in self:
            if request.review_ids and request.validation_status != "validated":
                raise UserError(
                    self.env._(
                        "Expense request %(request)s is still waiting for its "
                        "approvals (%(next)s).",
                        request=request.name,
                        next=request.next_review or request.validation_status,
                    )
                )
        self.flush_recordset()
        self.budget_id._cs_lock()
        self.budget_line_id._cs_lock()
        for request in self:
            request._cs_check_approvals()
            request._cs_step(
                {
                    "state": "approved",
                    "approved_date": fields.Datetime.now(),
                    "approval_level": request._cs_required_level(),
                    "within_budget": not (
                        request.cs_exceeds_line or request.cs_exceeds_budget
                    ),
                }
            )
            # The next request of the batch judges the figures this one changed.
            self.env.flush_all()

    def _cs_required_level(self):
        self.ensure_one()
        if self.cs_needs_general_manager or self.cs_by_manager:
            return "general_manager"
        return "finance" if self.cs_needs_finance else "manager"

    def _cs_approvers(self):
        """Users who approved this request's reviews."""
        self.ensure_one()
        return (
            self.sudo()
            .review_ids.filtered(lambda review: review.status == "approved")
            .done_by
        )

    def _cs_check_approvals(self):
        """Refuse clearly when the figures now call for an approval it lacks."""
        self.ensure_one()
        self.invalidate_recordset()
        approvers = self._cs_approvers() - self.requester_id
        missing = []
        if self.cs_needs_finance and not any(
            user.has_group(FINANCE_GROUP) for user in approvers
        ):
            missing.append(self.env._("a finance reviewer"))
        if (self.cs_needs_general_manager or self.cs_by_manager) and not any(
            user.has_group(GM_GROUP) for user in approvers
        ):
            missing.append(self.env._("the General Manager"))
        if not self.cs_by_manager and self.manager_user_id not in approvers:
            missing.append(self.env._("the department manager"))
        if missing:
            raise UserError(
                self.env._(
                    "Expense request %(request)s (%(amount)s) cannot be approved "
                    "without the approval of %(missing)s: the remaining amount of "
                    "its budget line is %(line)s and of its budget %(budget)s. "
                    "Restart its validation to ask for these approvals.",
                    request=self.name,
                    amount=format_amount(self.env, self.amount, self.currency_id),
                    missing=", ".join(missing),
                    line=format_amount(
                        self.env, self.line_remaining_amount, self.currency_id
                    ),
                    budget=format_amount(
                        self.env, self.budget_remaining_amount, self.currency_id
                    ),
                )
            )

    def action_cancel(self):
        self._cs_check_state(
            ["draft", "to_approve", "approved"], self.env._("Cancellation")
        )
        self._cs_check_requester_or(FINANCE_GROUP)
        return self._cs_step({"state": "cancelled"})

    def action_draft(self):
        """Back to draft after a rejection or a cancellation."""
        self._cs_check_state(
            ["rejected", "cancelled"], self.env._("Resetting to draft")
        )
        self._cs_check_requester_or()
        self.sudo().review_ids.unlink()
        return self._cs_step({"state": "draft", "reject_reason": False})

    def restart_validation(self):
        # Reviews of this suite are created as superuser only (tier.review).
        self._cs_check_state(["to_approve"], self.env._("Restarting the validation"))
        self._cs_check_requester_or()
        result = super(CsExpenseRequest, self.sudo()).restart_validation()
        self.invalidate_recordset(["need_validation"])
        self.filtered("need_validation").request_validation()
        return result

    def _cs_mark_paid(self, amount, date, reference=False):
        """Record the payment of approved requests (finance reviewers)."""
        if not self.env.user.has_group(FINANCE_GROUP):
            raise AccessError(
                self.env._("Only finance reviewers mark expense requests paid.")
            )
        self._cs_check_state(["approved"], self.env._("Payment"))
        for request in self:
            if not date or amount <= 0 or amount > request.amount:
                raise UserError(
                    self.env._(
                        "Expense request %(request)s: the paid amount must be "
                        "positive and at most the approved %(amount)s, with a "
                        "payment date.",
                        request=request.name,
                        amount=format_amount(
                            self.env, request.amount, request.currency_id
                        ),
                    )
                )
        return self._cs_step(
            {
                "state": "paid",
                "paid_amount": amount,
                "paid_date": date,
                "payment_reference": reference,
            }
        )
