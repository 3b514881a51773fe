# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from contextlib import contextmanager
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError
from odoo.modules.registry import Registry
from odoo.tests import tagged

from .common_work_order import CsWorkOrderCommon


@tagged("post_install", "-at_install")
class TestWorkOrderTransfers(CsWorkOrderCommon):
    """The work order validates its own transfers, with no SMS prompt."""

    def setUp(self):
        super().setUp()
        self.customer.phone = "+86 10 5555 0101"
        # The router lot1 and a modem are installed at the customer's.
        install = self._draft(
            [
                {"product_id": self.router.id, "lot_id": self.lot1.id},
                {"product_id": self.modem.id},
            ]
        )
        self._schedule(install)
        self.assertIs(
            install.with_user(self.supervisor).action_validate_transfers(), True
        )
        # The repair swaps them: one delivery, two receipts.
        self.repair = self._draft(
            [
                {
                    "direction": "in",
                    "product_id": self.router.id,
                    "lot_id": self.lot1.id,
                },
                {"direction": "in", "product_id": self.modem.id, "reusable": True},
                {"product_id": self.router.id, "lot_id": self.lot2.id},
                {"product_id": self.cable.id, "quantity": 3},
            ],
            kind="repair",
        )
        self._schedule(self.repair)

    @contextmanager
    def _sms_prompting(self):
        """stock_sms as outside the tests: it prompts before validating a
        delivery to a customer with a phone (it stays quiet in test mode)."""
        if "stock_move_sms_validation" not in self.env["res.company"]._fields:
            self.skipTest("stock_sms is not installed")
        self.company.sudo().write(
            {"stock_move_sms_validation": True, "has_received_warning_stock_sms": False}
        )
        module = "odoo.addons.stock_sms.models.stock_picking.threading"
        with (
            patch(module) as threading,
            patch.object(Registry, "in_test_mode", return_value=False),
        ):
            threading.current_thread.return_value.testing = False
            yield

    def test_engineer_validates_without_sms_prompt(self):
        """The engineer's Validate Transfers moves all as planned, no SMS wizard."""
        pickings = self.repair.sudo().picking_ids
        self.assertEqual(len(pickings), 3)
        self.assertEqual(self.repair.picking_pending_count, 3)
        order = self.repair.with_user(self.engineer)
        order.action_start()
        with self._sms_prompting():
            result = order.action_validate_transfers()
        self.assertIs(result, True)
        self.assertEqual(set(pickings.mapped("state")), {"done"})
        self.assertFalse(self.env["confirm.stock.sms"].search([]))
        self.assertEqual(self.repair.picking_pending_count, 0)
        customer_location = self._customer_location()
        self.assertEqual(self._qty(self.router, customer_location, self.lot2), 1)
        self.assertEqual(self._qty(self.router, customer_location, self.lot1), 0)
        self.assertEqual(self._qty(self.router, self.faulty, self.lot1), 1)
        self.assertEqual(self._qty(self.cable, customer_location), 3)
        self.assertEqual(self._qty(self.modem, customer_location), 0)
        # Nothing left: the button is gone, and a second click is refused.
        with self.assertRaisesRegex(UserError, "left to validate"):
            order.action_validate_transfers()
        order.action_done()
        self.assertEqual(self.repair.state, "done")

    def test_other_deliveries_still_prompt(self):
        """A delivery of no work order still gets stock_sms's prompt (the
        check above is not vacuous)."""
        delivery = self.env["stock.picking"].create(
            {
                "picking_type_id": self.warehouse.out_type_id.id,
                "location_id": self.stock.id,
                "location_dest_id": self._customer_location().id,
                "partner_id": self.customer.id,
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "Cable",
                            "product_id": self.cable.id,
                            "product_uom_qty": 1,
                            "product_uom": self.cable.uom_id.id,
                            "location_id": self.stock.id,
                            "location_dest_id": self._customer_location().id,
                        },
                    )
                ],
            }
        )
        delivery.action_confirm()
        delivery.move_ids.quantity = 1
        delivery.move_ids.picked = True
        with self._sms_prompting():
            result = delivery.with_user(self.stock_user).button_validate()
        self.assertIsInstance(result, dict)
        self.assertEqual(result.get("res_model"), "confirm.stock.sms")
        self.assertNotEqual(delivery.state, "done")
        # The work order's own delivery, validated from the Inventory form.
        out = self.repair.sudo().picking_ids.filtered(
            lambda p: p.picking_type_id == self.warehouse.out_type_id
        )
        for move in out.move_ids:
            move.quantity = move.product_uom_qty
        out.move_ids._cs_apply_serials()
        out.move_ids.picked = True
        with self._sms_prompting():
            result = out.with_user(self.engineer).button_validate()
        self.assertIs(result, True)
        self.assertEqual(out.state, "done")

    def test_representative_and_other_engineer_cannot(self):
        """A representative (no stock user) and another engineer are refused."""
        with self.assertRaises(AccessError):
            self.repair.with_user(self.representative).action_validate_transfers()
        with self.assertRaises(AccessError):
            self.repair.with_user(self.engineer_other).action_validate_transfers()
        self.assertNotIn("done", self.repair.sudo().picking_ids.mapped("state"))

    def test_state_checked(self):
        """Drafts and cancelled work orders have no transfer to validate."""
        draft = self._draft([{"product_id": self.cable.id}])
        with self.assertRaisesRegex(UserError, "Validating the transfers"):
            draft.with_user(self.supervisor).action_validate_transfers()
        self.repair.with_user(self.supervisor).action_cancel()
        with self.assertRaisesRegex(UserError, "Validating the transfers"):
            self.repair.with_user(self.supervisor).action_validate_transfers()

    def test_form_shows_transfers_and_button(self):
        """The engineer's form has the transfers' list with their state and the
        Validate Transfers button."""
        views = (
            self.env["cs.work.order"]
            .with_user(self.engineer)
            .get_views([(False, "form")])
        )
        arch = views["views"]["form"]["arch"]
        self.assertIn('name="action_validate_transfers"', arch)
        self.assertIn('name="picking_ids"', arch)
        picking_fields = views["models"]["stock.picking"]["fields"]
        self.assertIn("state", picking_fields)
        # A representative sees neither.
        arch = (
            self.env["cs.work.order"]
            .with_user(self.representative)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertNotIn("action_validate_transfers", arch)
        self.assertNotIn('name="picking_ids"', arch)
