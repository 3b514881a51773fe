# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import defaultdict

from odoo import fields, models


class StockMove(models.Model):
    _inherit = "stock.move"

    cs_work_order_line_id = fields.Many2one(
        comodel_name="cs.work.order.line",
        string="Work Order Equipment",
        index="btree_not_null",
        readonly=True,
        copy=False,
        ondelete="set null",
    )

    def _cs_apply_serials(self):
        """Put the serial number of each move's equipment line on its move
        line: the serial planned on the work order is the one that moves."""
        for move in self.filtered(
            lambda m: (
                m.cs_work_order_line_id.lot_id and m.state not in ("done", "cancel")
            )
        ):
            lot = move.cs_work_order_line_id.lot_id
            if not move.move_line_ids and move._should_bypass_reservation():
                move.move_line_ids = [
                    fields.Command.create(
                        move._prepare_move_line_vals(quantity=move.product_uom_qty)
                    )
                ]
            wrong = move.move_line_ids.filtered(lambda ml, lot=lot: ml.lot_id != lot)
            if wrong:
                wrong.lot_id = lot

    def _action_done(self, cancel_backorder=False):
        self._cs_check_returns()
        return super()._action_done(cancel_backorder=cancel_backorder)

    def _cs_check_returns(self):
        """Equipment coming back on a work order is the customer's: a receipt
        is not validated with more of a product than the customer's location
        holds (its quantities may have been raised since the scheduling)."""
        totals = defaultdict(lambda: [0.0, self.env["cs.work.order"]])
        # as superuser: the stock user validating reads no work order
        returns = self.sudo().filtered(
            lambda move: (
                move.cs_work_order_line_id.direction == "in"
                and move.state not in ("done", "cancel")
            )
        )
        for move in returns:
            for line in move.move_line_ids.filtered("picked"):
                key = (line.location_id, move.product_id, line.lot_id)
                totals[key][0] += line.quantity_product_uom
                totals[key][1] |= move.cs_work_order_line_id.work_order_id
        Line = self.env["cs.work.order.line"].sudo()
        for (location, product, lot), (quantity, orders) in totals.items():
            Line._cs_check_return(
                location, product, lot, quantity, orders, count_pending=False
            )
