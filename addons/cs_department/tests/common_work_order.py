# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.tests import new_test_user

from .common import CsDepartmentCommon


class CsWorkOrderCommon(CsDepartmentCommon):
    """Equipment in the CS warehouse, a stock user, a ticket of the team."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stock_user = new_test_user(
            cls.env, login="cs_t_stock", groups="stock.group_stock_user"
        )
        cls.warehouse = cls.company.sudo()._cs_service_warehouse()
        cls.stock = cls.warehouse.lot_stock_id
        cls.faulty = cls.warehouse.cs_faulty_location_id
        Product = cls.env["product.product"]
        cls.modem = Product.create(
            {
                "name": "Test Modem",
                "is_storable": True,
                "standard_price": 100.0,
            }
        )
        cls.router = Product.create(
            {
                "name": "Test Router",
                "is_storable": True,
                "tracking": "serial",
                "standard_price": 400.0,
            }
        )
        cls.cable = Product.create(
            {"name": "Test Cable", "is_storable": True, "standard_price": 2.0}
        )
        cls.lot1, cls.lot2, cls.lot3 = cls.env["stock.lot"].create(
            [
                {"name": f"T-RT-{index}", "product_id": cls.router.id}
                for index in (1, 2, 3)
            ]
        )
        # Stock arrives through a receipt validated by a stock user.
        cls.env["cs.department.demo"].with_user(cls.stock_user)._receive_stock(
            [
                (cls.modem.id, 10, False),
                (cls.cable.id, 50, False),
                (cls.router.id, 1, cls.lot1.id),
                (cls.router.id, 1, cls.lot2.id),
            ]
        )
        cls.ticket = cls._create_ticket("complaint")

    # ---- helpers ----
    def _qty(self, product, location, lot=None):
        """On-hand quantity of ``product`` in ``location`` from stock.quant."""
        quants = self.env["stock.quant"].search(
            [
                ("product_id", "=", product.id),
                ("location_id", "=", location.id),
                ("lot_id", "=", lot.id if lot else False)
                if lot is not None
                else ("id", "!=", 0),
            ]
        )
        return sum(quants.mapped("quantity"))

    def _available(self, product, location, lot=None):
        return self.env["stock.quant"]._get_available_quantity(
            product, location, lot_id=lot, strict=bool(lot)
        )

    def _customer_location(self, partner=None):
        return (partner or self.customer).sudo()._cs_equipment_location()

    def _draft(self, lines, user=None, **vals):
        """A draft work order on the test ticket, created by ``user`` (the
        representative by default) from the ticket."""
        user = user or self.representative
        values = {
            "partner_id": self.customer.id,
            "kind": "installation",
            "line_ids": [Command.create(line) for line in lines],
        }
        values.update(vals)
        return (
            self.env["cs.work.order"]
            .with_user(user)
            .with_context(default_ticket_id=self.ticket.id)
            .create(values)
        )

    def _schedule(self, order, when="2026-03-12 02:00:00"):
        order = order.with_user(self.supervisor)
        order.write(
            {
                "engineer_id": self.engineer.id,
                "scheduled_date": when,
                "duration": 2.0,
            }
        )
        order.action_schedule()
        return order

    def _validate(self, pickings):
        """A stock user validates the transfers as proposed."""
        pickings = pickings.with_user(self.stock_user)
        for move in pickings.move_ids:
            move.quantity = move.product_uom_qty
        pickings.move_ids.picked = True
        result = pickings.button_validate()
        self.assertIs(result, True)
        self.assertEqual(set(pickings.mapped("state")), {"done"})
