# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a hostile integrator sends through the product's doors (JSON-RPC
methods, wizards, plain create and write): wrong types, NaN and infinities,
absurd magnitudes and endless texts are refused with a message naming the
field, and nothing changes."""

from contextlib import contextmanager

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import CsDepartmentCommon
from .common_budget import CsBudgetCommon
from .common_change_order import CsChangeOrderCommon
from .common_reports import CsReportsCommon
from .common_traffic import TODAY, CsTrafficCommon
from .common_work_order import CsWorkOrderCommon

NAN, INF = float("nan"), float("inf")
#: A megabyte of text, and more than the longest multi-line text.
HUGE_NAME = "x" * 1000000
HUGE_TEXT = "x" * 10001


@contextmanager
def refused(test, exception, regex):
    """``assertRaisesRegex``, the attempt rolled back as a refused call of a
    client is (Odoo's ``assertRaises`` does so, not ``assertRaisesRegex``)."""
    with test.assertRaisesRegex(exception, regex), test.env.cr.savepoint():
        yield


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestTrafficInputDoors(CsTrafficCommon):
    """Traffic volumes and amounts are finite numbers from 0 to 1e12 on every
    path: the API's creations and updates, create and write."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.record = cls.Record.create(
            {
                "service_line_id": cls.line_ip.id,
                "period_start": "2026-05-01",
                "volume": 900,
                "amount": 90,
            }
        )
        cls.api = cls.Record.with_user(cls.supervisor)

    def _row(self, **vals):
        """The API row of the existing record (an update), changed by ``vals``."""
        row = {
            "line_number": "T9-IP-0001",
            "period_start": "2026-05-01",
            "granularity": "month",
            "volume": 900,
            "amount": 90,
        }
        row.update(vals)
        return row

    def _assert_unchanged(self):
        self.env.invalidate_all()
        self.assertEqual(self.Record.search_count([]), 1)
        self.assertEqual(
            (self.record.volume, self.record.amount, self.record.source),
            (900, 90, "manual"),
        )

    def test_upsert_update_refuses_non_finite(self):
        """An update with NaN or an infinity is refused before its SQL."""
        for field in ("volume", "amount"):
            for value in (NAN, INF, -INF, "NaN", "Infinity"):
                with (
                    self.subTest(field=field, value=value),
                    refused(
                        self,
                        ValidationError,
                        f"Row 1: {field} .* is not a finite number",
                    ),
                ):
                    self.api.cs_upsert_traffic([self._row(**{field: value})])
        self._assert_unchanged()

    def test_upsert_create_refuses_non_finite(self):
        """A new period with NaN or an infinity is refused, not a server error."""
        for field in ("volume", "amount"):
            for value in (NAN, INF, "nan"):
                row = self._row(period_start="2026-06-01", **{field: value})
                with (
                    self.subTest(field=field, value=value),
                    refused(self, ValidationError, "is not a finite number"),
                ):
                    self.api.cs_upsert_traffic([row])
        self._assert_unchanged()

    def test_upsert_refuses_absurd_figures(self):
        """Volumes and amounts above 1e12 are refused, updated or created."""
        for start in ("2026-05-01", "2026-06-01"):
            for field in ("volume", "amount"):
                row = self._row(period_start=start, **{field: 1e300})
                with (
                    self.subTest(start=start, field=field),
                    refused(
                        self,
                        ValidationError,
                        f"{field} 1e\\+300 is above the limit of 1,000,000,000,000",
                    ),
                ):
                    self.api.cs_upsert_traffic([row])
        self._assert_unchanged()

    def test_create_and_write_refuse_non_finite(self):
        """The model's own create and write refuse them too."""
        for value in (NAN, INF, 1e300):
            with self.subTest(value=value):
                with refused(self, ValidationError, "Traffic of line"):
                    self.api.create(
                        {
                            "service_line_id": self.line_ip.id,
                            "period_start": "2026-06-01",
                            "volume": value,
                        }
                    )
                for field in ("volume", "amount"):
                    with refused(self, ValidationError, "T9-IP-0001"):
                        self.record.with_user(self.supervisor).write({field: value})
        self._assert_unchanged()

    def test_upsert_refuses_wrong_types(self):
        """A list as granularity, a boolean or a list as volume: refused rows."""
        bad_rows = {
            "Row 1: unknown granularity": self._row(granularity=["month"]),
            "Row 1: unknown granularity {": self._row(granularity={"month": 1}),
            "Row 1: bad volume True": self._row(volume=True),
            "Row 1: bad volume \\[1\\]": self._row(volume=[1]),
            "Row 1: bad amount {": self._row(amount={"x": 1}),
        }
        for reason, row in bad_rows.items():
            with (
                self.subTest(reason=reason),
                refused(self, ValidationError, reason),
            ):
                self.api.cs_upsert_traffic([row])
        self._assert_unchanged()

    def test_service_line_as_text_refused(self):
        """A service line given as a text is refused, naming the field."""
        with refused(
            self, ValidationError, "Service Line must be the id of a record, not 'abc'"
        ):
            self.api.create(
                {
                    "service_line_id": "abc",
                    "period_start": "2026-06-01",
                    "volume": 1,
                }
            )
        with refused(self, ValidationError, "Service Line must be the id"):
            self.record.with_user(self.supervisor).write({"service_line_id": "abc"})
        with refused(self, ValidationError, "unknown keys service_line_id"):
            self.api.cs_upsert_traffic([self._row(service_line_id="abc")])
        self._assert_unchanged()
        self.assertEqual(self.record.service_line_id, self.line_ip)


@tagged("post_install", "-at_install")
class TestExpenseInputDoors(CsBudgetCommon):
    """Expense and budget amounts are finite, at most 1e12; a purpose is one
    line of at most 256 characters."""

    def _count(self):
        return self.env["cs.expense.request"].search_count([])

    def test_request_amount_bounds(self):
        """A representative's request of 1e300, infinity or NaN is refused."""
        count = self._count()
        for amount in (1e300, INF, NAN, 1e12 + 1):
            with (
                self.subTest(amount=amount),
                refused(self, ValidationError, "Amount must be"),
            ):
                self._request(self.line_equipment, amount, submit=False)
        self.assertEqual(self._count(), count)
        request = self._request(self.line_equipment, 100, submit=False)
        with refused(self, ValidationError, "Amount must be between 0 and"):
            request.write({"amount": 1e300})
        self.assertEqual(request.amount, 100)

    def test_request_description_length(self):
        """A purpose of a megabyte is refused; 256 characters are fine."""
        count = self._count()
        Request = self.env["cs.expense.request"].with_user(self.requester)
        vals = {"budget_line_id": self.line_equipment.id, "amount": 10}
        with refused(
            self,
            ValidationError,
            "Expense Purpose is too long: 1,000,000 characters, at most 256",
        ):
            Request.create(dict(vals, description=HUGE_NAME))
        self.assertEqual(self._count(), count)
        request = Request.create(dict(vals, description="y" * 256))
        with refused(self, ValidationError, "Expense Purpose is too long"):
            request.write({"description": "y" * 257})
        self.assertEqual(request.description, "y" * 256)

    def test_budget_line_amount_bounds(self):
        """Planned and revised amounts of 1e300 are refused to the manager."""
        Budget = self.env["cs.budget"].with_user(self.manager_other)
        count = Budget.search_count([])
        with refused(self, ValidationError, "Planned Amount must be between"):
            Budget.create(
                self._budget_vals(self.department_other, {self.cat_equipment: 1e300})
            )
        self.assertEqual(Budget.search_count([]), count)
        budget = self.budget.with_user(self.manager)
        budget.action_revise()
        line = self.line_equipment.with_user(self.manager)
        for amount in (1e300, 1e12 + 1):
            with (
                self.subTest(amount=amount),
                refused(self, ValidationError, "Revised Amount must be between"),
            ):
                line.write({"proposed_amount": amount})
        self.assertEqual(line.proposed_amount, 10000)
        self.assertEqual(line.planned_amount, 10000)

    def test_payment_inputs(self):
        """Finance's payment wizard refuses an endless reference; the request
        stays approved."""
        request = self._approve(self._request(self.line_equipment, 100), self.manager)
        self.assertEqual(request.state, "approved")
        with refused(self, UserError, "Payment Reference is too long"):
            self._pay(request, 100, reference="r" * 1000)
        self.assertEqual(request.state, "approved")
        self.assertFalse(request.paid_amount)
        self.assertFalse(request.payment_reference)


@tagged("post_install", "-at_install")
class TestWorkOrderInputDoors(CsWorkOrderCommon):
    """A work order lasts from 0 to 720 hours (30 days)."""

    def test_duration_bounds(self):
        """A supervisor's (the planner's) work order of 1e9 hours, NaN or
        infinity is refused (it overflowed the scheduled end), created or
        written."""
        WorkOrder = self.env["cs.work.order"]
        count = WorkOrder.search_count([])
        for duration in (1e9, NAN, INF, 721):
            with (
                self.subTest(duration=duration),
                refused(self, ValidationError, "Duration \\(Hours\\) must"),
            ):
                self._draft(
                    [],
                    user=self.supervisor,
                    duration=duration,
                    scheduled_date="2026-03-12 02:00:00",
                )
        self.assertEqual(WorkOrder.search_count([]), count)
        order = self._draft([])
        with refused(
            self, ValidationError, "Duration \\(Hours\\) must be between 0 and 720"
        ):
            order.with_user(self.supervisor).write(
                {"duration": 1e9, "scheduled_date": "2026-03-12 02:00:00"}
            )
        self.assertEqual(order.duration, 2.0)
        self.assertFalse(order.date_deadline)


@tagged("post_install", "-at_install")
class TestReportScoreInputDoors(CsReportsCommon):
    """``action_score`` takes a whole number from 0 to 100, nothing else."""

    def test_score_wrong_types_and_bounds(self):
        """Text, lists, booleans, fractions, NaN and out-of-range scores are
        refused naming the field; the report stays unscored."""
        submission = (
            self.env["cs.report.submission"]
            .with_user(self.manager)
            .create(
                {
                    "submitter_id": self.supervisor.id,
                    "recipient_id": self.gm.id,
                    "period_type": "month",
                    "date_from": "2026-03-01",
                    "date_to": "2026-03-31",
                    "due_date": "2026-04-03",
                    "team_id": self.team.id,
                    "company_id": self.company.id,
                }
            )
        )
        with freeze_time("2026-04-02 02:00:00"):
            mine = submission.with_user(self.supervisor)
            mine.workbook_name = "report.xlsx"
            mine.workbook = "UEsgZmFrZQ=="
            mine.action_submit()
        scorer = submission.with_user(self.gm)
        for score in ("abc", [1], None, True, 50.5, NAN, 101, -1, 1e300):
            with (
                self.subTest(score=score),
                refused(self, ValidationError, "Quality Score must be"),
            ):
                scorer.action_score(score)
        self.assertFalse(submission.quality_score)
        self.assertFalse(submission.scored_by_id)
        scorer.action_score(90.0)
        self.assertEqual(submission.quality_score, 90)


@tagged("post_install", "-at_install")
class TestEscalationInputDoors(CsDepartmentCommon):
    """The escalation's reason and resolution are texts of at most 10,000
    characters."""

    def _escalate(self, ticket, reason="Needs a line test on site"):
        wizard = self.env["cs.ticket.escalate"].with_user(self.representative)
        with Form(wizard.with_context(default_ticket_id=ticket.id)) as form:
            form.engineer_id = self.engineer
            form.reason = reason
        return form.save().action_escalate()

    def test_return_resolution_wrong_type(self):
        """A list or a dict as resolution is refused (it crashed), an endless
        one too; the ticket stays with the engineer."""
        ticket = self._create_ticket("complaint")
        escalation = self._escalate(ticket)
        engineer_side = escalation.with_user(self.engineer)
        for resolution in (["Line fixed"], {"a": 1}, 42):
            with (
                self.subTest(resolution=resolution),
                refused(self, ValidationError, "Resolution must be a text"),
            ):
                engineer_side.action_return(resolution=resolution)
        with refused(self, ValidationError, "Resolution is too long"):
            engineer_side.action_return(resolution=HUGE_TEXT)
        self.assertFalse(escalation.returned_date)
        self.assertFalse(escalation.resolution)
        self.assertEqual(ticket.user_id, self.engineer)

    def test_escalate_reason_length(self):
        """An endless escalation reason is refused; nothing is escalated."""
        ticket = self._create_ticket("complaint")
        with refused(self, ValidationError, "Reason is too long"):
            self._escalate(ticket, reason=HUGE_TEXT)
        self.assertFalse(
            self.env["cs.ticket.escalation"].search([("ticket_id", "=", ticket.id)])
        )
        self.assertEqual(ticket.user_id, self.representative)


@tagged("post_install", "-at_install")
class TestChangeOrderInputDoors(CsChangeOrderCommon):
    """Reasons of cancelled and rejected orders, numbers and data of changes:
    texts of a bounded length."""

    def test_cancel_reject_reason_wrong_type(self):
        """A representative's list, dict or endless reason is refused; the
        order stays a draft."""
        order = self._create_order()
        for step, field, reason in (
            ("action_cancel", "Cancel Reason", ["Customer withdrew"]),
            ("action_reject", "Reject Reason", {"why": 1}),
        ):
            with (
                self.subTest(step=step),
                refused(self, ValidationError, f"{field} must be a text"),
            ):
                getattr(order, step)(reason=reason)
        with refused(self, ValidationError, "Cancel Reason is too long"):
            order.action_cancel(reason=HUGE_TEXT)
        self.assertEqual(order.state, "draft")
        self.assertFalse(order.cancel_reason or order.reject_reason)

    def test_names_length(self):
        """A line number of a megabyte is refused, as a service line or as
        the number of an added line."""
        lines = self.ServiceLine.search_count([])
        with refused(self, ValidationError, "Number is too long"):
            self.ServiceLine.with_user(self.supervisor).create(
                {"name": HUGE_NAME, "partner_id": self.customer.id}
            )
        self.assertEqual(self.ServiceLine.search_count([]), lines)
        orders = self.env["cs.change.order"].search_count([])
        with refused(self, ValidationError, "New Number or Data is too long"):
            self._create_order(
                lines=[
                    {
                        "change_type": "add_line",
                        "service_type": "ip",
                        "new_value": HUGE_NAME,
                    }
                ]
            )
        self.assertEqual(self.env["cs.change.order"].search_count([]), orders)
        with refused(self, ValidationError, "Number is too long"):
            self.ip_line.with_user(self.supervisor).write({"name": "9" * 257})
        self.assertEqual(self.ip_line.name, "010-6000-1001")
