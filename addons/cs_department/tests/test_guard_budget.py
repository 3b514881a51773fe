# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common_budget import CsBudgetCommon


@freeze_time("2026-06-15 10:00:00")
@tagged("post_install", "-at_install")
class TestBudgetGuard(CsBudgetCommon):
    """What a client cannot forge on budgets, lines and expense requests, with
    the context keys a client can send."""

    def _create_request(self, **context):
        return (
            self.env["cs.expense.request"]
            .with_user(self.requester)
            .with_context(**context)
            .create(
                {
                    "description": "x",
                    "budget_line_id": self.line_training.id,
                    "amount": 100,
                }
            )
        )

    def _assert_no_request(self):
        Request = self.env["cs.expense.request"].sudo()
        self.assertFalse(Request.search([("description", "=", "x")]))
        self.assertEqual(
            (self.line_training.committed_amount, self.line_training.spent_amount),
            (0, 0),
        )

    def test_01_request_created_paid_refused(self):
        """A representative cannot create a request already paid by defaults."""
        with self.assertRaises(AccessError):
            self._create_request(
                default_state="paid",
                default_paid_amount=100,
                default_payment_reference="X",
            )
        self._assert_no_request()

    def test_02_request_created_approved_refused(self):
        """A representative cannot create a request approved by the General
        Manager by defaults, nor one within budget or for someone else."""
        for context in (
            {"default_state": "approved", "default_approval_level": "general_manager"},
            {"default_within_budget": True},
            {"default_requester_id": self.requester_other.id},
        ):
            with self.subTest(context=context), self.assertRaises(AccessError):
                self._create_request(**context)
        self._assert_no_request()

    def _create_budget(self, **context):
        return (
            self.env["cs.budget"]
            .with_user(self.manager_other)
            .with_context(**context)
            .create(
                {
                    "department_id": self.department_other.id,
                    "fiscal_date": date(2026, 6, 15),
                }
            )
        )

    def test_03_budget_created_approved_refused(self):
        """A department manager cannot create his budget approved by defaults."""
        for context in ({"default_state": "approved"}, {"default_state": "closed"}):
            with self.subTest(context=context), self.assertRaises(AccessError):
                self._create_budget(**context)
        budgets = (
            self.env["cs.budget"]
            .sudo()
            .search([("department_id", "=", self.department_other.id)])
        )
        self.assertFalse(budgets)

    def test_04_budget_created_revision_submitted_refused(self):
        """Nor with a revision submitted to finance."""
        with self.assertRaises(AccessError):
            self._create_budget(default_revision_state="submitted")
        budgets = (
            self.env["cs.budget"]
            .sudo()
            .search([("department_id", "=", self.department_other.id)])
        )
        self.assertFalse(budgets)
        # Writing them on a draft is refused as well.
        draft = self._create_budget()
        for vals in ({"state": "approved"}, {"revision_state": "submitted"}):
            with self.assertRaises(AccessError):
                draft.write(vals)
        self.assertEqual((draft.state, draft.revision_state), ("draft", False))

    def _draft_line(self):
        """A 5,000 travel line of a draft budget of the manager's department."""
        draft = (
            self.env["cs.budget"]
            .with_user(self.manager)
            .create(self._budget_vals(self.department, {self.cat_travel: 5000}))
        )
        return draft, draft.line_ids

    def _assert_budgets_unchanged(self, draft, line):
        self.env.invalidate_all()
        self.assertEqual(line.budget_id, draft)
        self.assertEqual(self.budget.planned_amount, 13000)
        self.assertEqual(self.budget.line_ids, self.line_equipment | self.line_training)
        self.assertEqual(draft.planned_amount, 5000)

    def test_05_line_moved_to_approved_budget_refused(self):
        """The manager cannot raise his approved budget by moving a line of his
        draft budget into it, even while a revision is in progress."""
        draft, line = self._draft_line()
        with self.assertRaises(UserError):
            line.write({"budget_id": self.budget.id})
        self._assert_budgets_unchanged(draft, line)
        self.budget.with_user(self.manager).action_revise()
        with self.assertRaises(UserError):
            line.write({"budget_id": self.budget.id})
        self._assert_budgets_unchanged(draft, line)

    def test_06_line_linked_from_approved_budget_refused(self):
        """Nor by linking it from the approved budget's lines."""
        draft, line = self._draft_line()
        approved = self.budget.with_user(self.manager)
        for command in (
            Command.link(line.id),
            Command.set((approved.line_ids | line).ids),
        ):
            with self.assertRaises(UserError):
                approved.write({"line_ids": [command]})
            self._assert_budgets_unchanged(draft, line)

    def test_07_line_moved_out_of_approved_budget_refused(self):
        """A line leaves an approved budget neither by its budget nor by its
        draft budget's lines: both budgets' rules apply to a move."""
        draft, line = self._draft_line()
        training = self.line_training.with_user(self.manager)
        with self.assertRaises(UserError):
            training.write({"budget_id": draft.id})
        with self.assertRaises(UserError):
            draft.write({"line_ids": [Command.link(training.id)]})
        self.env.invalidate_all()
        self.assertEqual(self.line_training.budget_id, self.budget)
        self.assertEqual(self.budget.planned_amount, 13000)
        self.assertEqual(draft.line_ids, line)

    def test_08_line_moves_between_drafts(self):
        """Between two draft budgets of his department the manager moves a line."""
        draft, line = self._draft_line()
        other = (
            self.env["cs.budget"]
            .with_user(self.manager)
            .create(
                dict(
                    self._budget_vals(self.department, {self.cat_training: 10}),
                    fiscal_date=date(2027, 6, 15),
                )
            )
        )
        line.write({"budget_id": other.id})
        self.assertEqual(other.planned_amount, 5010)
        self.assertFalse(draft.line_ids)


@freeze_time("2026-06-15 10:00:00")
@tagged("post_install", "-at_install")
class TestExpenseTiersFollowBudget(CsBudgetCommon):
    """A request under review is never stuck: when its budget moves, its
    reviews follow the tier definitions."""

    def _general_manager_notified(self, request):
        messages = request.sudo().message_ids.filtered(
            lambda message: self.general_manager.partner_id in message.partner_ids
        )
        return bool(messages) and (
            self.general_manager.partner_id in request.sudo().message_partner_ids
        )

    def test_01_budget_consumed_during_review_adds_general_manager(self):
        """A 7,000 request (manager and finance) whose budget other approvals
        consume meanwhile gets a General Manager review, notified; finance's
        approval passes it on instead of being refused."""
        request = self._request(self.line_equipment, 7000)
        self.assertEqual(self._reviewer_roles(request), ["manager", "finance"])
        self._approve(request, self.manager)
        for line, amount in (
            (self.line_equipment, 3000),
            (self.line_training, 3000),
            (self.line_equipment, 1000),
        ):
            self._approve(self._request(line, amount), self.manager)
        self.assertEqual(self.budget.remaining_amount, 6000)
        request.invalidate_recordset()
        self.assertTrue(request.cs_needs_general_manager)
        self.assertEqual(
            self._reviewer_roles(request), ["manager", "finance", "general_manager"]
        )
        self.assertEqual(request.pending_approver, "finance")
        self._approve(request, self.finance)
        self.assertEqual(request.state, "to_approve")
        self.assertEqual(request.pending_approver, "general_manager")
        self.assertTrue(self._general_manager_notified(request))
        self._approve(request, self.general_manager)
        self.assertEqual(request.state, "approved")
        self.assertEqual(request.approval_level, "general_manager")
        self.assertFalse(request.within_budget)

    def test_02_figures_moved_unseen_add_the_review_at_the_last_approval(self):
        """When the figures moved without an approval on the budget (the
        finance limit lowered), the last approval adds the missing review and
        says who must act, instead of refusing."""
        request = self._request(self.line_training, 1000)
        self.assertEqual(self._reviewer_roles(request), ["manager"])
        self.company.cs_expense_finance_limit = 500.0
        result = request.with_user(self.manager).validate_tier()
        request.invalidate_recordset()
        self.assertEqual(request.state, "to_approve")
        self.assertEqual(self._reviewer_roles(request), ["manager", "finance"])
        self.assertEqual(
            request.sudo().review_ids.mapped("status"), ["approved", "pending"]
        )
        self.assertEqual(request.pending_approver, "finance")
        self.assertEqual(result["tag"], "display_notification")
        self.assertIn("Finance", result["params"]["message"])
        self.assertEqual(self.line_training.committed_amount, 0)
        self._approve(request, self.finance)
        self.assertEqual(request.state, "approved")
        self.assertEqual(request.approval_level, "finance")

    def test_03_revision_cut_adds_finance(self):
        """A revision that cuts a line gives its requests under review the
        finance review their figures now call for."""
        request = self._request(self.line_training, 2000)
        self.assertEqual(self._reviewer_roles(request), ["manager"])
        budget = self.budget.with_user(self.finance)
        budget.action_revise()
        self.line_training.with_user(self.finance).proposed_amount = 1500
        budget.action_submit_revision()
        budget.action_approve_revision()
        self.assertEqual(self._reviewer_roles(request), ["manager", "finance"])
        self.assertEqual(request.pending_approver, "manager")
        self._approve(request, self.manager)
        self.assertEqual(request.pending_approver, "finance")

    def test_04_refusal_names_who_must_act(self):
        """Approving a request still under review is refused, naming the
        reviewers it waits for; nothing changes."""
        request = self._request(self.line_equipment, 6000)
        self._approve(request, self.manager)
        with self.assertRaisesRegex(
            UserError, "waiting for .*Finance approval.*cs_b_fin"
        ):
            request.with_user(self.requester).action_approve()
        self.assertEqual(request.state, "to_approve")
        self.assertEqual(
            request.sudo().review_ids.mapped("status"), ["approved", "pending"]
        )


@freeze_time("2026-06-15 10:00:00")
@tagged("post_install", "-at_install")
class TestExpensePolicyFromTiers(CsBudgetCommon):
    """The tier definitions are the one statement of the approval policy."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = new_test_user(
            cls.env, login="cs_b_admin", groups="base.group_user,base.group_system"
        )
        cls.tier_finance = cls.env.ref(
            "cs_department.tier_definition_cs_expense_request_finance"
        ).with_user(cls.admin)

    def test_01_deactivated_finance_tier_not_required(self):
        """Once an administrator deactivates the finance tier, the manager
        alone approves a request above the finance limit."""
        self.tier_finance.active = False
        request = self._request(self.line_equipment, 6000)
        self.assertTrue(request.cs_needs_finance)
        self.assertEqual(self._reviewer_roles(request), ["manager"])
        self._approve(request, self.manager)
        self.assertEqual(request.state, "approved")
        self.assertEqual(request.approval_level, "manager")

    def test_02_edited_finance_tier_required(self):
        """Once an administrator asks finance above 500, a 1,000 request under
        review needs finance too: the manager's approval does not approve it."""
        request = self._request(self.line_training, 1000)
        self.assertEqual(self._reviewer_roles(request), ["manager"])
        self.tier_finance.definition_domain = "[('amount', '>', 500)]"
        self._approve(request, self.manager)
        self.assertEqual(request.state, "to_approve")
        self.assertEqual(request.pending_approver, "finance")
        self.assertEqual(self.line_training.committed_amount, 0)
        self._approve(request, self.finance)
        self.assertEqual(request.state, "approved")
        self.assertEqual(request.approval_level, "finance")
