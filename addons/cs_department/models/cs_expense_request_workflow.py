# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# The expense request is split over two files (its fields, its steps), as Odoo
# core splits big models:
# pylint: disable=consider-merging-classes-inherited

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_amount

from odoo.addons.cs_kpi.tools import validate
from odoo.addons.cs_kpi.tools.actions import notification

from .cs_budget import FINANCE_GROUP, GM_GROUP

#: Approval levels, lowest first (``approval_level``).
LEVELS = ("manager", "finance", "general_manager")


class CsExpenseRequest(models.Model):
    """Steps of an expense request (part of the expense request model).

    What an approval needs is the tier definitions of the model, and only
    them: the definitions whose domain the request matches when it is
    approved must each have a review approved by someone other than the
    requester. The figures the domains test (remaining amounts of the line and
    budget) move while requests are under review: the reviews follow them
    (:meth:`_cs_follow_tiers`), so a request is never left waiting for an
    approval nobody was asked for. The approval locks the budget rows so that
    concurrent approvals cannot overspend together.
    """

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

    # ---- what an approval needs: the tier definitions ----
    def _cs_tier_definitions(self):
        """The active tier definitions of these requests' model and companies,
        in review order: one search for a batch."""
        companies = self.company_id | self.env.company
        return (
            self.env["tier.definition"]
            .sudo()
            .search(
                [
                    ("model", "=", self._name),
                    ("company_id", "in", [False, *companies.ids]),
                ],
                order="sequence desc",
            )
        )

    def _cs_required_tiers(self, definitions=None):
        """The tier definitions whose domain the request matches now, among
        ``definitions`` (read afresh, with the request's figures, if not
        given)."""
        self.ensure_one()
        request = self.sudo()
        if definitions is None:
            request.invalidate_recordset()
            definitions = request._cs_tier_definitions()
        company = request._get_company()
        return definitions.filtered(
            lambda definition: (
                (not definition.company_id or definition.company_id == company)
                and request.evaluate_tier(definition)
            )
        )

    def _cs_missing_tiers(self, required):
        """The ``required`` tier definitions without a review approved by
        someone other than the requester."""
        self.ensure_one()
        approved = self.sudo().review_ids.filtered(
            lambda review: (
                review.status == "approved"
                and review.done_by
                and review.done_by != self.requester_id
            )
        )
        return required - approved.definition_id

    def _cs_follow_tiers(self):
        """Add the reviews the tier definitions now call for to these requests
        under review, in the order of their definitions, and notify their
        reviewers. Returns the new reviews."""
        Review = self.env["tier.review"].sudo()
        created = Review
        requests = self.sudo().filtered(lambda request: request.state == "to_approve")
        if not requests:
            return created
        # the figures moved: read them afresh, and the definitions once
        requests.invalidate_recordset()
        all_definitions = requests._cs_tier_definitions()
        for request in requests:
            reviews = request.review_ids
            definitions = (
                request._cs_required_tiers(all_definitions) - reviews.definition_id
            )
            if not definitions:
                continue
            new = Review.create(
                [request._prepare_tier_review_vals(td, 0) for td in definitions]
            )
            # base_tier_validation numbers the reviews by descending
            # definition sequence and reviews the lowest number first.
            everything = (reviews | new).sorted(
                lambda review: (-review.definition_id.sequence, review.sequence)
            )
            for number, review in enumerate(everything, start=1):
                review.sequence = number
            request._cs_sync_review_statuses(new)
            request._cs_notify_follow(new)
            created |= new
        return created

    def _cs_sync_review_statuses(self, new):
        """Statuses after reviews were inserted: the first open tier is
        pending, later sequential ones wait (as base_tier_validation sets
        them)."""
        self.ensure_one()
        open_reviews = self.review_ids.filtered(
            lambda review: review.status in ("waiting", "pending")
        )
        first = min(open_reviews.mapped("sequence"))
        for review in open_reviews - new:
            if review.approve_sequence and review.sequence > first:
                review.status = "waiting"
        starting = new.filtered(
            lambda review: review.sequence == first or not review.approve_sequence
        )
        # Sets them pending, with base's notices of the tiers that ask for it.
        starting._compute_can_review()
        for review in open_reviews - starting:
            review.can_review = review._can_review_value()

    def _cs_notify_follow(self, reviews):
        """Tell the reviewers of ``reviews`` (and the followers) why they were
        added to a request already under review."""
        self.ensure_one()
        partners = reviews.reviewer_ids.partner_id
        self.message_subscribe(partner_ids=partners.ids)
        body = escape(self._cs_needs_message(reviews))
        self.message_post(
            body=Markup("<p>%s</p>") % body,
            partner_ids=partners.ids,
            subtype_xmlid="mail.mt_comment",
        )

    def _cs_needs_message(self, reviews):
        self.ensure_one()
        currency = self.currency_id
        return self.env._(
            "Expense request %(request)s (%(amount)s) now needs the approval of "
            "%(who)s too: the remaining amount of its budget line is %(line)s "
            "and of its budget %(budget)s.",
            request=self.name,
            amount=format_amount(self.env, self.amount, currency),
            who=self._cs_who(reviews),
            line=format_amount(self.env, self.line_remaining_amount, currency),
            budget=format_amount(self.env, self.budget_remaining_amount, currency),
        )

    @api.model
    @api.model
    def _cs_follow_budgets(self, budgets):
        """The figures of ``budgets`` moved: the requests under review on them
        get the reviews their figures now call for."""
        requests = self.sudo().search(
            [
                ("budget_id", "in", budgets.ids),
                ("state", "=", "to_approve"),
            ]
        )
        return requests._cs_follow_tiers()

    # ---- steps ----
    def action_submit(self):
        """Send the request for approval: the tiers its figures call for."""
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
        unreviewed = self.filtered(lambda request: not request._cs_required_tiers())
        if unreviewed:
            raise UserError(
                self.env._(
                    "No approval tier applies to expense request %(request)s: an "
                    "administrator must define who approves it.",
                    request=unreviewed[0].name,
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
        # Decisions on a budget's requests take its rows in turn (see
        # _cs_approve): the approval of one request adds reviews to others.
        self.budget_id._cs_lock()
        result = super().validate_tier()
        self.invalidate_recordset(["validation_status"])
        if self.state == "to_approve" and self.validation_status == "validated":
            notice = self._cs_approve()
            if notice:
                return notice
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
        return self._cs_approve() or True

    def _cs_approve(self):
        """Approve the requests whose required tiers are all approved.

        The budget and line rows are locked first (NOWAIT): a concurrent
        approval on the same budget makes this one fail and retry on the
        figures that approval committed. A request whose figures now call for
        a tier it has no review of gets that review (its reviewers are
        notified) instead of the approval. Returns a notification (an action)
        when that happened, else False.
        """
        for request in self:
            pending = request.sudo().review_ids.filtered(
                lambda review: review.status in ("waiting", "pending")
            )
            if request.review_ids and request.validation_status != "validated":
                raise UserError(
                    self.env._(
                        "Expense request %(request)s is still waiting for the "
                        "approval of %(who)s.",
                        request=request.name,
                        who=self._cs_who(pending.sorted("sequence")[:1])
                        or request.validation_status,
                    )
                )
        self.flush_recordset()
        self.budget_id._cs_lock()
        self.budget_line_id._cs_lock()
        approved = self.browse()
        followed = self.env["tier.review"]
        for request in self:
            required = request._cs_required_tiers()
            missing = request._cs_missing_tiers(required)
            if missing:
                new = request._cs_follow_tiers()
                if not new:
                    reviews = request.sudo().review_ids.filtered(
                        lambda review, m=missing: review.definition_id in m
                    )
                    raise UserError(
                        self.env._(
                            "Expense request %(request)s cannot be approved without "
                            "the approval of %(who)s: restart its validation.",
                            request=request.name,
                            who=self._cs_who(reviews)
                            or ", ".join(missing.mapped("name")),
                        )
                    )
                followed |= new
                continue
            request._cs_step(
                {
                    "state": "approved",
                    "approved_date": fields.Datetime.now(),
                    "approval_level": request._cs_approval_level(required),
                    "within_budget": not (
                        request.cs_exceeds_line or request.cs_exceeds_budget
                    ),
                }
            )
            approved |= request
            # The next request of the batch judges the figures this one changed.
            self.env.flush_all()
        if approved:
            self._cs_follow_budgets(approved.budget_id)
        if not followed:
            return False
        return notification(
            "\n".join(
                request._cs_needs_message(
                    followed.filtered(lambda review, r=request: review.res_id == r.id)
                )
                for request in self
                if request.id in followed.mapped("res_id")
            ),
            "warning",
            sticky=True,
        )

    def _cs_approval_level(self, required):
        """The highest approval the ``required`` tiers asked for."""
        self.ensure_one()
        roles = {self._cs_tier_role(td) for td in required}
        return next((level for level in reversed(LEVELS) if level in roles), LEVELS[0])

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
        error = validate.number_error(
            self.env,
            amount,
            validate.field_label(self, "paid_amount"),
            0,
            validate.AMOUNT_MAX,
        ) or validate.text_error(
            self.env, reference, validate.field_label(self, "payment_reference")
        )
        if error:
            raise UserError(error)
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
