# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import CsDepartmentCommon


@tagged("post_install", "-at_install")
class TestHelpdeskTicket(CsDepartmentCommon):
    """Request kinds, escalation, key-customer visits and the complaint rate."""

    def _escalate(self, ticket, user=None, engineer=None):
        wizard_model = self.env["cs.ticket.escalate"].with_user(
            user or self.representative
        )
        with Form(wizard_model.with_context(default_ticket_id=ticket.id)) as form:
            form.engineer_id = engineer or self.engineer
            form.reason = "Needs a line test on site"
        return form.save().action_escalate()

    def test_request_kind_from_category(self):
        """The category decides the kind; without one a ticket is a consultation."""
        ticket_model = self.env["helpdesk.ticket"].with_user(self.representative)
        ticket = ticket_model.create(
            {
                "name": "Billing complaint",
                "description": "Wrong invoice",
                "team_id": self.team.id,
                "category_id": self.category_complaint.id,
            }
        )
        self.assertEqual(ticket.cs_request_kind, "complaint")
        plain = ticket_model.create(
            {"name": "Question", "description": "Rates?", "team_id": self.team.id}
        )
        self.assertEqual(plain.cs_request_kind, "consultation")
        self.assertEqual(
            ticket_model.search_count(
                [("cs_request_kind", "=", "complaint"), ("id", "in", plain.ids)]
            ),
            0,
        )

    def test_key_customer_flag_from_commercial_partner(self):
        """A contact of a key customer makes the ticket a key-customer ticket."""
        ticket = self._create_ticket("complaint", partner=self.key_contact)
        self.assertTrue(ticket.cs_key_customer)
        self.assertFalse(self._create_ticket("complaint").cs_key_customer)

    def test_escalate_to_engineer(self):
        """Escalating assigns the engineer, keeps the representative and logs it."""
        ticket = self._create_ticket("complaint")
        escalation = self._escalate(ticket)
        self.assertEqual(ticket.user_id, self.engineer)
        self.assertIn(self.representative.partner_id, ticket.message_partner_ids)
        self.assertEqual(escalation.from_user_id, self.representative)
        self.assertEqual(escalation.to_user_id, self.engineer)
        self.assertEqual(escalation.state, "open")
        self.assertTrue(ticket.cs_escalated)
        self.assertEqual(ticket.cs_escalation_count, 1)
        self.assertEqual(ticket.cs_representative_id, self.representative)
        # The engineer now sees the ticket and his escalation, not others'.
        self.assertTrue(ticket.with_user(self.engineer).name)
        escalations = self.env["cs.ticket.escalation"].with_user(self.engineer_other)
        self.assertFalse(escalations.search([("id", "=", escalation.id)]))

    def test_engineer_cannot_escalate(self):
        """An after-sales engineer has no access to the escalation wizard."""
        ticket = self._create_ticket("complaint", user=self.engineer)
        with self.assertRaises(AccessError):
            self._escalate(ticket, user=self.engineer, engineer=self.engineer_other)
        self.assertFalse(ticket.cs_escalation_ids)

    def test_escalate_refusals(self):
        """No second escalation while open; only engineers can receive one."""
        ticket = self._create_ticket("complaint")
        with self.assertRaises(UserError):
            self._escalate(ticket, engineer=self.supervisor)
        self.assertFalse(ticket.cs_escalation_ids)
        self._escalate(ticket)
        with self.assertRaises(UserError):
            self._escalate(ticket, user=self.supervisor)
        self.assertEqual(ticket.cs_escalation_count, 1)

    def test_return_to_representative(self):
        """The engineer gives the ticket back once; others cannot return it."""
        ticket = self._create_ticket("complaint")
        escalation = self._escalate(ticket)
        with self.assertRaises(AccessError):
            escalation.with_user(self.representative).action_return()
        action = ticket.with_user(self.engineer).action_cs_return_to_representative()
        self.assertEqual(action["res_model"], "cs.ticket.escalation.return")
        self.assertFalse(escalation.returned_date)
        wizard_model = self.env[action["res_model"]].with_user(self.engineer)
        with Form(wizard_model.with_context(**action["context"])) as form:
            form.resolution = "Replaced the modem"
        form.save().action_return()
        self.assertTrue(escalation.returned_date)
        self.assertEqual(escalation.state, "returned")
        self.assertEqual(ticket.user_id, self.representative)
        self.assertFalse(ticket.cs_escalated)
        with self.assertRaises(UserError):
            escalation.with_user(self.supervisor).action_return()

    def test_escalation_record_rules(self):
        """A representative of another team does not see the escalation."""
        ticket = self._create_ticket("complaint")
        escalation = self._escalate(ticket)
        other = self.env["cs.ticket.escalation"].with_user(self.representative_other)
        self.assertFalse(other.search([("id", "=", escalation.id)]))
        mine = self.env["cs.ticket.escalation"].with_user(self.representative)
        self.assertEqual(mine.search([("id", "=", escalation.id)]), escalation)
        with self.assertRaises(AccessError):
            self.env["cs.ticket.escalation"].with_user(self.employee).search([])

    def test_close_key_customer_complaint_needs_visit(self):
        """Closing a key-customer complaint without an on-site visit is refused."""
        ticket = self._create_ticket("complaint", partner=self.key_customer)
        with self.assertRaises(UserError):
            ticket.with_user(self.representative).stage_id = self.stage_done
        self.assertEqual(ticket.stage_id, self.stage_progress)
        self.assertFalse(ticket.cs_callback_ids)
        # Consultations of key customers close freely.
        consultation = self._create_ticket("consultation", partner=self.key_customer)
        consultation.with_user(self.representative).stage_id = self.stage_done
        self.assertTrue(consultation.closed)

    def test_close_key_customer_complaint_after_visit(self):
        """After the supervisor records the visit, the complaint can be closed."""
        ticket = self._create_ticket("complaint", partner=self.key_customer)
        with self.assertRaises(AccessError):
            self.env["cs.ticket.visit"].with_user(self.representative).create(
                {"ticket_id": ticket.id, "outcome": "Visited"}
            )
        visit = (
            self.env["cs.ticket.visit"]
            .with_user(self.supervisor)
            .create({"ticket_id": ticket.id, "outcome": "Apologised on site"})
        )
        self.assertEqual(visit.user_id, self.supervisor)
        self.assertEqual(visit.partner_id, self.key_customer)
        self.assertEqual(ticket.cs_visit_count, 1)
        ticket.with_user(self.representative).stage_id = self.stage_done
        self.assertTrue(ticket.closed)

    def test_cancel_key_complaint_without_visit(self):
        """Cancelling is not handling: no visit needed, no follow-up callback."""
        cancelled = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_cancelled")
        self.assertTrue(cancelled.cs_cancel)
        ticket = self._create_ticket("complaint", partner=self.key_customer)
        ticket.with_user(self.representative).stage_id = cancelled
        self.assertEqual(ticket.stage_id, cancelled)
        self.assertFalse(ticket.cs_callback_ids)
        cancelled.cs_cancel = False
        other = self._create_ticket("complaint", partner=self.key_customer)
        with self.assertRaises(UserError):
            other.with_user(self.representative).stage_id = cancelled

    def test_create_closed_key_complaint_refused(self):
        """A key-customer complaint cannot be created directly in a closed stage."""
        with self.assertRaises(UserError):
            self.env["helpdesk.ticket"].create(
                {
                    "name": "Closed at once",
                    "description": "x",
                    "team_id": self.team.id,
                    "partner_id": self.key_customer.id,
                    "cs_request_kind": "complaint",
                    "stage_id": self.stage_done.id,
                }
            )

    def test_key_customer_filter_domain(self):
        """The manager's key-customer complaint filter finds exactly those."""
        key = self._create_ticket("complaint", partner=self.key_customer)
        self._create_ticket("complaint")
        self._create_ticket("consultation", partner=self.key_customer)
        found = (
            self.env["helpdesk.ticket"]
            .with_user(self.manager)
            .search(
                [
                    ("cs_request_kind", "=", "complaint"),
                    ("cs_key_customer", "=", True),
                    ("team_id", "=", self.team.id),
                ]
            )
        )
        self.assertEqual(found, key)

    def test_complaint_rate_report(self):
        """Rates relate complaints to all tickets and to customers with tickets."""
        self._create_ticket("complaint")
        self._create_ticket("complaint")
        self._create_ticket("consultation", partner=self.key_customer)
        self._create_ticket("consultation", partner=self.key_customer)
        self.env.flush_all()
        report = self.env["cs.complaint.report"].with_user(self.supervisor)
        groups = report.read_group(
            [("team_id", "=", self.team.id)],
            [
                "complaint_count:sum",
                "ticket_count:sum",
                "complaint_rate:avg",
                "customer_count:count_distinct",
                "complaint_customer_rate",
            ],
            ["user_id"],
        )
        self.assertEqual(len(groups), 1)
        group = groups[0]
        self.assertEqual(group["user_id"][0], self.representative.id)
        self.assertEqual(group["complaint_count"], 2)
        self.assertEqual(group["ticket_count"], 4)
        self.assertAlmostEqual(group["complaint_rate"], 50.0)
        self.assertEqual(group["customer_count"], 2)
        self.assertAlmostEqual(group["complaint_customer_rate"], 100.0)
        with self.assertRaises(AccessError):
            self.env["cs.complaint.report"].with_user(self.representative).search([])

    def test_transfer_from_department(self):
        """A ticket records the department that handed it over."""
        department = self.env["hr.department"].create({"name": "Sales Test"})
        ticket = self._create_ticket("complaint")
        ticket.with_user(self.representative).write(
            {
                "cs_transferred_from_department_id": department.id,
                "cs_transfer_note": "Customer called sales first",
            }
        )
        self.assertEqual(ticket.cs_transferred_from_department_id, department)
