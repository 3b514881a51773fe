# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

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
