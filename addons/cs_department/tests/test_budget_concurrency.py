# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from contextlib import contextmanager
from datetime import date

from psycopg2.errors import LockNotAvailable, SerializationFailure

from odoo import SUPERUSER_ID, Command, api
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import SQL, mute_logger

GROUP = "base.group_user,cs_department.cs_department_group_%s"


@tagged("post_install", "-at_install")
class TestBudgetConcurrency(BaseCase):
    """Two approvals at the same moment on separate database transactions.

    The fixtures are committed (each transaction must see them) and removed
    after each test. A 3,000 training line; two requests of 2,000 each were
    submitted while it was untouched, so each asks for the manager only.
    """

    @contextmanager
    def _env(self, uid=SUPERUSER_ID, commit=False):
        """A fresh transaction of its own (rolled back unless ``commit``)."""
        with Registry(get_db_name()).cursor() as cr:
            cr.execute(SQL("SET LOCAL lock_timeout = '10s'"))
            env = api.Environment(cr, uid, {"tracking_disable": True})
            try:
                yield env
                if commit:
                    # The point of the test: transactions that really commit.
                    cr.commit()  # pylint: disable=invalid-commit
            finally:
                if not commit:
                    cr.rollback()

    def setUp(self):
        super().setUp()
        with self._env(commit=True) as env:
            users = env["res.users"].with_context(no_reset_password=True)
            manager, requester = users.create(
                [
                    {
                        "name": login,
                        "login": login,
                        # The notices of the committed reviews are really sent.
                        "email": f"{login}@example.com",
                        "notification_type": "inbox",
                        "groups_id": [
                            Command.set(
                                [
                                    env.ref(xmlid).id
                                    for xmlid in (GROUP % role).split(",")
                                ]
                            )
                        ],
                    }
                    for login, role in (
                        ("cs_conc_mgr", "manager"),
                        ("cs_conc_req", "representative"),
                    )
                ]
            )
            department = env["hr.department"].create({"name": "CS Concurrency Dept"})
            employees = env["hr.employee"].create(
                [
                    {
                        "name": user.name,
                        "user_id": user.id,
                        "department_id": department.id,
                    }
                    for user in (manager, requester)
                ]
            )
            department.manager_id = employees[0]
            budget = env["cs.budget"].create(
                {
                    "department_id": department.id,
                    "fiscal_date": date(2026, 6, 15),
                    "state": "approved",
                    "line_ids": [
                        Command.create(
                            {
                                "category_id": env.ref(
                                    "cs_department.cs_expense_category_training"
                                ).id,
                                "planned_amount": 3000,
                            }
                        )
                    ],
                }
            )
            Request = env["cs.expense.request"].with_user(requester)
            requests = Request.create(
                [
                    {
                        "description": f"Concurrent {i}",
                        "budget_line_id": budget.line_ids.id,
                        "amount": 2000,
                    }
                    for i in (1, 2)
                ]
            )
            requests.action_submit()
            self.fixture = {
                "users": (manager | requester).ids,
                "employees": employees.ids,
                "department": department.id,
                "budget": budget.id,
                "line": budget.line_ids.id,
                "requests": requests.ids,
            }
            self.manager_id = manager.id
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        ids = self.fixture
        with self._env(commit=True) as env:
            cr = env.cr
            requests = tuple(ids["requests"])
            cr.execute(
                SQL(
                    "DELETE FROM tier_review WHERE model = 'cs.expense.request' "
                    "AND res_id IN %s",
                    requests,
                )
            )
            for table in ("mail_message", "mail_followers", "mail_activity"):
                cr.execute(
                    SQL(
                        "DELETE FROM %s WHERE res_model = %s AND res_id IN %s",
                        SQL.identifier(table),
                        "cs.expense.request",
                        requests,
                    )
                    if table != "mail_message"
                    else SQL(
                        "DELETE FROM mail_message WHERE model = %s AND res_id IN %s",
                        "cs.expense.request",
                        requests,
                    )
                )
            cr.execute(SQL("DELETE FROM cs_expense_request WHERE id IN %s", requests))
            cr.execute(SQL("DELETE FROM cs_budget WHERE id = %s", ids["budget"]))
            env["hr.department"].browse(ids["department"]).manager_id = False
            env["hr.employee"].browse(ids["employees"]).unlink()
            env["hr.department"].browse(ids["department"]).unlink()
            users = env["res.users"].browse(ids["users"])
            partners = users.partner_id
            users.unlink()
            partners.unlink()

    def _validate(self, env, request_id):
        request = (
            env["cs.expense.request"].with_user(self.manager_id).browse(request_id)
        )
        request.validate_tier()
        env.flush_all()
        return request

    def _line_figures(self):
        with self._env() as env:
            line = env["cs.budget.line"].browse(self.fixture["line"])
            return line.committed_amount, line.remaining_amount

    @mute_logger("odoo.sql_db")
    def test_01_second_approval_waits_for_the_first(self):
        """While a first approval holds the line, a second one fails at once
        (Odoo retries it); retried after the first committed, it sees the
        consumed line: the first approval has added the finance review the
        second now needs, which waits for finance instead of being approved."""
        first_id, second_id = self.fixture["requests"]
        with self._env(commit=True) as env_a:
            self._validate(env_a, first_id)
            with self._env() as env_b, self.assertRaises(LockNotAvailable):
                self._validate(env_b, second_id)
        self.assertEqual(self._line_figures(), (2000, 1000))
        with self._env() as env_c:
            second = self._validate(env_c, second_id)
            self.assertEqual(second.state, "to_approve")
            self.assertEqual(second.pending_approver, "finance")
        self.assertEqual(self._line_figures(), (2000, 1000))

    @mute_logger("odoo.sql_db")
    def test_02_stale_snapshot_cannot_approve(self):
        """A transaction that read the line before a concurrent approval
        committed cannot approve on those stale figures."""
        first_id, second_id = self.fixture["requests"]
        with self._env() as env_b:
            line = env_b["cs.budget.line"].browse(self.fixture["line"])
            self.assertEqual(line.remaining_amount, 3000)
            with self._env(commit=True) as env_a:
                self._validate(env_a, first_id)
            with self.assertRaises(SerializationFailure):
                self._validate(env_b, second_id)
        self.assertEqual(self._line_figures(), (2000, 1000))
