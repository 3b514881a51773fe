# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import CsDepartmentCommon, on_both_sides_of_midnight


@tagged("post_install", "-at_install")
class TestFrontOfficeGuard(CsDepartmentCommon):
    """Callbacks, escalations and closing rules cannot be bypassed by writes."""

    def _callback(self, **vals):
        """A complaint follow-up (by default) as the system schedules it."""
        values = {
            "partner_id": self.customer.id,
            "reason": "complaint_followup",
            "user_id": self.representative.id,
            **vals,
        }
        return self.env["cs.callback"].create(values).with_user(self.supervisor)

    def _escalate(self, ticket):
        wizard = (
            self.env["cs.ticket.escalate"]
            .with_user(self.representative)
            .create(
                {
                    "ticket_id": ticket.id,
                    "engineer_id": self.engineer.id,
                    "reason": "Line test needed",
                }
            )
        )
        return wizard.action_escalate()

    def test_callback_state_not_writable(self):
        """A callback is done by its action only, with outcome and score."""
        callback = self._callback().with_user(self.representative)
        with self.assertRaises(UserError):
            callback.write({"state": "done"})
        with self.assertRaises(UserError):
            callback.write({"done_date": fields.Datetime.now()})
        Callback = self.env["cs.callback"].with_user(self.supervisor)
        done_count = Callback.search_count([("state", "=", "done")])
        with self.assertRaises(UserError):
            Callback.create(
                {
                    "partner_id": self.customer.id,
                    "reason": "other",
                    "state": "done",
                    "satisfaction": 100,
                    "outcome": "resolved",
                }
            )
        with self.assertRaises(UserError):
            Callback.with_context(
                default_state="done", default_done_date=fields.Datetime.now()
            ).create({"partner_id": self.customer.id, "outcome": "resolved"})
        self.assertEqual(callback.state, "todo")
        self.assertEqual(Callback.search_count([("state", "=", "done")]), done_count)

    def test_done_callback_locked(self):
        """The score of a done callback, which feeds the statistics, is frozen."""
        callback = self._callback().with_user(self.representative)
        callback.write({"outcome": "resolved", "satisfaction": 40})
        callback.action_done()
        with self.assertRaises(UserError):
            callback.write({"satisfaction": 100})
        with self.assertRaises(UserError):
            callback.write({"satisfaction_stars": "5"})
        callback.write({"notes": "Customer asked for a written answer."})
        self.assertEqual(callback.satisfaction, 40)

    def test_stars_round_half_up(self):
        """Scores map to the nearest star, halves up, a recorded score (a real 0
        included) never to 0 stars; an unrated callback has none."""
        callback = self._callback(reason="other")
        self.assertEqual(callback.satisfaction_stars, "0")
        expected = {0: "1", 10: "1", 30: "2", 50: "3", 70: "4", 90: "5", 100: "5"}
        for score, stars in expected.items():
            callback.satisfaction = score
            self.assertEqual(callback.satisfaction_stars, stars, score)

    @on_both_sides_of_midnight
    def test_overdue_cron_many_callbacks(self):
        """One cron run flags callbacks of several assignees, each once."""
        late_day = fields.Date.context_today(self.env.user) - timedelta(days=2)
        ticket = self._create_ticket("consultation")
        late = self._callback(scheduled_date=late_day, ticket_id=ticket.id)
        late_other = self._callback(
            scheduled_date=late_day, user_id=self.representative_other.id
        )
        late_sup = self._callback(scheduled_date=late_day, user_id=self.supervisor.id)
        self.env["cs.callback"]._cron_flag_overdue()

        def flagged(callback):
            return callback.activity_ids.filtered(
                lambda act: act.summary == "Overdue callback"
            ).user_id

        self.assertEqual(flagged(late), self.representative | self.supervisor)
        self.assertIn(self.representative_other, flagged(late_other))
        self.assertEqual(len(flagged(late_other)), 2)
        self.assertEqual(flagged(late_sup), self.supervisor)
        self.assertTrue(all((late | late_other | late_sup).mapped("overdue_flagged")))

    def test_escalation_log_not_writable(self):
        """Nobody returns or re-routes an escalation by editing its log."""
        ticket = self._create_ticket("complaint")
        escalation = self._escalate(ticket)
        with self.assertRaises(UserError):
            escalation.with_user(self.representative).write(
                {"returned_date": fields.Datetime.now()}
            )
        with self.assertRaises(UserError):
            escalation.with_user(self.engineer).write(
                {"to_user_id": self.engineer_other.id}
            )
        self.assertEqual(escalation.state, "open")
        for user in (self.engineer, self.representative, self.manager):
            with self.assertRaises(UserError):
                escalation.with_user(user).write({"reason": "Line test on site"})
        self.assertEqual(escalation.reason, "Line test needed")
        escalation.with_user(self.engineer).action_return(resolution="Line fixed")
        self.assertEqual(escalation.state, "returned")
        self.assertEqual(ticket.user_id, self.representative)

    def test_escalation_only_to_engineer(self):
        """Escalations are logged by the wizard only, and name an engineer."""
        ticket = self._create_ticket("complaint")
        vals = {
            "ticket_id": ticket.id,
            "from_user_id": self.representative_other.id,
            "to_user_id": self.engineer.id,
            "reason": "Forged by hand",
        }
        Escalation = self.env["cs.ticket.escalation"]
        for user in (self.representative, self.engineer, self.manager):
            with self.assertRaises(UserError):
                Escalation.with_user(user).create(vals)
        self.assertFalse(Escalation.search([("ticket_id", "=", ticket.id)]))
        with self.assertRaises(ValidationError):
            Escalation.create(dict(vals, to_user_id=self.representative_other.id))

    def test_close_as_complaint_in_same_write(self):
        """Turning a key-customer ticket into a complaint while closing it still
        needs the visit."""
        ticket = self._create_ticket("consultation", partner=self.key_customer)
        with self.assertRaises(UserError):
            ticket.with_user(self.representative).write(
                {"cs_request_kind": "complaint", "stage_id": self.stage_done.id}
            )
        self.assertFalse(ticket.closed)

    def test_engineer_records_visits_on_his_tickets_only(self):
        """An engineer records a visit on a ticket he holds, not on any ticket."""
        ticket = self._create_ticket("complaint", partner=self.key_customer)
        Visit = self.env["cs.ticket.visit"].with_user(self.engineer)
        vals = {"ticket_id": ticket.id, "outcome": "Checked the line"}
        with self.assertRaises(AccessError):
            Visit.create(vals)
        self._escalate(ticket)
        visit = Visit.create(vals)
        self.assertEqual(visit.ticket_id, ticket)
