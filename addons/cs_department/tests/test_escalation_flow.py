# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .common import CsDepartmentCommon


@tagged("post_install", "-at_install")
class TestEscalationFlow(CsDepartmentCommon):
    """The escalated engineer gets a to-do and returns the ticket with a
    resolution; closing or cancelling the ticket ends its escalation."""

    def _escalate(self, ticket):
        wizard_model = self.env["cs.ticket.escalate"].with_user(self.representative)
        with Form(wizard_model.with_context(default_ticket_id=ticket.id)) as form:
            form.engineer_id = self.engineer
            form.reason = "Needs a line test on site"
        return form.save().action_escalate()

    def test_engineer_gets_a_todo_with_deadline(self):
        """The to-do is the engineer's, due the next day in his time zone."""
        for moment, deadline in (
            ("2026-03-10 15:30:00", "2026-03-11"),
            ("2026-03-10 16:30:00", "2026-03-12"),
        ):
            with self.subTest(moment=moment), freeze_time(moment):
                ticket = self._create_ticket("complaint")
                escalation = self._escalate(ticket)
                todo = ticket.activity_ids.filtered(
                    lambda act: act.user_id == self.engineer
                )
                self.assertEqual(len(todo), 1)
                self.assertEqual(escalation.activity_id, todo)
                self.assertEqual(str(todo.date_deadline), deadline)
                self.assertIn(ticket.number, todo.summary)
                # His own "My Escalations" lists it.
                action = self.env["ir.actions.act_window"]._for_xml_id(
                    "cs_department.cs_ticket_escalation_action_mine"
                )
                mine = (
                    self.env["cs.ticket.escalation"]
                    .with_user(self.engineer)
                    .search(safe_eval(action["domain"], {"uid": self.engineer.id}))
                )
                self.assertIn(escalation, mine)
                self.assertFalse(
                    self.env["cs.ticket.escalation"]
                    .with_user(self.engineer_other)
                    .search(
                        safe_eval(action["domain"], {"uid": self.engineer_other.id})
                    )
                )

    def test_return_asks_for_the_resolution(self):
        """The resolution is required, kept on the log and posted on the ticket;
        the to-do is done."""
        ticket = self._create_ticket("complaint")
        escalation = self._escalate(ticket)
        action = escalation.with_user(self.engineer).action_return()
        self.assertEqual(action["res_model"], "cs.ticket.escalation.return")
        self.assertEqual(escalation.state, "open")
        wizard_model = self.env[action["res_model"]].with_user(self.engineer)
        form = Form(wizard_model.with_context(**action["context"]))
        with self.assertRaises(AssertionError):
            form.save()
        form.resolution = "Replaced the line card"
        form.save().action_return()
        self.assertEqual(escalation.state, "returned")
        self.assertEqual(escalation.resolution, "Replaced the line card")
        self.assertEqual(ticket.user_id, self.representative)
        self.assertFalse(
            ticket.activity_ids.filtered(lambda act: act.user_id == self.engineer)
        )
        self.assertIn(
            "Replaced the line card", ticket.message_ids[:3].mapped("body")[0]
        )
        # Nobody rewrites the resolution afterwards.
        with self.assertRaises(UserError):
            escalation.with_user(self.engineer).write({"resolution": "Nothing"})
        self.assertEqual(escalation.resolution, "Replaced the line card")

    def test_closing_the_ticket_closes_the_escalation(self):
        """Done or cancelled, the ticket takes its open escalation with it."""
        cancelled_stage = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_cancelled")
        for stage in (self.stage_done, cancelled_stage):
            with self.subTest(stage=stage.name):
                ticket = self._create_ticket("consultation")
                escalation = self._escalate(ticket)
                ticket.with_user(self.supervisor).stage_id = stage
                self.assertEqual(escalation.state, "closed")
                self.assertTrue(escalation.returned_date)
                self.assertFalse(ticket.cs_escalated)
                self.assertFalse(escalation.activity_id)
                self.assertFalse(
                    ticket.activity_ids.filtered(
                        lambda act: act.user_id == self.engineer
                    )
                )
