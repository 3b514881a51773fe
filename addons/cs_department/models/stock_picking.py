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
