# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from freezegun import freeze_time
from psycopg2.errors import CheckViolation

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_budget import CsBudgetCommon


@freeze_time("2026-06-15 10:00:00")
@tagged("post_install", "-at_install")
class TestExpenseApprovalPaths(CsBudgetCommon):
    """Who approves an expense request, as each role."""

    def test_01_inside_budget_manager_only(self):
        """Inside the line and below the limit: the manager's approval suffices."""
        request = self._request(self.line_training, 1000)
        self.assertEqual(request.state, "to_approve")
        self.assertEqual(self._reviewer_roles(request), ["manager"])
        self.assertEqual(request.pending_approver, "manager")
        self._approve(request, self.manager)
        self.assertEqual(request.state, "approved")
        self.assertEqual(request.approval_level, "manager")
        self.assertTrue(request.within_budget)
        self.assertEqual(self.line_training.committed_amount, 1000)
        self.assertEqual(self.line_training.remaining_amount, 2000)
        self.assertEqual(self.budget.remaining_amount, 12000)

    def test_01b_new_request_is_named_new(self):
        """Before its first save a request reads "New Expense Request" (title
        and breadcrumb), then its reference."""
        Request = self.env["cs.expense.request"].with_user(self.manager)
        self.assertEqual(Request.new({}).display_name, "New Expense Request")
        request = self._request(self.line_training, 500)
        self.assertTrue(request.name.startswith("EXP/"))
        self.assertEqual(request.display_name, request.name)

    def test_02_above_limit_manager_and_finance(self):
        """Above the finance limit: manager then finance."""
        request = self._request(self.line_equipment, 6000)
        self.assertEqual(self._reviewer_roles(request), ["manager", "finance"])
        self._approve(request, self.manager)
        self.assertEqual(request.state, "to_approve")
        self.assertEqual(request.pending_approver, "finance")
        self._approve(request, self.finance)
        self.assertEqual(request.state, "approved")
        self.assertEqual(request.approval_level, "finance")
        self.assertTrue(request.within_budget)

    def test_03_past_line_remaining_needs_finance(self):
        """Below the limit but past its line's remaining amount: finance too."""
        request = self._request(self.line_training, 3500)
        self.assertTrue(request.cs_exceeds_line)
        self.assertFalse(request.cs_above_limit or request.cs_exceeds_budget)
        self.assertEqual(self._reviewer_roles(request), ["manager", "finance"])
        self._approve(request, self.manager, self.finance)
        self.assertEqual(request.state, "approved")
        self.assertFalse(request.within_budget)
        self.assertEqual(self.line_training.remaining_amount, -500)

    def test_04_past_budget_needs_general_manager(self):
        """Past the whole budget: manager, finance and the General Manager."""
        request = self._request(self.line_equipment, 14000)
        self.assertTrue(request.cs_exceeds_budget)
        self.assertEqual(
            self._reviewer_roles(request), ["manager", "finance", "general_manager"]
        )
        self._approve(request, self.manager, self.finance)
        self.assertEqual(request.state, "to_approve")
        self.assertEqual(request.pending_approver, "general_manager")
        self._approve(request, self.general_manager)
        self.assertEqual(request.state, "approved")
        self.assertEqual(request.approval_level, "general_manager")
        self.assertEqual(self.budget.remaining_amount, -1000)

    def test_05_manager_own_request_goes_to_general_manager(self):
        """The manager's own request is approved by the General Manager."""
        request = self._request(self.line_training, 500, user=self.manager)
        self.assertEqual(self._reviewer_roles(request), ["general_manager"])
        with self.assertRaises(UserError):
            request.with_user(self.manager).validate_tier()
        self._approve(request, self.general_manager)
        self.assertEqual(request.state, "approved")

    def test_06_out_of_turn_and_outsiders_refused(self):
        """Finance before the manager, the requester, another manager: refused."""
        request = self._request(self.line_equipment, 6000)
        for user in (self.finance, self.requester, self.general_manager):
            with self.assertRaises(UserError):
                request.with_user(user).validate_tier()
        with self.assertRaises(AccessError):
            request.with_user(self.manager_other).validate_tier()
        self.assertEqual(
            request.sudo().review_ids.mapped("status"), ["pending", "waiting"]
        )
        self.assertEqual(request.state, "to_approve")

    def test_07_rejection(self):
        """A rejected review rejects the request; it can start over as a draft."""
        request = self._request(self.line_training, 1000)
        request.with_user(self.manager).reject_tier()
        self.assertEqual(request.state, "rejected")
        self.assertEqual(self.line_training.committed_amount, 0)
        request.with_user(self.requester).action_draft()
        self.assertEqual(request.state, "draft")
        self.assertFalse(request.sudo().review_ids)

    def test_08_budget_consumed_meanwhile_asks_finance(self):
        """Approvals judge the remaining amount at approval time: a request that
        fitted when submitted but no longer does gets the finance review it now
        needs when the other one is approved, and passes once finance approves."""
        first = self._request(self.line_training, 2000)
        second = self._request(self.line_training, 2000)
        self.assertEqual(self._reviewer_roles(second), ["manager"])
        self._approve(first, self.manager)
        self.assertEqual(self._reviewer_roles(second), ["manager", "finance"])
        self._approve(second, self.manager)
        self.assertEqual(second.state, "to_approve")
        self.assertEqual(second.pending_approver, "finance")
        self.assertEqual(self.line_training.committed_amount, 2000)
        self._approve(second, self.finance)
        self.assertEqual(second.state, "approved")
        self.assertFalse(second.within_budget)

    def test_09_closed_or_unapproved_budget_refused(self):
        """No request on a budget that is not approved."""
        draft = (
            self.env["cs.budget"]
            .with_user(self.manager_other)
            .create(self._budget_vals(self.department_other, {self.cat_travel: 100}))
        )
        request = self._request(
            draft.line_ids, 50, user=self.manager_other, submit=False
        )
        with self.assertRaises(UserError):
            request.action_submit()
        self.assertEqual(request.state, "draft")


@freeze_time("2026-06-15 10:00:00")
@tagged("post_install", "-at_install")
class TestExpensePaymentAndGuard(CsBudgetCommon):
    """Payments by finance; what nobody can forge."""

    def test_10_paid_moves_committed_to_spent(self):
        """Finance marks an approved request paid: spent follows, committed drops."""
        request = self._approve(self._request(self.line_training, 1000), self.manager)
        notice = self._pay(request, 900, reference="TRF-42")["params"]
        # the wizard says what was paid, then closes
        self.assertIn(f"{request.name} marked paid", notice["message"])
        self.assertEqual(notice["next"], {"type": "ir.actions.act_window_close"})
        self.assertEqual(request.state, "paid")
        self.assertEqual(
            (request.paid_amount, str(request.paid_date), request.payment_reference),
            (900, "2026-06-15", "TRF-42"),
        )
        line = self.line_training
        self.assertEqual((line.committed_amount, line.spent_amount), (0, 900))
        self.assertEqual(line.remaining_amount, 2100)
        self.assertEqual(self.budget.spent_amount, 900)
        self.assertAlmostEqual(line.consumption_rate, 30.0)

    def test_11_only_finance_pays_within_the_amount(self):
        """The manager cannot mark paid; finance cannot pay more than approved."""
        request = self._approve(self._request(self.line_training, 1000), self.manager)
        with self.assertRaises(AccessError):
            request.with_user(self.manager)._cs_mark_paid(1000, "2026-06-15")
        with self.assertRaises(UserError):
            self._pay(request, 1500)
        draft = self._request(self.line_training, 100, submit=False)
        with self.assertRaises(UserError):
            draft.with_user(self.finance)._cs_mark_paid(100, "2026-06-15")
        self.assertEqual(request.state, "approved")
        self.assertEqual(self.line_training.spent_amount, 0)

    def test_12_workflow_fields_not_writable(self):
        """State, payment and requester change through the buttons only."""
        request = self._request(self.line_training, 1000, submit=False)
        as_requester = request.with_user(self.requester)
        for vals in (
            {"state": "approved"},
            {"paid_amount": 1000},
            {"within_budget": True},
            {"requester_id": self.requester_other.id},
        ):
            with self.assertRaises(UserError):
                as_requester.with_context(tracking_disable=True).write(vals)
        with self.assertRaises(UserError):
            self.env["cs.expense.request"].with_user(self.requester).create(
                {
                    "description": "Forged",
                    "budget_line_id": self.line_training.id,
                    "amount": 10,
                    "state": "approved",
                }
            )
        with self.assertRaises(UserError):
            self.env["cs.expense.request"].with_user(self.requester).create(
                {
                    "description": "For someone else",
                    "budget_line_id": self.line_training.id,
                    "amount": 10,
                    "requester_id": self.requester_other.id,
                }
            )
        self.assertEqual(request.state, "draft")

    def test_13_submitted_request_frozen(self):
        """Once submitted the amount and line are frozen; only notes change."""
        request = self._request(self.line_training, 1000)
        with self.assertRaises(UserError):
            request.with_user(self.requester).write({"amount": 100})
        request.with_user(self.requester).write({"note": "<p>Quote attached</p>"})
        self.assertEqual(request.amount, 1000)

    def test_14_figures_not_writable(self):
        """Committed, spent and remaining figures are never written by hand."""
        for user in (self.manager, self.finance):
            with self.assertRaises(AccessError):
                self.line_training.with_user(user).write({"spent_amount": 0})
            with self.assertRaises(AccessError):
                self.budget.with_user(user).write({"remaining_amount": 99999})
        self.assertEqual(self.budget.remaining_amount, 13000)

    def test_15_amounts_positive(self):
        """A request needs a positive amount (database check)."""
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(CheckViolation),
            self.cr.savepoint(),
        ):
            self._request(self.line_training, -5, submit=False)
