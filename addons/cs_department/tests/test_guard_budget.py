# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

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
