# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class CsWorkOrder(models.Model):
    """What the customer sees of a visit in the portal, and his sign-off."""

    _inherit = "cs.work.order"

    signoff_ids = fields.One2many(
        comodel_name="cs.work.order.signoff",
        inverse_name="work_order_id",
        string="Customer Sign-off",
        readonly=True,
    )
    engineer_name = fields.Char(
        related="engineer_id.name",
        string="Engineer's Name",
        help="Shown to the customer in the portal.",
    )


class CsWorkOrderLine(models.Model):
    _inherit = "cs.work.order.line"

    # Shown to the customer in the portal, who reads no product nor lot.
    product_name = fields.Char(
        related="product_id.display_name",
        string="Equipment Name",
        help="The equipment, as the customer reads it in the portal.",
    )
    lot_name = fields.Char(
        related="lot_id.name",
        string="Serial Number Text",
        help="The serial number, as the customer reads it in the portal.",
    )
