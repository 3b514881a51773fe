# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

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
        order.with_user(self.rep2).validate_tier()
        with self.assertRaises(UserError):
            order.write({"state": "approved"})
        self.assertEqual(order.state, "verified")

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
