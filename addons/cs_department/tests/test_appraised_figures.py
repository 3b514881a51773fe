# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from freezegun import freeze_time
from psycopg2.errors import CheckViolation

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import CsDepartmentCommon


@tagged("post_install", "-at_install")
class TestAppraisedFigures(CsDepartmentCommon):
    """Nobody produces or alters the front-office figures he is appraised on:
    each attack as the lowest-privileged user who could try it, refused, and
    the data unchanged."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.complaint = cls._create_ticket("complaint")
        cls.complaint.with_user(cls.representative).stage_id = cls.stage_done
        cls.followup = cls.complaint.cs_callback_ids
        cls.other_ticket = cls._create_ticket(
            "complaint", user=cls.representative_other, team=cls.team_other
        )
        cls.colleague_ticket = cls._create_ticket("consultation", user=cls.colleague)

    def _callback_vals(self, ticket, **vals):
        return {
            "partner_id": self.customer.id,
            "ticket_id": ticket.id,
            "user_id": self.representative.id,
            "outcome": "resolved",
            **vals,
        }

    # ---- callbacks ----

    def test_followup_scheduled_for_supervisor(self):
        """The closed complaint's follow-up waits for the team's supervisor."""
        self.assertEqual(len(self.followup), 1)
        self.assertEqual(self.followup.reason, "complaint_followup")
        self.assertEqual(self.followup.user_id, self.supervisor)
        self.assertEqual(self.followup.representative_id, self.representative)

    def test_representative_cannot_create_followup(self):
        """No follow-up, nor any rated callback, created on his own ticket."""
        Callback = self.env["cs.callback"].with_user(self.representative)
        attempts = [
            ({"reason": "complaint_followup"}, {}),
            ({}, {"default_reason": "complaint_followup"}),
            ({"reason": "complaint_followup", "satisfaction": 100}, {}),
            ({"reason": "other", "satisfaction": 100}, {}),
            ({"reason": "other"}, {"default_satisfaction": 100}),
        ]
        for vals, context in attempts:
            with (
                self.subTest(vals=vals, context=context),
                self.assertRaises(AccessError),
            ):
                Callback.with_context(**context).create(
                    self._callback_vals(self.complaint, **vals)
                )
        self.assertEqual(self.complaint.cs_callback_ids, self.followup)
        self.assertEqual(self.complaint.cs_satisfaction, 0)

    def test_representative_cannot_complete_followup_of_own_complaint(self):
        """The supervisor's pending follow-up stays his."""
        followup = self.followup.with_user(self.representative)
        for vals in (
            {"satisfaction": 100},
            {"satisfaction_stars": "5"},
            {"outcome": "resolved"},
            {"user_id": self.representative.id},
            {"user_id": self.colleague.id},
            {"scheduled_date": date(2026, 1, 1)},
            {"reason": "other"},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                followup.write(vals)
        for action in ("action_done", "action_cancel"):
            with self.subTest(action=action), self.assertRaises(AccessError):
                getattr(followup, action)()
        followup.write({"notes": "Customer prefers mornings."})
        self.assertRecordValues(
            self.followup,
            [
                {
                    "state": "todo",
                    "satisfaction": 0,
                    "outcome": False,
                    "user_id": self.supervisor.id,
                    "reason": "complaint_followup",
                }
            ],
        )

    def test_colleague_cannot_complete_followup(self):
        """A colleague of the team sees the follow-up, but does not record it."""
        followup = self.followup.with_user(self.colleague)
        self.assertTrue(followup.display_name)
        for vals in ({"satisfaction": 100}, {"user_id": self.colleague.id}):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                followup.write(vals)
        with self.assertRaises(AccessError):
            followup.action_done()
        self.assertEqual(self.followup.state, "todo")
        self.assertEqual(self.followup.satisfaction, 0)

    def test_representatives_do_not_rate_ticket_callbacks(self):
        """Neither the representative of a ticket nor a colleague records the
        satisfaction of its callbacks (no rating each other): a supervisor does."""
        Callback = self.env["cs.callback"].with_user(self.colleague)
        with self.assertRaises(AccessError):
            Callback.create(
                self._callback_vals(
                    self.colleague_ticket, user_id=self.colleague.id, satisfaction=90
                )
            )
        callback = Callback.create(
            self._callback_vals(self.colleague_ticket, user_id=self.colleague.id)
        )
        for user in (self.colleague, self.representative):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                callback.with_user(user).write({"satisfaction": 90})
        self.assertEqual(callback.satisfaction, 0)
        callback.with_user(self.supervisor).write({"satisfaction": 90})
        # Rated, it is not completed by the representative either.
        with self.assertRaises(AccessError):
            callback.with_user(self.colleague).action_done()
        self.assertEqual(callback.state, "todo")
        callback.with_user(self.supervisor).action_done()
        self.assertEqual(self.colleague_ticket.cs_satisfaction, 90)
        # Unrated, the representative completes his own callback.
        unrated = Callback.create(
            self._callback_vals(self.colleague_ticket, user_id=self.colleague.id)
        )
        unrated.action_done()
        self.assertEqual(unrated.state, "done")

    def test_callback_on_unreadable_ticket_refused(self):
        """No callback on a ticket of another team he cannot read."""
        Callback = self.env["cs.callback"].with_user(self.representative)
        with self.assertRaises(AccessError):
            self.other_ticket.with_user(self.representative).check_access("read")
        with self.assertRaises(AccessError):
            Callback.create(self._callback_vals(self.other_ticket, reason="other"))
        own = Callback.create(self._callback_vals(self.complaint, reason="other"))
        with self.assertRaises(AccessError):
            own.write({"ticket_id": self.other_ticket.id})
        self.assertEqual(own.ticket_id, self.complaint)
        self.assertFalse(self.other_ticket.cs_callback_ids)
        # The other team's representative does not even see the follow-up.
        other = self.env["cs.callback"].with_user(self.representative_other)
        self.assertFalse(other.search([("id", "=", self.followup.id)]))
        with self.assertRaises(AccessError):
            self.followup.with_user(self.representative_other).action_done()

    def test_plain_user_cannot_touch_callbacks(self):
        """A plain internal user has no callback rights at all."""
        with self.assertRaises(AccessError):
            self.followup.with_user(self.employee).write({"satisfaction": 100})
        with self.assertRaises(AccessError):
            self.env["cs.callback"].with_user(self.employee).create(
                self._callback_vals(self.complaint, reason="other")
            )
        self.assertEqual(self.followup.satisfaction, 0)

    def test_supervisor_completes_followup(self):
        """The legitimate flow: the assigned supervisor records the call."""
        followup = self.followup.with_user(self.supervisor)
        followup.write({"outcome": "resolved", "satisfaction": 100})
        followup.action_done()
        self.assertEqual(self.followup.state, "done")
        self.assertEqual(self.complaint.cs_satisfaction, 100)

    def test_followup_never_assigned_to_representative(self):
        """A supervisor's own complaint is followed up by another supervisor,
        and cannot be handed back to him."""
        ticket = self._create_ticket("complaint", user=self.supervisor)
        ticket.with_user(self.supervisor).stage_id = self.stage_done
        followup = ticket.cs_callback_ids
        self.assertTrue(followup.user_id)
        self.assertNotEqual(followup.user_id, self.supervisor)
        with self.assertRaises(AccessError):
            followup.with_user(self.supervisor).write({"satisfaction": 100})
        with self.assertRaises(ValidationError):
            self.followup.with_user(self.manager).write(
                {"user_id": self.representative.id}
            )
        self.assertEqual(self.followup.user_id, self.supervisor)
        # Reassigning to someone else is a supervisor's call.
        self.followup.with_user(self.manager).write({"user_id": self.colleague.id})
        self.followup.with_user(self.colleague).write(
            {"outcome": "resolved", "satisfaction": 60}
        )
        self.followup.with_user(self.colleague).action_done()
        self.assertEqual(self.complaint.cs_satisfaction, 60)

    # ---- tickets ----

    def test_representative_cannot_take_colleague_ticket(self):
        """Taking a colleague's ticket would take its callbacks into his KPI."""
        ticket = self.colleague_ticket.with_user(self.representative)
        with self.assertRaises(AccessError):
            ticket.write({"user_id": self.representative.id})
        with self.assertRaises(AccessError):
            ticket.assign_to_me()
        with self.assertRaises(AccessError):
            ticket.write({"cs_representative_id": self.representative.id})
        self.assertEqual(self.colleague_ticket.user_id, self.colleague)
        self.assertEqual(self.colleague_ticket.cs_representative_id, self.colleague)
        # Nor hands his own closed complaint (and its follow-up) to a colleague.
        with self.assertRaises(AccessError):
            self.complaint.with_user(self.representative).user_id = self.colleague
        self.assertEqual(self.complaint.cs_representative_id, self.representative)
        # Unassigned tickets are taken; supervisors hand over any ticket.
        free = self._create_ticket("consultation")
        free.user_id = False
        free.with_user(self.representative).assign_to_me()
        self.assertEqual(free.cs_representative_id, self.representative)
        ticket.with_user(self.supervisor).user_id = self.representative
        self.assertEqual(
            self.colleague_ticket.cs_representative_id, self.representative
        )

    def test_ticket_figures_not_writable(self):
        """Satisfaction, escalation state and representative are computed."""
        ticket = self.complaint.with_user(self.representative)
        for vals in (
            {"cs_satisfaction": 150},
            {"cs_satisfaction": 100},
            {"cs_escalated": True},
            {"cs_representative_id": self.colleague.id},
        ):
            for user in (self.representative, self.manager):
                with (
                    self.subTest(vals=vals, user=user.login),
                    self.assertRaises(AccessError),
                ):
                    ticket.with_user(user).write(vals)
        with self.assertRaises(AccessError):
            self.env["helpdesk.ticket"].with_user(self.representative).create(
                {
                    "name": "Forged",
                    "description": "x",
                    "team_id": self.team.id,
                    "cs_satisfaction": 100,
                }
            )
        Ticket = self.env["helpdesk.ticket"].with_user(self.representative)
        for key, value in (
            ("default_cs_satisfaction", 100),
            ("default_cs_escalated", True),
            ("default_cs_representative_id", self.colleague.id),
        ):
            with self.subTest(key=key):
                # The figure is computed whatever the client's defaults say.
                forged = Ticket.with_context(**{key: value}).create(
                    {"name": "Forged", "description": "x", "team_id": self.team.id}
                )
                self.assertRecordValues(
                    forged,
                    [
                        {
                            "cs_satisfaction": 0,
                            "cs_escalated": False,
                            "cs_representative_id": self.representative.id,
                        }
                    ],
                )
        self.assertRecordValues(
            self.complaint,
            [
                {
                    "cs_satisfaction": 0,
                    "cs_escalated": False,
                    "cs_representative_id": self.representative.id,
                }
            ],
        )

    def test_closed_complaint_keeps_its_kind(self):
        """A closed complaint is not reclassified, even reopened first."""
        for user in (self.representative, self.manager):
            ticket = self.complaint.with_user(user)
            with self.assertRaises(UserError):
                ticket.write({"cs_request_kind": "consultation"})
            with self.assertRaises(UserError):
                ticket.write({"category_id": self.category_consultation.id})
        self.complaint.with_user(self.representative).stage_id = self.stage_progress
        with self.assertRaises(UserError):
            self.complaint.with_user(
                self.representative
            ).cs_request_kind = "consultation"
        self.assertEqual(self.complaint.cs_request_kind, "complaint")
        # Open tickets are still classified freely.
        self.colleague_ticket.with_user(self.colleague).cs_request_kind = "complaint"
        self.assertEqual(self.colleague_ticket.cs_request_kind, "complaint")

    # ---- key customers and visits ----

    def test_key_customer_flag_not_unticked(self):
        """Unticking the key-customer flag does not skip the visit."""
        ticket = self._create_ticket("complaint", partner=self.key_customer)
        # With the rights to edit contacts, so that the rule, not the access
        # rights, is what refuses.
        contact_creation = self.env.ref("base.group_partner_manager")
        for user in (self.representative, self.supervisor, self.manager):
            user.groups_id += contact_creation
        for user in (self.representative, self.supervisor):
            with self.assertRaises(AccessError):
                self.key_customer.with_user(user).cs_key_customer = False
        self.assertTrue(self.key_customer.cs_key_customer)
        self.assertTrue(ticket.cs_key_customer)
        with self.assertRaises(AccessError):
            ticket.with_user(self.representative).partner_id = self.customer
        with self.assertRaises(UserError):
            ticket.with_user(self.representative).stage_id = self.stage_done
        self.assertFalse(ticket.closed)
        # The manager decides who is a key customer.
        self.key_customer.with_user(self.manager).cs_key_customer = False
        self.assertFalse(ticket.cs_key_customer)

    def test_done_after_cancelled_needs_visit(self):
        """Cancelled, then done, is closing: the visit is still needed."""
        cancelled = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_cancelled")
        ticket = self._create_ticket("complaint", partner=self.key_customer)
        ticket.with_user(self.representative).stage_id = cancelled
        with self.assertRaises(UserError):
            ticket.with_user(self.representative).stage_id = self.stage_done
        self.assertEqual(ticket.stage_id, cancelled)
        self.assertFalse(ticket.cs_callback_ids)
        # A consultation done after cancelled has nothing to wait for; a
        # complaint done after cancelled gets its follow-up.
        complaint = self._create_ticket("complaint")
        complaint.with_user(self.representative).stage_id = cancelled
        self.assertFalse(complaint.cs_callback_ids)
        complaint.with_user(self.representative).stage_id = self.stage_done
        self.assertEqual(complaint.cs_callback_ids.reason, "complaint_followup")

    @freeze_time("2026-03-10 16:30:00")
    def test_visit_forgery_refused(self):
        """A visit is recorded by who made it, not in the future, on its
        ticket; only such a visit lets the complaint close."""
        ticket = self._create_ticket("complaint", partner=self.key_customer)
        other = self._create_ticket("complaint", partner=self.key_customer)
        Visit = self.env["cs.ticket.visit"].with_user(self.supervisor)
        vals = {"ticket_id": ticket.id, "outcome": "Apologised on site"}
        with self.assertRaises(AccessError):
            Visit.create(dict(vals, user_id=self.engineer.id))
        with self.assertRaises(AccessError):
            Visit.with_context(default_user_id=self.manager.id).create(vals)
        for day in (date(2999, 1, 1), date(2026, 3, 12)):
            with self.assertRaises(ValidationError):
                Visit.create(dict(vals, date=day))
        self.assertFalse(ticket.cs_visit_ids)
        # Today in Asia/Shanghai is the 11th already (00:30).
        visit = Visit.create(dict(vals, date=date(2026, 3, 11)))
        for write_vals in (
            {"date": date(2999, 1, 1)},
            {"date": date(2026, 3, 12)},
        ):
            with self.assertRaises(ValidationError):
                visit.write(write_vals)
        for write_vals in (
            {"user_id": self.manager.id},
            {"ticket_id": other.id},
            {"key_customer": False},
        ):
            with self.assertRaises(AccessError):
                visit.with_user(self.manager).write(write_vals)
        self.assertRecordValues(
            visit,
            [
                {
                    "date": date(2026, 3, 11),
                    "user_id": self.supervisor.id,
                    "ticket_id": ticket.id,
                }
            ],
        )
        with self.assertRaises(UserError):
            other.with_user(self.representative).stage_id = self.stage_done
        ticket.with_user(self.representative).stage_id = self.stage_done
        self.assertTrue(ticket.closed)

    def test_manager_records_visit(self):
        """The legitimate flow: the manager records his visit, the complaint
        closes and its follow-up is scheduled."""
        ticket = self._create_ticket("complaint", partner=self.key_customer)
        self.env["cs.ticket.visit"].with_user(self.manager).create(
            {"ticket_id": ticket.id, "outcome": "Met the customer's director"}
        )
        ticket.with_user(self.representative).stage_id = self.stage_done
        self.assertTrue(ticket.closed)
        self.assertEqual(ticket.cs_callback_ids.reason, "complaint_followup")

    # ---- escalation logs ----

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

    def test_escalation_log_not_editable(self):
        """Reason, state and duration of an escalation are the log's own."""
        ticket = self._create_ticket("complaint")
        escalation = self._escalate(ticket)
        escalation.with_user(self.engineer).action_return(resolution="Line fixed")
        for user in (self.representative, self.engineer, self.manager):
            for vals, error in (
                ({"reason": "Never happened"}, UserError),
                ({"state": "open"}, AccessError),
                ({"duration_hours": -5.0}, AccessError),
                ({"duration_hours": 0.0}, AccessError),
                ({"returned_date": False}, UserError),
            ):
                with (
                    self.subTest(user=user.login, vals=vals),
                    self.assertRaises(error),
                ):
                    escalation.with_user(user).write(vals)
        self.assertRecordValues(
            escalation,
            [{"reason": "Line test needed", "state": "returned"}],
        )
        self.assertGreaterEqual(escalation.duration_hours, 0.0)

    def test_colleague_escalation_keeps_representative(self):
        """A colleague escalating a ticket does not become its representative."""
        escalation = (
            self.env["cs.ticket.escalate"]
            .with_user(self.representative)
            .create(
                {
                    "ticket_id": self.colleague_ticket.id,
                    "engineer_id": self.engineer.id,
                    "reason": "Line test needed",
                }
            )
            .action_escalate()
        )
        self.assertEqual(escalation.from_user_id, self.colleague)
        self.assertEqual(self.colleague_ticket.cs_representative_id, self.colleague)

    # ---- database checks ----

    def test_bounded_figures_checked_by_database(self):
        """Satisfactions stay within 0..100 and durations non-negative even
        past the ORM."""
        ticket = self._create_ticket("complaint")
        escalation = self._escalate(ticket)
        escalation.with_user(self.engineer).action_return(resolution="Line fixed")
        self.env.flush_all()
        statements = (
            ("UPDATE cs_callback SET satisfaction = 150 WHERE id = %s", self.followup),
            ("UPDATE helpdesk_ticket SET cs_satisfaction = 150 WHERE id = %s", ticket),
            ("UPDATE helpdesk_ticket SET cs_satisfaction = -1 WHERE id = %s", ticket),
            (
                "UPDATE cs_ticket_escalation SET duration_hours = -1 WHERE id = %s",
                escalation,
            ),
            (
                (
                    "UPDATE cs_ticket_escalation SET returned_date = date - "
                    "interval '1 hour' WHERE id = %s"
                ),
                escalation,
            ),
        )
        for query, record in statements:
            with (
                self.subTest(query=query),
                mute_logger("odoo.sql_db"),
                self.assertRaises(CheckViolation),
                self.env.cr.savepoint(),
            ):
                self.env.cr.execute(query, [record.id])
        self.assertGreaterEqual(escalation.duration_hours, 0.0)
