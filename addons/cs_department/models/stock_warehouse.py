# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    cs_is_service_warehouse = fields.Boolean(
        string="Customer Service Warehouse",
        readonly=True,
        copy=False,
        help="The warehouse the customer-service work orders deliver from and "
        "return to.",
    )
    cs_faulty_location_id = fields.Many2one(
        comodel_name="stock.location",
        string="Faulty Equipment Location",
        readonly=True,
        copy=False,
        check_company=True,
        help="Returned equipment not reusable is received here, outside the "
        "stock that deliveries reserve from.",
    )
