# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, timedelta

from freezegun import freeze_time
from psycopg2.errors import CheckViolation

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import CsDepartmentCommon, on_both_sides_of_midnight


@tagged("post_install", "-at_install")
class TestCallback(CsDepartmentCommon):
    """Follow-up callbacks, their completion, overdue flagging and statistics."""

    def _close(self, ticket, user=None):
        ticket.with_user(user or self.representative).stage_id = self.stage_done

    def _callback(self, **vals):
        values = {
            "partner_id": self.customer.id,
            "reason": "traffic_anomaly",
            "user_id": self.representative.id,
        }
        values.update(vals)
        return self.env["cs.callback"].with_user(self.supervisor).create(values)

    def _followup(self, **vals):
        """A complaint follow-up as the system schedules it (no ticket)."""
        values = {
            "partner_id": self.customer.id,
            "reason": "complaint_followup",
            "user_id": self.representative.id,
            **vals,
        }
        return self.env["cs.callback"].create(values)

    def test_closing_complaint_schedules_callback(self):
        """Closing a complaint plans the follow-up for the supervisor after N
        days, counted from today in the supervisor's time zone (Asia/Shanghai),
        on both sides of its midnight."""
        self.company.cs_callback_delay_days = 5
        for moment, due in (
            ("2026-03-10 15:30:00", date(2026, 3, 15)),
            ("2026-03-10 16:30:00", date(2026, 3, 16)),
        ):
            with self.subTest(moment=moment), freeze_time(moment):
                ticket = self._create_ticket("complaint")
                self._close(ticket)
                callback = ticket.cs_callback_ids
                self.assertEqual(len(callback), 1)
                self.assertEqual(callback.reason, "complaint_followup")
                self.assertEqual(callback.user_id, self.supervisor)
                self.assertEqual(callback.partner_id, self.customer)
                self.assertEqual(callback.scheduled_date, due)
                activity = callback.activity_ids
                self.assertEqual(activity.user_id, self.supervisor)
                self.assertEqual(activity.date_deadline, due)

    def test_callback_date_is_the_assignees(self):
        """The closer's time zone does not matter: the assignee's does, else the
        company's."""
        self.company.cs_callback_delay_days = 5
        self.supervisor.tz = "America/New_York"
        cases = (
            # Shanghai closer already on the 11th, New York still on the 10th
            ("2026-03-10 16:30:00", date(2026, 3, 15)),
            ("2026-03-11 03:30:00", date(2026, 3, 15)),
            ("2026-03-11 04:30:00", date(2026, 3, 16)),
        )
        for moment, due in cases:
            with self.subTest(moment=moment), freeze_time(moment):
                ticket = self._create_ticket("complaint")
                self._close(ticket)
                self.assertEqual(ticket.cs_callback_ids.scheduled_date, due)
        # Without a time zone of his own, the company's (Asia/Shanghai).
        self.supervisor.tz = False
        for moment, due in (
            ("2026-03-10 15:30:00", date(2026, 3, 15)),
            ("2026-03-10 16:30:00", date(2026, 3, 16)),
        ):
            with self.subTest(moment=moment), freeze_time(moment):
                ticket = self._create_ticket("complaint")
                self._close(ticket)
                self.assertEqual(ticket.cs_callback_ids.scheduled_date, due)

    def test_overdue_at_the_assignees_midnight(self):
        """A callback due on the 10th is overdue from midnight in its assignee's
        time zone (16:00 UTC), for whoever searches, and the cron follows."""
        with freeze_time("2026-03-09 12:00:00"):
            callback = self._callback(scheduled_date=date(2026, 3, 10))
        Callback = self.env["cs.callback"].with_user(self.supervisor)
        for moment, overdue in (
            ("2026-03-10 15:30:00", False),
            ("2026-03-10 16:30:00", True),
        ):
            with self.subTest(moment=moment), freeze_time(moment):
                callback.invalidate_recordset(["is_overdue"])
                self.assertEqual(callback.is_overdue, overdue)
                for tz in ("UTC", "America/New_York", "Asia/Shanghai"):
                    found = Callback.with_context(tz=tz).search(
                        [("is_overdue", "=", True), ("id", "=", callback.id)]
                    )
                    self.assertEqual(bool(found), overdue, tz)
                    not_found = Callback.with_context(tz=tz).search(
                        [("is_overdue", "=", False), ("id", "=", callback.id)]
                    )
                    self.assertEqual(bool(not_found), not overdue, tz)
                self.env["cs.callback"]._cron_flag_overdue()
                self.assertEqual(callback.overdue_flagged, overdue)
        deadlines = callback.activity_ids.filtered(
            lambda act: act.summary == "Overdue callback"
        ).mapped("date_deadline")
        self.assertEqual(set(deadlines), {date(2026, 3, 11)})

    def test_no_callback_for_consultation_or_twice(self):
        """Consultations get no callback; reclosing a complaint adds none."""
        consultation = self._create_ticket("consultation")
        self._close(consultation)
        self.assertFalse(consultation.cs_callback_ids)
        complaint = self._create_ticket("complaint")
        self._close(complaint)
        complaint.stage_id = self.stage_progress
        self._close(complaint)
        self.assertEqual(len(complaint.cs_callback_ids), 1)

    def test_action_done_requires_outcome_and_satisfaction(self):
        """A complaint follow-up needs an outcome and a satisfaction score."""
        ticket = self._create_ticket("complaint")
        self._close(ticket)
        callback = ticket.cs_callback_ids.with_user(self.supervisor)
        with self.assertRaises(UserError):
            callback.action_done()
        callback.outcome = "resolved"
        with self.assertRaises(UserError):
            callback.action_done()
        self.assertEqual(callback.state, "todo")
        callback.satisfaction_stars = "4"
        callback.action_done()
        self.assertEqual(callback.state, "done")
        self.assertTrue(callback.done_date)
        self.assertFalse(callback.activity_ids)
        self.assertEqual(ticket.cs_satisfaction, 80)
        with self.assertRaises(UserError):
            callback.action_done()

    def test_unreachable_customer_needs_no_score(self):
        """An unreachable customer closes the callback without a score."""
        callback = self._followup().with_user(self.representative)
        callback.outcome = "unreachable"
        callback.action_done()
        self.assertEqual(callback.state, "done")

    def test_satisfaction_range_and_stars(self):
        """Scores stay within 0-100; stars map onto the same scale."""
        callback = self._callback()
        # The database's CHECK keeps the range (its message is shown to clients).
        for score in (120, -1):
            with self.assertRaises(CheckViolation), mute_logger("odoo.sql_db"):
                callback.satisfaction = score
                callback.flush_recordset()
        callback.satisfaction = 60
        self.assertEqual(callback.satisfaction_stars, "3")
        callback.satisfaction_stars = "5"
        self.assertEqual(callback.satisfaction, 100)
        self.assertTrue(callback.satisfaction_passed)

    def test_typed_score_kept_with_stars(self):
        """A 0-100 score typed in the form is saved as typed, not as stars."""
        callback = self._callback(reason="other")
        with Form(callback.with_user(self.supervisor)) as form:
            form.outcome = "resolved"
            form.satisfaction = 85
            self.assertEqual(form.satisfaction_stars, "4")
        self.assertEqual(callback.satisfaction, 85)
        callback.write({"satisfaction": 73, "satisfaction_stars": "4"})
        self.assertEqual(callback.satisfaction, 73)
        with Form(callback.with_user(self.supervisor)) as form:
            form.satisfaction_stars = "2"
        self.assertEqual(callback.satisfaction, 40)

    @on_both_sides_of_midnight
    def test_overdue_filter_and_cron(self):
        """Overdue callbacks are searchable and the cron flags them once."""
        yesterday = fields.Date.context_today(self.env.user) - timedelta(days=2)
        late = self._callback(scheduled_date=yesterday)
        on_time = self._callback()
        overdue = self.env["cs.callback"].search([("is_overdue", "=", True)])
        self.assertIn(late, overdue)
        self.assertNotIn(on_time, overdue)
        self.assertIn(
            on_time, self.env["cs.callback"].search([("is_overdue", "=", False)])
        )
        self.env["cs.callback"]._cron_flag_overdue()
        todo = self.env.ref("mail.mail_activity_data_todo")
        flagged = late.activity_ids.filtered(lambda act: act.activity_type_id == todo)
        self.assertIn(self.representative, flagged.user_id)
        self.assertTrue(late.overdue_flagged)
        self.env["cs.callback"]._cron_flag_overdue()
        self.assertEqual(
            late.activity_ids.filtered(lambda act: act.activity_type_id == todo),
            flagged,
        )
        self.assertFalse(on_time.overdue_flagged)

    @on_both_sides_of_midnight
    def test_overdue_ticket_callback_reaches_supervisor(self):
        """A representative's overdue callback also reaches the supervisor's to-do."""
        ticket = self._create_ticket("consultation")
        late = self._callback(
            ticket_id=ticket.id,
            scheduled_date=fields.Date.context_today(self.env.user) - timedelta(days=3),
        )
        late._cron_flag_overdue()
        users = late.activity_ids.filtered(
            lambda act: act.summary == "Overdue callback"
        ).user_id
        self.assertEqual(users, self.representative | self.supervisor)

    @on_both_sides_of_midnight
    def test_overdue_callback_without_ticket_reaches_supervisor(self):
        """An overdue callback with no ticket also reaches the team's supervisor."""
        late = self._callback(
            scheduled_date=fields.Date.context_today(self.env.user) - timedelta(days=3),
        )
        self.assertFalse(late.ticket_id)
        late._cron_flag_overdue()
        users = late.activity_ids.filtered(
            lambda act: act.summary == "Overdue callback"
        ).user_id
        self.assertEqual(users, self.representative | self.supervisor)

    def test_cancel_and_reopen(self):
        """A done callback cannot be cancelled; a cancelled one can be reopened."""
        callback = self._callback()
        callback.action_cancel()
        self.assertEqual(callback.state, "cancel")
        callback.action_reset_to_todo()
        callback.outcome = "resolved"
        callback.action_done()
        with self.assertRaises(UserError):
            callback.action_cancel()

    def test_record_rules(self):
        """Representatives see their own and their team's callbacks only."""
        ticket = self._create_ticket("complaint")
        self._close(ticket)
        team_callback = ticket.cs_callback_ids
        own = self._callback(user_id=self.representative_other.id)
        other_model = self.env["cs.callback"].with_user(self.representative_other)
        self.assertEqual(
            other_model.search([("id", "in", (team_callback | own).ids)]), own
        )
        rep_model = self.env["cs.callback"].with_user(self.representative)
        self.assertEqual(
            rep_model.search([("id", "=", team_callback.id)]), team_callback
        )
        sup_model = self.env["cs.callback"].with_user(self.supervisor)
        self.assertEqual(
            len(sup_model.search([("id", "in", (team_callback | own).ids)])), 2
        )

    def test_no_access_outside_cs(self):
        """Plain employees, engineers and finance cannot read callbacks."""
        self._callback()
        for user in (self.employee, self.engineer, self.finance):
            with self.assertRaises(AccessError):
                self.env["cs.callback"].with_user(user).search([])

    def test_satisfaction_statistics(self):
        """Average satisfaction and pass rate follow the configured threshold."""
        ticket = self._create_ticket("consultation")
        for score in (90, 70):
            callback = self._callback(ticket_id=ticket.id, satisfaction=score)
            callback.outcome = "resolved"
            callback.action_done()
        self.env.flush_all()
        report = self.env["cs.satisfaction.report"].with_user(self.supervisor)
        domain = [("team_id", "=", self.team.id)]
        fields_spec = ["satisfaction:avg", "pass_rate:avg", "callback_count:sum"]
        group = report.read_group(domain, fields_spec, ["team_id"])[0]
        self.assertEqual(group["callback_count"], 2)
        self.assertAlmostEqual(group["satisfaction"], 80.0)
        self.assertAlmostEqual(group["pass_rate"], 50.0)
        self.company.cs_satisfaction_threshold = 60
        self.env.flush_all()
        group = report.read_group(domain, fields_spec, ["team_id"])[0]
        self.assertAlmostEqual(group["pass_rate"], 100.0)
