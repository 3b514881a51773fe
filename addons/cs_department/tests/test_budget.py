# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.cs_kpi.tests.menu_smoke import MenuSmokeMixin

from .common import assert_explains, share
from .common_budget import CsBudgetCommon


@freeze_time("2026-06-15 10:00:00")
@tagged("post_install", "-at_install")
class TestBudget(CsBudgetCommon):
    """Budgets: their steps, their revision, who sees them."""

    def test_01_fiscal_year_and_steps(self):
        """The company's fiscal year; the manager submits, finance approves."""
        self.assertEqual(
            (self.budget.date_from, self.budget.date_to),
            (date(2026, 1, 1), date(2026, 12, 31)),
        )
        self.assertEqual(self.budget.name, "CS Budget Test Dept 2026")
        self.assertEqual(self.budget.state, "approved")
        self.assertEqual(self.budget.planned_amount, 13000)
        budget = (
            self.env["cs.budget"]
            .with_user(self.manager)
            .create(self._budget_vals(self.department, {self.cat_travel: 100}))
        )
        with self.assertRaises(AccessError):
            budget.with_user(self.finance).action_submit()
        budget.action_submit()
        for user in (self.manager, self.general_manager, self.requester):
            with self.assertRaises(AccessError):
                budget.with_user(user).action_approve()
        self.assertEqual(budget.state, "submitted")
        with self.assertRaises(ValidationError):
            budget.with_user(self.finance).action_approve()
        self.assertEqual(budget.state, "submitted")

    def test_02_states_by_buttons_only(self):
        """Nobody writes a budget's state or its planned amounts once approved."""
        for user in (self.manager, self.finance, self.general_manager):
            with self.assertRaises(UserError):
                self.budget.with_user(user).write({"state": "draft"})
            with self.assertRaises(UserError):
                self.line_training.with_user(user).write({"planned_amount": 9000})
            with self.assertRaises(UserError):
                self.budget.with_user(user).write(
                    {
                        "line_ids": [
                            Command.update(self.line_training.id, {"planned_amount": 1})
                        ]
                    }
                )
        with self.assertRaises(UserError):
            self.env["cs.budget"].with_user(self.manager).create(
                dict(
                    self._budget_vals(self.department, {self.cat_travel: 1}),
                    state="approved",
                )
            )
        self.assertEqual(self.line_training.planned_amount, 3000)

    def test_03_revision_approved_by_finance(self):
        """A revision changes the planned amounts once finance approves it, and
        the chatter keeps the old and new amounts."""
        budget = self.budget.with_user(self.manager)
        budget.action_revise()
        self.assertEqual(self.line_training.proposed_amount, 3000)
        self.line_training.with_user(self.manager).proposed_amount = 4500
        budget.action_submit_revision()
        self.assertEqual(self.line_training.planned_amount, 3000)
        with self.assertRaises(AccessError):
            budget.action_approve_revision()
        budget.with_user(self.finance).action_approve_revision()
        self.assertFalse(self.budget.revision_state)
        self.assertEqual(self.line_training.planned_amount, 4500)
        self.assertEqual(self.budget.planned_amount, 14500)
        message = self.budget.message_ids.filtered(
            lambda msg: "revision approved" in (msg.body or "")
        )
        self.assertTrue(message)
        self.assertIn("3,000.00", message.body)
        self.assertIn("4,500.00", message.body)

    def test_04_revision_not_below_consumption(self):
        """A revision cannot cut a line below what is committed and spent."""
        self._approve(self._request(self.line_training, 2000), self.manager)
        self.budget.with_user(self.finance).action_revise()
        self.line_training.with_user(self.finance).proposed_amount = 1000
        self.budget.with_user(self.finance).action_submit_revision()
        with self.assertRaises(UserError):
            self.budget.with_user(self.finance).action_approve_revision()
        self.assertEqual(self.line_training.planned_amount, 3000)

    def test_05_close(self):
        """Finance closes a budget once its requests are settled; then it is frozen."""
        request = self._approve(self._request(self.line_training, 100), self.manager)
        with self.assertRaises(UserError):
            self.budget.with_user(self.finance).action_close()
        self._pay(request, 100)
        self.budget.with_user(self.finance).action_close()
        self.assertEqual(self.budget.state, "closed")
        with self.assertRaises(UserError):
            self.budget.with_user(self.finance).write({"note": "<p>late</p>"})
        with self.assertRaises(UserError):
            self._request(self.line_equipment, 10)


@tagged("post_install", "-at_install")
class TestBudgetAccess(MenuSmokeMixin, CsBudgetCommon):
    """Record rules and menus of the budgets, tested as each role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.budget_other = cls._approved_budget(
            cls.department_other, {cls.cat_travel: 2000}
        )

    def _visible(self, user, model):
        return self.env[model].with_user(user).search([])

    def test_01_manager_of_another_department_sees_nothing(self):
        """A manager sees his department's budget and requests only."""
        request = self._request(self.line_training, 100)
        Budget, Request = "cs.budget", "cs.expense.request"
        self.assertEqual(self._visible(self.manager, Budget), self.budget)
        self.assertEqual(self._visible(self.manager_other, Budget), self.budget_other)
        self.assertEqual(self._visible(self.manager, Request), request)
        self.assertFalse(self._visible(self.manager_other, Request))
        self.assertFalse(
            self._visible(self.manager_other, "cs.budget.line") & self.budget.line_ids
        )
        with self.assertRaises(AccessError):
            self.budget.with_user(self.manager_other).read(["planned_amount"])
        with self.assertRaises(AccessError):
            request.with_user(self.manager_other).read(["amount"])

    def test_02_finance_and_general_manager_see_all(self):
        """Finance reviewers and the General Manager see every department's."""
        own = self._request(self.line_training, 100)
        other_line = self.budget_other.line_ids
        other = self._request(other_line, 50, user=self.requester_other)
        for user in (self.finance, self.general_manager):
            budgets = self.budget | self.budget_other
            self.assertEqual(self._visible(user, "cs.budget") & budgets, budgets)
            requests = self._visible(user, "cs.expense.request")
            self.assertEqual(requests & (own | other), own | other)

    def test_03_requesters_see_their_own(self):
        """A requester sees his own requests and his department's budget lines."""
        mine = self._request(self.line_training, 100)
        self._request(self.line_training, 200, user=self.engineer)
        self.assertEqual(self._visible(self.requester, "cs.expense.request"), mine)
        self.assertEqual(
            self._visible(self.requester, "cs.budget.line"), self.budget.line_ids
        )
        with self.assertRaises(AccessError):
            self._request(self.budget_other.line_ids, 10)
        with self.assertRaises(AccessError):
            self.budget.with_user(self.requester).write({"note": "<p>x</p>"})

    def test_04_menus(self):
        """Finance gets the Budgets app only; every budget menu opens."""
        finance_menus = self.visible_menus(self.finance, "cs_department")
        self.assertTrue(finance_menus)
        roots = finance_menus.filtered(lambda menu: not menu.parent_id)
        self.assertEqual(roots.mapped("name"), ["Budgets"])
        for role in ("finance", "general_manager", "manager", "requester"):
            self.assertGreaterEqual(
                self.assertMenusOpen(getattr(self, role), "cs_department"), 1
            )
        names = self.visible_menus(self.requester, "cs_department").mapped("name")
        self.assertIn("My Requests", names)
        self.assertNotIn("Budget Consumption", names)

    def test_05_finance_to_pay(self):
        """Finance has a To Pay menu (the managers do not), opening on the
        approved requests; the To Pay filter narrows the Open ones."""
        self.assertIn(
            "To Pay", self.visible_menus(self.finance, "cs_department").mapped("name")
        )
        self.assertNotIn(
            "To Pay", self.visible_menus(self.manager, "cs_department").mapped("name")
        )
        approved = self._request(self.line_training, 500)
        self._approve(approved, self.manager)
        waiting = self._request(self.line_training, 300)
        Request = self.env["cs.expense.request"].with_user(self.finance)
        action = self.env.ref("cs_department.cs_expense_request_action_to_pay")
        domain = Request.get_views([(False, "search")])["views"]["search"]["arch"]
        # To Pay stands in a group of its own: added to Open, it narrows it
        self.assertRegex(domain, r'name="to_pay"[^>]*/>\s*<separator')
        self.assertIn("search_default_to_pay", action.context)
        to_pay = Request.search([("state", "=", "approved")])
        self.assertIn(approved, to_pay)
        self.assertNotIn(waiting, to_pay)


@tagged("post_install", "-at_install")
class TestBudgetKpiSource(CsBudgetCommon):
    """The manual's "sound department finance" as a KPI data source."""

    def test_within_budget_share_of_the_managers_departments(self):
        """Share of the requests approved in the quarter that fitted in the
        budget, for the manager of their department; others unmeasured."""
        requests = [self._request(self.line_training, amount) for amount in (500, 500)]
        early = self._request(self.line_equipment, 100)
        with freeze_time("2026-03-31 23:00:00"):
            self._approve(early, self.manager)
        with freeze_time("2026-05-10 03:00:00"):
            self._approve(requests[0], self.manager)
            self._approve(requests[1], self.manager)
            # 3,000 past the 2,000 left on the line: finance approves too.
            requests.append(self._request(self.line_training, 3000))
            self._approve(requests[2], self.manager, self.finance)
        self.assertEqual([r.within_budget for r in requests], [True, True, False])
        job = self.env["hr.job"].create({"name": "CS Budget KPI Manager"})
        (self.department.manager_id | self.department_other.manager_id).job_id = job
        indicator = self.env.ref("cs_department.cs_kpi_indicator_expense_within_budget")
        self.env["cs.kpi.template"].create(
            {
                "name": "CS budget KPI",
                "period_type": "quarter",
                "job_ids": [Command.set(job.ids)],
                "kpi_weight": 100,
                "competency_weight": 0,
                "line_ids": [
                    Command.create({"indicator_id": indicator.id, "weight": 100})
                ],
            }
        )
        hr_officer = self.env["res.users"].create(
            {
                "name": "KPI HR",
                "login": "cs_b_hr",
                # the campaign's days are its responsible's: UTC here
                "tz": "UTC",
                "groups_id": [
                    Command.link(self.env.ref("cs_kpi.cs_kpi_group_hr_officer").id)
                ],
            }
        )
        campaign = (
            self.env["cs.kpi.campaign"]
            .with_user(hr_officer)
            .create(
                {
                    "name": "Budget Q2",
                    "period_type": "quarter",
                    "year": 2026,
                    "period_number": 2,
                    "job_ids": [Command.set(job.ids)],
                }
            )
        )
        campaign.action_generate_sheets()
        campaign.action_open()
        campaign.action_compute()
        lines = campaign.sheet_ids.line_ids
        own = lines.filtered(lambda line: line.employee_id.user_id == self.manager)
        other = lines - own
        self.assertTrue(own.is_measured)
        self.assertAlmostEqual(own.actual, 66.67)
        self.assertEqual(own.score, 0.0)  # pass/fail against 100%
        self.assertFalse(other.is_measured)
        # the explanation lists the requests of his departments that make it
        assert_explains(
            self, lines, lambda records, line: share(records, "within_budget")
        )
