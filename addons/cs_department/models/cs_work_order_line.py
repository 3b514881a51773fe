# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

DIRECTIONS = [("out", "To the Customer"), ("in", "Back from the Customer")]


class CsWorkOrderLine(models.Model):
    _name = "cs.work.order.line"
    _description = "Work Order Equipment Line"
    _inherit = ["cs.guard.mixin"]
    _order = "work_order_id, direction desc, id"
    _check_company_auto = True

    work_order_id = fields.Many2one(
        comodel_name="cs.work.order",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="work_order_id.company_id",
        store=True,
    )
    direction = fields.Selection(
        selection=DIRECTIONS,
        required=True,
        default="out",
        help="To the customer: installed equipment leaving the CS warehouse. Back "
        "from the customer: faulty or removed equipment returning to it.",
    )
    product_id = fields.Many2one(
        comodel_name="product.product",
        string="Equipment",
        required=True,
        check_company=True,
        domain=[("is_storable", "=", True)],
    )
    tracking = fields.Selection(related="product_id.tracking")
    quantity = fields.Float(
        default=1.0,
        required=True,
        digits="Product Unit of Measure",
    )
    product_uom_id = fields.Many2one(
        related="product_id.uom_id",
        string="Unit",
    )
    lot_id = fields.Many2one(
        comodel_name="stock.lot",
        string="Serial Number",
        check_company=True,
        domain="[('product_id', '=', product_id)]",
    )
    reusable = fields.Boolean(
        help="Returned equipment in working order goes back to the CS stock; "
        "otherwise it goes to the faulty equipment location.",
    )
    move_ids = fields.One2many(
        comodel_name="stock.move",
        inverse_name="cs_work_order_line_id",
        string="Stock Moves",
        readonly=True,
    )

    _sql_constraints = [
        (
            "quantity_positive",
            "CHECK(quantity > 0)",
            "The quantity of equipment must be positive.",
        ),
    ]

    @api.constrains("product_id", "quantity", "lot_id")
    def _check_product(self):
        for line in self:
            if not line.product_id.is_storable:
                raise ValidationError(
                    self.env._(
                        "%(product)s is not a storable product: only equipment "
                        "kept in stock goes on a work order.",
                        product=line.product_id.display_name,
                    )
                )
            if line.lot_id and line.lot_id.product_id != line.product_id:
                raise ValidationError(
                    self.env._(
                        "The serial number %(lot)s is not one of %(product)s.",
                        lot=line.lot_id.name,
                        product=line.product_id.display_name,
                    )
                )
            if (
                line.product_id.tracking == "serial"
                and float_compare(
                    line.quantity,
                    1.0,
                    precision_rounding=line.product_id.uom_id.rounding,
                )
                != 0
            ):
                raise ValidationError(
                    self.env._(
                        "%(product)s is tracked by serial number: one line per "
                        "unit, with a quantity of 1.",
                        product=line.product_id.display_name,
                    )
                )

    # ---- lines change with their work order's draft only ----
    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        if not self.env.su:
            lines.work_order_id._cs_check_lines_editable()
        return lines

    def write(self, vals):
        if not self.env.su:
            self.work_order_id._cs_check_lines_editable()
            if "work_order_id" in vals:
                raise UserError(
                    self.env._("An equipment line stays on its work order.")
                )
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self.work_order_id._cs_check_lines_editable()
        return super().unlink()

    def _cs_check_ready(self):
        """Before scheduling: serials of tracked equipment are given, leaving
        ones are in the CS stock, returning ones at the customer's."""
        Quant = self.env["stock.quant"].sudo()
        for line in self:
            order = line.work_order_id
            if line.product_id.tracking != "none" and not line.lot_id:
                raise UserError(
                    self.env._(
                        "%(product)s on %(order)s is tracked: give its serial number.",
                        product=line.product_id.display_name,
                        order=order.name,
                    )
                )
            if not line.lot_id:
                continue
            if line.direction == "out":
                location = order.company_id.sudo()._cs_service_warehouse().lot_stock_id
            else:
                location = order.partner_id.sudo()._cs_equipment_location()
            available = Quant._get_available_quantity(
                line.product_id, location, lot_id=line.lot_id, strict=True
            )
            if (
                float_compare(
                    available,
                    line.quantity,
                    precision_rounding=line.product_uom_id.rounding,
                )
                < 0
            ):
                raise UserError(
                    self.env._(
                        "The serial number %(lot)s is not in %(location)s.",
                        lot=line.lot_id.name,
                        location=location.display_name,
                    )
                )
