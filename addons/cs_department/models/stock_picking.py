# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    cs_work_order_id = fields.Many2one(
        comodel_name="cs.work.order",
        string="Work Order",
        index="btree_not_null",
        readonly=True,
        copy=False,
        ondelete="restrict",
    )

    def button_validate(self):
        # A work order's transfers move the equipment of a visit the customer
        # attends: no "confirm this delivery by SMS" prompt nor SMS (stock_sms,
        # when installed, skips both on `skip_sms`), whatever the module order.
        pickings = self
        if self and all(picking.cs_work_order_id for picking in self):
            pickings = self.with_context(skip_sms=True)
        return super(StockPicking, pickings).button_validate()
