# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The front office's records on cs.guard.mixin: the paths its declarations
cover that the former create/write overrides did not (context defaults, a
change moved between orders, related figures of a change)."""

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import CsDepartmentCommon
from .common_change_order import CsChangeOrderCommon
from .common_traffic import TODAY, CsTrafficCommon


@tagged("post_install", "-at_install")
class TestGuardChangeOrder(CsChangeOrderCommon):
    """A change order starts as a draft and its changes stay in their order."""

    def _order_count(self):
        return self.env["cs.change.order"].search_count([])

    def test_default_state_context_refused(self):
        """The context's default_* keys cannot create an order past its draft."""
        count = self._order_count()
        for key, value in (
            ("default_state", "approved"),
            ("default_state", "done"),
            ("default_verified_by_id", self.rep2.id),
            ("default_activation_date", fields.Datetime.now()),
            ("default_correction_count", -3),
        ):
            with (
                self.subTest(key=key, value=value),
                self.assertRaises(AccessError),
            ):
                self.env["cs.change.order"].with_user(self.rep).with_context(
                    **{key: value}
                ).create({"partner_id": self.customer.id})
        self.assertEqual(self._order_count(), count)
        # The model's own default is no forgery.
        order = (
            self.env["cs.change.order"]
            .with_user(self.rep)
            .with_context(default_state="draft")
            .create({"partner_id": self.customer.id})
        )
        self.assertEqual(order.state, "draft")

    def test_draft_order_figures_not_written(self):
        """Even on a draft, the lead time and the workflow fields are no input."""
        order = self._create_order()
        for vals in (
            {"lead_time": 0.5},
            {"late": True},
            {"correction_count": 0},
            {"verified_by_id": self.rep2.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                order.write(vals)
        self.assertRecordValues(
            order,
            [{"lead_time": 0.0, "correction_count": 0, "verified_by_id": False}],
        )

    def _draft_and_approved(self):
        approved = self._approved_order()
        draft = self._create_order(
            lines=[{"change_type": "add_password", "service_line_id": self.ip_line.id}]
        )
        return draft, approved

    def test_line_not_moved_onto_processed_order(self):
        """A draft's change is neither moved nor linked into an approved order."""
        draft, approved = self._draft_and_approved()
        line, approved_line = draft.line_ids, approved.line_ids
        with self.assertRaises(UserError):
            line.write({"order_id": approved.id})
        with self.assertRaises(UserError):
            approved.write({"line_ids": [Command.link(line.id)]})
        with self.assertRaises(UserError):
            approved.write({"line_ids": [Command.set((approved_line | line).ids)]})
        self.assertEqual(line.order_id, draft)
        self.assertEqual(approved.line_ids, approved_line)
        self.assertEqual(approved.state, "approved")

    def test_line_not_taken_out_of_processed_order(self):
        """An approved order's change is neither moved nor linked into a draft."""
        draft, approved = self._draft_and_approved()
        line, approved_line = draft.line_ids, approved.line_ids
        with self.assertRaises(UserError):
            approved_line.write({"order_id": draft.id})
        with self.assertRaises(UserError):
            draft.write({"line_ids": [Command.link(approved_line.id)]})
        self.assertEqual(approved_line.order_id, approved)
        self.assertEqual(draft.line_ids, line)

    def test_line_not_added_to_nor_removed_from_processed_order(self):
        """A change is neither created in nor deleted from an approved order;
        those of a cancelled one may be removed."""
        draft, approved = self._draft_and_approved()
        Line = self.env["cs.change.order.line"].with_user(self.rep)
        with self.assertRaises(UserError):
            Line.create(
                {
                    "order_id": approved.id,
                    "change_type": "add_password",
                    "service_line_id": self.ip_line.id,
                }
            )
        with self.assertRaises(UserError):
            approved.line_ids.with_user(self.rep).unlink()
        self.assertEqual(len(approved.line_ids), 1)
        draft.action_cancel(reason="Duplicate")
        draft.line_ids.with_user(self.rep).unlink()
        self.assertFalse(draft.line_ids)

    def test_line_related_figures_not_written(self):
        """A change's related order figures do not write through to its order."""
        order = self._create_order()
        line = order.line_ids
        for vals in (
            {"state": "done"},
            {"lead_time": 1.0},
            {"partner_id": self.env["res.partner"].create({"name": "Other"}).id},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                line.write(vals)
        # Nor a default_* key of a change created on a draft.
        order.with_context(default_state="done").write(
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
        self.assertRecordValues(
            order, [{"state": "draft", "partner_id": self.customer.id}]
        )
        self.assertEqual(set(order.line_ids.mapped("state")), {"draft"})


@tagged("post_install", "-at_install")
class TestGuardFrontOffice(CsDepartmentCommon):
    """Escalations, visits, tickets and customers through client defaults."""

    def _escalate(self, ticket):
        return (
            self.env["cs.ticket.escalate"]
            .with_user(self.representative)
            .create(
                {
                    "ticket_id": ticket.id,
                    "engineer_id": self.engineer.id,
                    "reason": "Line test needed",
                }
            )
            .action_escalate()
        )

    def test_escalation_not_created_through_defaults(self):
        """No role logs an escalation by the context's default_* keys."""
        ticket = self._create_ticket("complaint")
        Escalation = self.env["cs.ticket.escalation"]
        defaults = {
            "default_ticket_id": ticket.id,
            "default_to_user_id": self.engineer.id,
            "default_reason": "Forged by defaults",
            "default_returned_date": fields.Datetime.now(),
        }
        for user in (self.representative, self.manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                Escalation.with_user(user).with_context(**defaults).create({})
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                Escalation.with_user(user).with_context(
                    default_from_user_id=self.colleague.id
                ).create(
                    {
                        "ticket_id": ticket.id,
                        "to_user_id": self.engineer.id,
                        "reason": "Forged",
                    }
                )
        self.assertFalse(Escalation.search([("ticket_id", "=", ticket.id)]))
        self.assertFalse(ticket.cs_escalated)

    def test_escalation_steps_not_written(self):
        """The engineer does not close his escalation nor drop his to-do."""
        ticket = self._create_ticket("complaint")
        escalation = self._escalate(ticket)
        activity = escalation.activity_id
        for vals in (
            {"closed_with_ticket": True},
            {"activity_id": False},
            {"resolution": "Done"},
            {"date": fields.Datetime.now()},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                escalation.with_user(self.engineer).write(vals)
        self.assertRecordValues(
            escalation,
            [
                {
                    "state": "open",
                    "closed_with_ticket": False,
                    "activity_id": activity.id,
                    "resolution": False,
                }
            ],
        )

    def test_visit_author_not_set_through_defaults(self):
        """An engineer records his own visits only, whatever the defaults."""
        ticket = self._create_ticket("complaint", partner=self.key_customer)
        self._escalate(ticket)
        Visit = self.env["cs.ticket.visit"].with_user(self.engineer)
        vals = {"ticket_id": ticket.id, "outcome": "Replaced the modem"}
        with self.assertRaises(AccessError):
            Visit.with_context(default_user_id=self.engineer_other.id).create(vals)
        with self.assertRaises(AccessError):
            Visit.create(dict(vals, user_id=self.manager.id))
        self.assertFalse(ticket.cs_visit_ids)
        visit = Visit.create(dict(vals, user_id=self.engineer.id))
        self.assertEqual(visit.user_id, self.engineer)

    def test_closing_date_not_written(self):
        """Clearing a closed complaint's closing date does not unlock its kind."""
        ticket = self._create_ticket("complaint").with_user(self.representative)
        ticket.stage_id = self.stage_done
        closed_date = ticket.closed_date
        self.assertTrue(closed_date)
        for user in (self.representative, self.manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                ticket.with_user(user).write({"closed_date": False})
        with self.assertRaises(UserError):
            ticket.write({"cs_request_kind": "consultation"})
        self.assertRecordValues(
            ticket,
            [{"closed_date": closed_date, "cs_request_kind": "complaint"}],
        )

    def test_traffic_segment_not_set_through_defaults(self):
        """A new customer gets no traffic segment from the context's defaults."""
        contact_creation = self.env.ref("base.group_partner_manager")
        self.supervisor.groups_id += contact_creation
        Partner = self.env["res.partner"].with_user(self.supervisor)
        for key, value in (
            ("default_cs_traffic_segment", "large"),
            ("default_cs_traffic_avg_volume", 99999.0),
        ):
            with self.subTest(key=key), self.assertRaises(AccessError):
                Partner.with_context(**{key: value}).create({"name": "CS Forged"})
        self.assertFalse(
            self.env["res.partner"].search_count([("name", "=", "CS Forged")])
        )
        partner = Partner.create({"name": "CS Plain"})
        self.assertFalse(partner.sudo().cs_traffic_segment)


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestGuardTrafficSource(CsTrafficCommon):
    """Where a traffic record comes from is not the client's to say."""

    def test_source_not_forged_on_create(self):
        """A supervisor's record is manual, an imported one "import", whatever
        the values or the defaults say."""
        Record = self.Record.with_user(self.supervisor)
        vals = {"service_line_id": self.line_ip.id, "period_start": "2026-06-01"}
        with self.assertRaises(AccessError):
            Record.create(dict(vals, source="api"))
        with self.assertRaises(AccessError):
            Record.with_context(default_source="api").create(vals)
        with self.assertRaises(AccessError):
            Record.with_context(import_file=True).create(dict(vals, source="manual"))
        self.assertFalse(self.Record.search([]))
        record = Record.with_context(import_file=True).create(vals)
        self.assertEqual(record.source, "import")
        other = Record.create(dict(vals, period_start="2026-05-01"))
        self.assertEqual(other.source, "manual")
