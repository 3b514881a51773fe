# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import defaultdict

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
    # cs.guard.mixin: a line is part of its work order and changes with its
    # draft only (the equipment of a scheduled order moves through its
    # transfers: cancel it and draft a new one to change it).
    _cs_parent_field = "work_order_id"
    _cs_state_field = "work_order_id.state"
    _cs_closed_states = ("done", "cancel")
    _cs_unlink_states = ("draft",)

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
        cs_draft=True,
        help="To the customer: installed equipment leaving the CS warehouse. Back "
        "from the customer: faulty or removed equipment returning to it.",
    )
    product_id = fields.Many2one(
        comodel_name="product.product",
        string="Equipment",
        required=True,
        check_company=True,
        domain=[("is_storable", "=", True)],
        cs_draft=True,
    )
    tracking = fields.Selection(related="product_id.tracking")
    quantity = fields.Float(
        default=1.0,
        required=True,
        digits="Product Unit of Measure",
        cs_draft=True,
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
        cs_draft=True,
    )
    reusable = fields.Boolean(
        cs_draft=True,
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

    @api.depends("work_order_id.name", "product_id")
    def _compute_display_name(self):
        for line in self:
            line.display_name = (
                f"{line.work_order_id.name}: {line.product_id.display_name}"
            )

    def _cs_guard_write(self, vals):
        result = super()._cs_guard_write(vals)
        # Editing a line is editing its work order (the mixin checks the
        # parent's write access on creating and deleting a child only).
        self._cs_parents().check_access("write")
        return result

    def _cs_check_ready(self):
        """Before scheduling: serials of tracked equipment are given, leaving
        serials are in the CS stock, and returning equipment, tracked or not,
        is at the customer's: no work order brings back more of a product than
        the customer's location holds, less what other transfers are already
        taking back from it."""
        Quant = self.env["stock.quant"].sudo()
        returns = defaultdict(lambda: [0.0, self.env["cs.work.order"]])
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
            if line.direction == "in":
                location = order.partner_id.sudo()._cs_equipment_location()
                key = (location, line.product_id, line.lot_id)
                returns[key][0] += line.quantity
                returns[key][1] |= order
                continue
            if not line.lot_id:
                continue
            location = order.company_id.sudo()._cs_service_warehouse().lot_stock_id
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
        for (location, product, lot), (quantity, orders) in returns.items():
            self._cs_check_return(location, product, lot, quantity, orders)

    @api.model
    def _cs_check_return(
        self, location, product, lot, quantity, orders, count_pending=True
    ):
        """Refuse bringing back ``quantity`` of ``product`` (``lot``) from the
        customer's ``location`` on ``orders`` when it holds less, counting out
        (with ``count_pending``) what pending transfers already take back."""
        held = (
            self.env["stock.quant"]
            .sudo()
            ._get_available_quantity(
                product, location, lot_id=lot or None, strict=bool(lot)
            )
        )
        pending = 0.0
        if count_pending:
            domain = [
                ("location_id", "=", location.id),
                ("product_id", "=", product.id),
                ("state", "not in", ("draft", "done", "cancel")),
            ]
            if lot:
                domain += [
                    "|",
                    ("cs_work_order_line_id.lot_id", "=", lot.id),
                    ("move_line_ids.lot_id", "=", lot.id),
                ]
            moves = self.env["stock.move"].sudo().search(domain)
            pending = sum(moves.mapped("product_qty"))
        rounding = product.uom_id.rounding
        if float_compare(held - pending, quantity, precision_rounding=rounding) >= 0:
            return
        if lot:
            raise UserError(
                self.env._(
                    "The serial number %(lot)s is not in %(location)s.",
                    lot=lot.name,
                    location=location.display_name,
                )
            )
        values = {
            "orders": ", ".join(orders.mapped("name")),
            "quantity": _qty(quantity),
            "unit": product.uom_id.name,
            "product": product.display_name,
            "location": location.display_name,
            "held": _qty(held),
            "pending": _qty(pending),
        }
        if pending:
            message = self.env._(
                "%(orders)s would bring back %(quantity)s %(unit)s of %(product)s "
                "from %(location)s, which holds %(held)s %(unit)s of it, "
                "%(pending)s %(unit)s of them already on their way back.",
                **values,
            )
        else:
            message = self.env._(
                "%(orders)s would bring back %(quantity)s %(unit)s of %(product)s "
                "from %(location)s, which holds %(held)s %(unit)s of it.",
                **values,
            )
        raise UserError(message)


def _qty(quantity):
    """A quantity as people write it: 300, 2.5."""
    return f"{quantity:g}"
