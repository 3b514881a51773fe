# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from psycopg2 import IntegrityError

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from .common_change_order import CsChangeOrderCommon


@tagged("post_install", "-at_install")
class TestChangeOrderGuard(CsChangeOrderCommon):
    """No way around the workflow and the tier reviews, even over RPC."""

    def test_state_not_writable(self):
        """A representative cannot jump states or forge workflow dates."""
        order = self._create_order()
        for vals in (
            {"state": "activated"},
            {"activation_date": fields.Datetime.now()},
            {"approved_date": fields.Datetime.now()},
        ):
            with self.assertRaises(UserError):
                order.write(vals)
        # base_tier_validation's context key opens nothing here.
        with self.assertRaises(UserError):
            order.with_context(skip_validation_check=True).write({"state": "done"})
        with self.assertRaises(UserError):
            self._create_order(state="approved")
        order.action_verify()
        with self.assertRaises(UserError):
            order.write({"state": "approved"})
        self.assertEqual(order.state, "verified")
        # Validated (hence approved by the last validation), still no hand write.
        order.with_user(self.rep2).validate_tier()
        with self.assertRaises(UserError):
            order.write({"state": "in_progress"})
        self.assertEqual(order.state, "approved")

    def test_processed_order_frozen(self):
        """After verification only the free fields of an order can change."""
        order = self._approved_order()
        other = self.env["res.partner"].create({"name": "Other customer"})
        for vals in (
            {"requested_date": "2020-01-01 00:00:00"},
            {"partner_id": other.id},
            {"expedited": True},
        ):
            with self.assertRaises(UserError):
                order.with_context(skip_validation_check=True).write(vals)
        order.write({"note": "<p>Called twice</p>", "notification_channel": "phone"})
        self.assertEqual(order.notification_channel, "phone")

    def test_review_not_forgeable(self):
        """A requester can neither approve, re-assign nor invent his own reviews."""
        order = self._create_order()
        order.action_verify()
        review = order.review_ids.with_user(self.rep)
        with self.assertRaises(AccessError):
            review.write({"status": "approved"})
        with self.assertRaises(AccessError):
            review.write({"requested_by": self.rep2.id})
        with self.assertRaises(AccessError):
            review.with_user(self.rep2).write(
                {"status": "approved", "done_by": self.rep.id}
            )
        with self.assertRaises(AccessError):
            self.env["tier.review"].with_user(self.rep).create(
                {
                    "model": order._name,
                    "res_id": order.id,
                    "definition_id": review.definition_id.id,
                    "status": "approved",
                }
            )
        # Nor can a review be set aside by hand.
        with self.assertRaises(AccessError):
            review.write({"status": "cancel"})
        self.assertEqual(review.status, "pending")
        with self.assertRaises(UserError):
            order.action_approve()
        self.assertEqual(order.state, "verified")

    def test_forged_review_on_draft_refused(self):
        """Reviews invented before the verification cannot approve an order."""
        order = self._create_order()
        definition = self.env.ref(
            "cs_department.tier_definition_cs_change_order_representative"
        )
        with self.assertRaises(AccessError):
            self.env["tier.review"].with_user(self.rep).create(
                {
                    "model": order._name,
                    "res_id": order.id,
                    "definition_id": definition.id,
                    "status": "approved",
                    "requested_by": self.rep2.id,
                }
            )
        self.assertFalse(order.review_ids)

    def test_line_cannot_move_into_processed_order(self):
        """A change cannot be slipped into an order that is past its draft."""
        verified = self._create_order()
        verified.action_verify()
        draft = self._create_order(
            lines=[{"change_type": "add_password", "service_line_id": self.ip_line.id}]
        )
        with self.assertRaises(UserError):
            draft.line_ids.write({"order_id": verified.id})
        self.assertEqual(len(verified.line_ids), 1)
        with self.assertRaises(UserError):
            verified.line_ids.with_context(cs_change_order_apply=True).write(
                {"new_permission_level": "local"}
            )

    def test_activation_applies_nothing_when_refused(self):
        """A refused activation leaves every service line as it was."""
        order = self._approved_order(
            lines=[
                {
                    "change_type": "change_permission",
                    "service_line_id": self.ld_line.id,
                    "new_permission_level": "local",
                },
                {"change_type": "add_password", "service_line_id": self.ip_line.id},
            ]
        )
        order.action_start()
        self.ip_line.state = "closed"
        # No assertRaises (it rolls back to a savepoint): the method itself
        # must check everything before it writes anything.
        try:
            order.action_activate()
            refused = False
        except UserError:
            refused = True
        self.assertTrue(refused, "Activation on a closed line must be refused.")
        self.assertEqual(self.ld_line.permission_level, "national")
        self.assertFalse(self.ip_line.password_set)
        self.assertEqual(order.state, "in_progress")

    def _other_customer(self):
        other = self.env["res.partner"].create({"name": "Beta Logistics"})
        other_line = self.ServiceLine.create(
            {"name": "021-5000-7007", "partner_id": other.id, "service_type": "ip"}
        )
        return other, other_line

    def test_customer_switch_keeps_no_foreign_line(self):
        """A draft switched to another customer cannot keep changes on the
        first customer's lines, whether by the customer or by the ticket."""
        order = self._create_order()
        other, other_line = self._other_customer()
        other_ticket = self.env["helpdesk.ticket"].create(
            {"name": "Beta calls", "description": "<p>.</p>", "partner_id": other.id}
        )
        for vals in ({"partner_id": other.id}, {"ticket_id": other_ticket.id}):
            with self.assertRaises(ValidationError) as refusal:
                order.write(vals)
            self.assertIn("does not belong", str(refusal.exception))
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(order.line_ids.service_line_id, self.ld_line)
        # Switching together with the changes is the way to do it.
        order.write(
            {
                "partner_id": other.id,
                "line_ids": [
                    Command.clear(),
                    Command.create(
                        {
                            "change_type": "add_password",
                            "service_line_id": other_line.id,
                        }
                    ),
                ],
            }
        )
        self.assertEqual(order.line_ids.service_line_id, other_line)

    def test_activation_refuses_foreign_line(self):
        """Lines left on another customer's service line (data from before the
        check) stop the activation: nothing is applied to either customer."""
        order = self._approved_order()
        order.action_start()
        _other, other_line = self._other_customer()
        self.env.cr.execute(
            SQL(
                "UPDATE cs_change_order_line SET service_line_id = %s WHERE id IN %s",
                other_line.id,
                tuple(order.line_ids.ids),
            )
        )
        order.line_ids.invalidate_recordset(["service_line_id"])
        try:
            order.action_activate()
            refused = False
        except ValidationError:
            refused = True
        self.assertTrue(refused, "Activation on another customer's line is refused.")
        self.assertEqual(other_line.permission_level, "national")
        self.assertEqual(self.ld_line.permission_level, "national")
        self.assertEqual(order.state, "in_progress")

    def _orders_adding(self, number, count=2):
        orders = self.env["cs.change.order"]
        for _i in range(count):
            orders |= self._approved_order(
                lines=[
                    {
                        "change_type": "add_line",
                        "service_type": "ip",
                        "new_value": number,
                    }
                ]
            )
        orders.action_start()
        return orders

    def test_two_orders_same_number(self):
        """Two orders adding one number, activated together or one after the
        other, open one line only, with a clear error for the second."""
        orders = self._orders_adding("010-6000-5005")
        # No assertRaises (it rolls back to a savepoint): the refusal itself
        # leaves nothing behind and the transaction usable.
        try:
            orders.action_activate()
            refusal = None
        except ValidationError as error:
            refusal = error
        self.assertIn("010-6000-5005 is already used", str(refusal))
        self.assertFalse(self.ServiceLine.search([("name", "=", "010-6000-5005")]))
        self.assertEqual(set(orders.mapped("state")), {"in_progress"})
        orders[0].action_activate()
        with self.assertRaises(ValidationError) as refusal:
            orders[1].action_activate()
        self.assertIn("010-6000-5005 is already used", str(refusal.exception))
        self.assertEqual(
            self.ServiceLine.search_count([("name", "=", "010-6000-5005")]), 1
        )
        self.assertEqual(orders[1].state, "in_progress")

    def _insert_line(self, number, state="active"):
        """Insert a service line in SQL, as a concurrent transaction would."""
        self.env.cr.execute(
            SQL(
                "INSERT INTO cs_service_line (name, partner_id, service_type, "
                "permission_level, state, company_id) "
                "VALUES (%s, %s, 'ip', 'national', %s, %s)",
                number,
                self.customer.id,
                state,
                self.company.id,
            )
        )

    def test_open_number_unique_in_database(self):
        """The database itself refuses a second open line with one number; the
        ORM turns that into a clear error, and a closed number is reusable."""
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            self._insert_line("010-6000-1001")
        self._insert_line("010-6000-1001", state="closed")
        # Committed by a concurrent activation, unseen by this one's checks.
        order = self._orders_adding("010-6000-6006", count=1)
        self._insert_line("010-6000-6006")
        with self.assertRaises(ValidationError) as refusal:
            order.action_activate()
        self.assertIn("010-6000-6006 is already used", str(refusal.exception))
        self.assertEqual(order.state, "in_progress")
        # Reopening a closed line whose number is open again is refused too.
        closed = self.ServiceLine.search(
            [("name", "=", "010-6000-1001"), ("state", "=", "closed")]
        )
        with self.assertRaises(ValidationError) as refusal:
            closed.with_user(self.supervisor).write({"state": "active"})
        self.assertIn("010-6000-1001 is already used", str(refusal.exception))
        self.assertEqual(closed.state, "closed")
