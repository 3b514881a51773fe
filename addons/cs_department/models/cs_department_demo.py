# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models


class CsDepartmentDemo(models.AbstractModel):
    """Loaders of the demo data (and of the tests' fixtures), kept out of the
    business models: the demo's ``<function>`` calls land here."""

    _name = "cs.department.demo"
    _description = "Customer Service Demo Data Loaders"

    @api.model
    def _validate_work_order_pickings(self, order_ids):
        """Validate the transfers of the work orders ``order_ids`` as planned
        (quantities and serials of the equipment lines)."""
        orders = self.env["cs.work.order"].browse(order_ids)
        pickings = orders.picking_ids.filtered(
            lambda p: p.state not in ("done", "cancel")
        )
        for move in pickings.move_ids:
            move.quantity = move.product_uom_qty
        pickings.move_ids._cs_apply_serials()
        pickings.move_ids.picked = True
        return pickings.button_validate()

    @api.model
    def _receive_stock(self, receipts):
        """Receive ``[(product_id, quantity, lot_id or False)]`` from the
        vendors into the CS warehouse through one validated receipt."""
        warehouse = self.env.company.sudo()._cs_service_warehouse()
        vendors = self.env.ref("stock.stock_location_suppliers")
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": warehouse.in_type_id.id,
                "location_id": vendors.id,
                "location_dest_id": warehouse.lot_stock_id.id,
            }
        )
        by_product = {}
        for product_id, quantity, lot_id in receipts:
            by_product.setdefault(product_id, []).append((quantity, lot_id))
        for product_id, units in by_product.items():
            product = self.env["product.product"].browse(product_id)
            self.env["stock.move"].create(
                {
                    "name": product.display_name,
                    "picking_id": picking.id,
                    "product_id": product.id,
                    "product_uom_qty": sum(quantity for quantity, _lot in units),
                    "product_uom": product.uom_id.id,
                    "location_id": vendors.id,
                    "location_dest_id": warehouse.lot_stock_id.id,
                    "move_line_ids": [
                        fields.Command.create(
                            {
                                "product_id": product.id,
                                "product_uom_id": product.uom_id.id,
                                "location_id": vendors.id,
                                "location_dest_id": warehouse.lot_stock_id.id,
                                "picking_id": picking.id,
                                "quantity": quantity,
                                "lot_id": lot_id,
                            }
                        )
                        for quantity, lot_id in units
                    ],
                }
            )
        picking.move_ids.picked = True
        picking.button_validate()
        return picking
