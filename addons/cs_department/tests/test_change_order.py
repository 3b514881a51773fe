# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime, timedelta

from freezegun import freeze_time
from lxml import etree

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common_change_order import CsChangeOrderCommon

#: Every workflow step and the states it may start from.
STEPS = {
    "action_verify": ["draft"],
    "action_approve": ["verified"],
    "action_start": ["approved"],
    "action_activate": ["in_progress"],
    "action_notify_customer": ["activated"],
    "action_done": ["notified"],
    "action_cancel": ["draft", "verified", "approved", "in_progress"],
    "action_reject": ["draft", "verified"],
    "action_draft": ["cancel", "rejected"],
}


@tagged("post_install", "-at_install")
class TestChangeOrderWorkflow(CsChangeOrderCommon):
    """The change-order workflow, step by step, as the CS roles."""

    def test_sequence_and_defaults(self):
        """A new order gets a sequence number, its representative and the due
        time of the normal business-change rule."""
        order = self._create_order()
        self.assertTrue(order.name.startswith("BC/"))
        self.assertEqual(order.user_id, self.rep)
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.sla_id, self.normal_rule)
        self.assertEqual(order.due_date, order.requested_date + timedelta(hours=72))
        self.assertEqual(order.line_ids.old_value, "National Long Distance")

    def test_full_workflow(self):
        """Draft to done through every step, the tier review done by a colleague."""
        order = self._create_order()
        order.action_verify()
        self.assertEqual(order.state, "verified")
        self.assertEqual(order.verified_by_id, self.rep)
        self.assertTrue(order.verified_date)
        self.assertEqual(len(order.review_ids), 1)
        self.assertEqual(order.validation_status, "pending")
        order.with_user(self.rep2).validate_tier()
        self.assertEqual(order.validation_status, "validated")
        # The last validation approves the order: no Approve to press.
        self.assertEqual(order.state, "approved")
        order.action_start()
        self.assertEqual(order.state, "in_progress")
        order.action_activate()
        self.assertEqual(order.state, "activated")
        self.assertTrue(order.activation_date)
        self.assertEqual(self.ld_line.permission_level, "international")
        order.action_notify_customer()
        self.assertEqual(order.state, "notified")
        self.assertEqual(order.notification_channel, "email")
        self.assertTrue(order.notification_date)
        order.action_done()
        self.assertEqual(order.state, "done")

    def test_wrong_state_refused(self):
        """Every step called from a state it does not start from is refused."""
        order = self._create_order()
        path = [
            "action_verify",
            "action_approve",
            "action_start",
            "action_activate",
            "action_notify_customer",
            "action_done",
        ]
        for next_step in [*path, None]:
            for step, states in STEPS.items():
                if order.state in states:
                    continue
                with (
                    self.subTest(state=order.state, step=step),
                    self.assertRaises(UserError),
                ):
                    getattr(order, step)()
            if next_step == "action_approve":
                # The last validation approves the order.
                order.with_user(self.rep2).validate_tier()
            elif next_step:
                getattr(order, next_step)()
        self.assertEqual(order.state, "done")
        cancelled = self._create_order()
        cancelled.action_cancel(reason="Customer withdrew")
        for step in STEPS:
            if step != "action_draft":
                with self.assertRaises(UserError):
                    getattr(cancelled, step)()

    def test_approve_refused_before_validation(self):
        """Approval waits for the tier reviews, and a rejected review blocks it."""
        order = self._create_order()
        order.action_verify()
        with self.assertRaisesRegex(UserError, "waiting for its approvals"):
            order.action_approve()
        order.restart_validation()
        self.assertFalse(order.review_ids)
        with self.assertRaisesRegex(UserError, "request it first"):
            order.action_approve()
        order.request_validation()
        result = order.with_user(self.rep2).reject_tier()
        self.assertEqual(order.validation_status, "rejected")
        self.assertEqual(
            (result["params"]["message"], result["params"]["type"]),
            (f"{order.name} rejected.", "warning"),
        )
        with self.assertRaisesRegex(UserError, "rejected"):
            order.action_approve()
        self.assertEqual(order.state, "verified")

    def test_requester_cannot_review(self):
        """The representative who asked for the review cannot validate it himself."""
        order = self._create_order()
        order.action_verify()
        self.assertNotIn(self.rep, order.review_ids.reviewer_ids)
        self.assertIn(self.rep2, order.review_ids.reviewer_ids)
        self.assertFalse(order.can_review)
        with self.assertRaises(UserError):
            order.validate_tier()
        self.assertEqual(order.validation_status, "pending")

    def test_expedited_needs_supervisor(self):
        """An expedited order needs the supervisor tier after the representative's."""
        order = self._create_order(expedited=True)
        order.action_verify()
        reviews = order.review_ids.sorted("sequence")
        self.assertEqual(len(reviews), 2)
        self.assertEqual(
            reviews[1].definition_id,
            self.env.ref(
                "cs_department.tier_definition_cs_change_order_supervisor_expedited"
            ),
        )
        # The reviews table names the reviewers, not "Group <group>".
        self.assertNotIn("Group", reviews[1].todo_by)
        self.assertIn(reviews[1].reviewer_ids[0].name, reviews[1].todo_by)
        self.assertNotIn(self.rep.name, reviews[0].todo_by)
        result = order.with_user(self.rep2).validate_tier()
        self.assertEqual(reviews[0].status, "approved")
        self.assertEqual(reviews[1].status, "pending")
        # the reviewer is told at once what he did and who comes next
        self.assertEqual(result["tag"], "display_notification")
        self.assertIn(order.name, result["params"]["message"])
        self.assertIn(reviews[1].todo_by, result["params"]["message"])
        self.assertIn("Next:", result["params"]["message"])
        self.assertEqual(result["params"]["next"]["tag"], "soft_reload")
        # Neither representative gets past the supervisor tier.
        for rep in (self.rep, self.rep2):
            with self.assertRaises(UserError):
                order.with_user(rep).validate_tier()
            with self.assertRaises(UserError):
                order.with_user(rep).action_approve()
        self.assertEqual(order.state, "verified")
        result = order.with_user(self.supervisor).validate_tier()
        self.assertEqual(order.validation_status, "validated")
        self.assertEqual(order.state, "approved")
        self.assertEqual(result["params"]["message"], f"{order.name} approved.")

    def test_supervisor_own_expedited_order(self):
        """A supervisor's own expedited order goes to another supervisor or manager."""
        order = self._create_order(user=self.supervisor, expedited=True)
        order.action_verify()
        with self.assertRaises(UserError):
            order.validate_tier()
        order.with_user(self.manager).validate_tier()
        order.with_user(self.manager).validate_tier()
        self.assertEqual(order.validation_status, "validated")

    def _stop(self, order, action, reason):
        """Run the reason wizard on ``order`` as the representative."""
        wizard = Form(
            self.env["cs.change.order.reason"]
            .with_user(self.rep)
            .with_context(
                active_model=order._name, active_ids=order.ids, default_action=action
            )
        )
        wizard.reason = reason
        wizard.save().action_confirm()

    def test_cancel_and_reject_with_reason(self):
        """The reason wizard cancels or rejects and keeps the reason."""
        order = self._create_order()
        order.action_verify()
        self._stop(order, "reject", "Customer could not be identified")
        self.assertEqual(order.state, "rejected")
        self.assertEqual(order.reject_reason, "Customer could not be identified")
        self.assertTrue(order.review_ids, "The reviews stay for the record")
        order.action_draft()
        self.assertEqual(order.state, "draft")
        self.assertFalse(order.review_ids)
        self.assertFalse(order.reject_reason)
        approved = self._approved_order()
        with self.assertRaises(UserError):
            self._stop(approved, "reject", "Too late to reject")
        self._stop(approved, "cancel", "Duplicate request")
        self.assertEqual(approved.state, "cancel")
        self.assertEqual(approved.cancel_reason, "Duplicate request")
        activated = self._approved_order()
        activated.action_start()
        activated.action_activate()
        for step in (activated.action_cancel, activated.action_reject):
            with self.assertRaises(UserError):
                step()
        self.assertEqual(activated.state, "activated")

    def test_verify_needs_lines(self):
        """An order without changes cannot be verified."""
        order = (
            self.env["cs.change.order"]
            .with_user(self.rep)
            .create({"partner_id": self.customer.id})
        )
        with self.assertRaisesRegex(UserError, "no change line"):
            order.action_verify()
        self.assertEqual(order.state, "draft")

    def test_lines_locked_after_verification(self):
        """The changes of a verified order cannot be edited any more."""
        order = self._create_order()
        order.action_verify()
        with self.assertRaises(UserError):
            order.line_ids.new_permission_level = "local"
        with self.assertRaises(UserError):
            order.write(
                {
                    "line_ids": [
                        Command.create(
                            {
                                "change_type": "add_password",
                                "service_line_id": self.ip_line.id,
                            }
                        )
                    ]
                }
            )

    def test_create_from_ticket(self):
        """A ticket opens a change order for its customer and counts it."""
        form = Form(
            self.env["cs.change.order"]
            .with_user(self.rep)
            .with_context(default_ticket_id=self.ticket.id)
        )
        self.assertEqual(form.partner_id, self.customer)
        with form.line_ids.new() as line:
            line.change_type = "add_password"
            line.service_line_id = self.ip_line
        order = form.save()
        self.assertEqual(order.ticket_id, self.ticket)
        self.assertEqual(self.ticket.with_user(self.rep).cs_change_order_count, 1)
        by_ticket = self.env["cs.change.order"].create({"ticket_id": self.ticket.id})
        self.assertEqual(by_ticket.partner_id, self.customer)
        action = self.ticket.with_user(self.rep).action_cs_view_change_orders()
        self.assertEqual(
            self.env["cs.change.order"].search(action["domain"]), order | by_ticket
        )

    def test_late_expedited(self):
        """An expedited order is late past its due time until it is activated."""
        with freeze_time("2026-03-02 08:00:00"):
            order = self._create_order(expedited=True)
            normal = self._create_order()
        self.assertEqual(order.due_date, datetime(2026, 3, 2, 12, 0))
        Order = self.env["cs.change.order"]
        with freeze_time("2026-03-02 11:00:00"):
            order.invalidate_recordset(["late"])
            self.assertFalse(order.late)
            self.assertNotIn(order, Order.search([("late", "=", True)]))
        with freeze_time("2026-03-02 13:00:00"):
            order.invalidate_recordset(["late"])
            normal.invalidate_recordset(["late"])
            self.assertTrue(order.late)
            self.assertFalse(normal.late)
            self.assertIn(order, Order.search([("late", "=", True)]))
            self.assertIn(normal, Order.search([("late", "!=", True)]))
            order.action_verify()
            order.with_user(self.rep2).validate_tier()
            order.with_user(self.supervisor).validate_tier()
            order.action_start()
            order.action_activate()
            order.invalidate_recordset(["late"])
            self.assertFalse(order.late)
            self.assertNotIn(order, Order.search([("late", "=", True)]))
        self.assertAlmostEqual(order.lead_time, 5.0, places=2)

    def test_due_time_configurable(self):
        """The due time follows the SLA rules chosen in the settings."""
        self.expedited_rule.hours = 2
        order = self._create_order(expedited=True)
        self.assertEqual(order.sla_id, self.expedited_rule)
        self.assertEqual(order.due_date, order.requested_date + timedelta(hours=2))
        self.company.cs_change_order_sla_id = False
        self.assertFalse(self._create_order().due_date)

    def test_due_time_on_working_hours(self):
        """On the shipped rules and the Service Desk hours (Asia/Shanghai,
        9:00-12:00 and 13:00-18:00 on weekdays), a normal order is due 2
        working days after the request, an expedited one 1; a request after
        hours counts from the next morning, on both sides of midnight."""
        calendar = self.env.ref("cs_department.resource_calendar_cs_service_desk")
        self.company.resource_calendar_id = calendar
        self.env["helpdesk.ticket.team"].search([]).resource_calendar_id = calendar
        self.company.write(
            {
                "cs_change_order_sla_id": self.env.ref(
                    "cs_department.helpdesk_sla_business_change"
                ).id,
                "cs_change_order_expedited_sla_id": self.env.ref(
                    "cs_department.helpdesk_sla_business_change_expedited"
                ).id,
            }
        )
        cases = [
            # Wednesday 10:00 in Shanghai: 16 working hours -> Friday 10:00
            ("2026-03-04 02:00:00", False, datetime(2026, 3, 6, 2, 0)),
            # expedited: 8 working hours -> Thursday 10:00
            ("2026-03-04 02:00:00", True, datetime(2026, 3, 5, 2, 0)),
            # Wednesday 23:30 in Shanghai (15:30 UTC): from Thursday 9:00
            ("2026-03-04 15:30:00", True, datetime(2026, 3, 5, 10, 0)),
            # Thursday 00:30 in Shanghai (Wednesday 16:30 UTC): the same
            ("2026-03-04 16:30:00", True, datetime(2026, 3, 5, 10, 0)),
            # Friday 17:00: the weekend does not count -> Monday 17:00
            ("2026-03-06 09:00:00", True, datetime(2026, 3, 9, 9, 0)),
        ]
        for requested, expedited, due in cases:
            with self.subTest(requested=requested, expedited=expedited):
                order = self._create_order(
                    expedited=expedited, requested_date=requested
                )
                self.assertEqual(order.due_date, due)

    def test_due_time_is_computed(self):
        """No client sets the due time or the rule: they are the rule's."""
        for vals in ({"due_date": "2030-01-01 00:00:00"}, {"sla_id": False}):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                self._create_order(**vals)
        order = self._create_order(expedited=True)
        self.assertEqual(order.due_date, order.requested_date + timedelta(hours=4))
        with self.assertRaises(AccessError):
            order.with_user(self.rep).write({"due_date": "2030-01-01 00:00:00"})
        # The toggle must not autosave: that skips the onchange giving the due time.
        view = self.env["cs.change.order"].get_view(view_type="form")
        toggle = etree.fromstring(view["arch"]).xpath("//field[@name='expedited']")
        self.assertEqual(toggle[0].get("options"), "{'autosave': False}")


@tagged("post_install", "-at_install")
class TestChangeOrderActivation(CsChangeOrderCommon):
    """Activation applies the changes; notification tells the customer."""

    def test_activation_applies_lines(self):
        """Add, close, password, permission and basic data reach the service lines."""
        # 23:30 UTC: a new day in Shanghai and in Brussels, not yet in UTC.
        # Whoever acts, a line opened today closes today: the company's day.
        with freeze_time("2026-03-02 23:30:00"):
            self.ip_line.date_start = self.env.company._cs_today()
            self._check_activation_applies_lines()
        self.assertEqual(self.ip_line.date_end, self.ip_line.date_start)

    def _check_activation_applies_lines(self):
        order = self._approved_order(
            lines=[
                {
                    "change_type": "add_line",
                    "service_type": "long_distance",
                    "new_value": "010-6000-3003",
                },
                {"change_type": "remove_line", "service_line_id": self.ip_line.id},
                {"change_type": "add_password", "service_line_id": self.ld_line.id},
                {
                    "change_type": "change_permission",
                    "service_line_id": self.ld_line.id,
                    "new_permission_level": "local",
                },
                {
                    "change_type": "change_basic_data",
                    "service_line_id": self.ld_line.id,
                    "new_value": "New address",
                },
            ]
        )
        order.action_start()
        order.action_activate()
        added = order.line_ids.filtered(lambda line: line.change_type == "add_line")
        new_line = added.service_line_id
        self.assertEqual(new_line.name, "010-6000-3003")
        self.assertEqual(new_line.partner_id, self.customer)
        self.assertEqual(new_line.service_type, "long_distance")
        self.assertEqual(self.ip_line.state, "closed")
        self.assertTrue(self.ip_line.date_end)
        self.assertTrue(self.ld_line.password_set)
        self.assertEqual(self.ld_line.permission_level, "local")
        self.assertEqual(self.ld_line.basic_data, "New address")
        basic = order.line_ids.filtered(
            lambda line: line.change_type == "change_basic_data"
        )
        self.assertEqual(basic.old_value, "Old address", "Old value kept")
        self.assertEqual(self.customer.cs_service_line_count, 2)

    def test_activation_refused_on_closed_line(self):
        """A change on a line closed meanwhile stops the activation, nothing applied."""
        order = self._approved_order(
            lines=[
                {
                    "change_type": "add_line",
                    "service_type": "ip",
                    "new_value": "010-6000-4004",
                },
                {"change_type": "add_password", "service_line_id": self.ip_line.id},
            ]
        )
        order.action_start()
        self.ip_line.state = "closed"
        with self.assertRaisesRegex(UserError, "already closed"):
            order.action_activate()
        self.assertEqual(order.state, "in_progress")
        self.assertFalse(self.ServiceLine.search([("name", "=", "010-6000-4004")]))

    def test_notification_sends_mail(self):
        """Notifying by email posts the template to the customer with an email."""
        order = self._approved_order()
        order.action_start()
        order.action_activate()
        order.action_notify_customer()
        message = order.message_ids.filtered(
            lambda msg: (
                msg.message_type == "comment" and self.customer in msg.partner_ids
            )
        )
        self.assertEqual(len(message), 1)
        self.assertIn(order.name, message.subject)
        self.assertIn("International", message.body)
        notification = self.env["mail.notification"].search(
            [
                ("mail_message_id", "=", message.id),
                ("res_partner_id", "=", self.customer.id),
            ]
        )
        self.assertEqual(notification.notification_type, "email")

    def test_notification_other_channel(self):
        """Without email the customer is notified by phone and the fact is logged."""
        self.customer.email = False
        order = self._approved_order()
        order.action_start()
        order.action_activate()
        with self.assertRaisesRegex(UserError, "no email"):
            order.action_notify_customer()
        order.notification_channel = "phone"
        order.action_notify_customer()
        self.assertEqual(order.state, "notified")
        logged = self.env["mail.message"].search(
            [
                ("model", "=", order._name),
                ("res_id", "=", order.id),
                ("body", "ilike", "Phone Call"),
            ]
        )
        self.assertEqual(len(logged), 1)


@tagged("post_install", "-at_install")
class TestChangeOrderSecurity(CsChangeOrderCommon):
    """Who may read, write and delete change orders."""

    def test_plain_employee_no_access(self):
        """A plain employee can neither read nor create change orders."""
        order = self._create_order()
        with self.assertRaises(AccessError):
            order.with_user(self.employee).read(["name"])
        with self.assertRaises(AccessError):
            self.env["cs.change.order"].with_user(self.employee).search([])
        with self.assertRaises(AccessError):
            self._create_order(user=self.employee)

    def test_engineer_no_change_order(self):
        """The after-sales engineer does not see change orders."""
        order = self._create_order()
        with self.assertRaises(AccessError):
            order.with_user(self.engineer).read(["name"])

    def test_delete_rights(self):
        """Representatives cannot delete; supervisors delete drafts only."""
        order = self._create_order()
        with self.assertRaises(AccessError):
            order.unlink()
        verified = self._create_order()
        verified.action_verify()
        with self.assertRaises(UserError):
            verified.with_user(self.supervisor).unlink()
        order.with_user(self.supervisor).unlink()
        self.assertFalse(order.exists())

    def test_other_company_hidden(self):
        """Orders of another company are invisible to the representative."""
        other = self.env["res.company"].create({"name": "Other CS Company"})
        partner = self.env["res.partner"].create({"name": "Other customer"})
        foreign = self.env["cs.change.order"].create(
            {"partner_id": partner.id, "company_id": other.id}
        )
        Order = self.env["cs.change.order"].with_user(self.rep)
        self.assertNotIn(foreign, Order.search([]))
        with self.assertRaises(AccessError):
            foreign.with_user(self.rep).read(["name"])
