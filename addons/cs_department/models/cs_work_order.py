# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.cs_kpi.tools import validate

ENGINEER_GROUP = "cs_department.cs_department_group_engineer"
SUPERVISOR_GROUP = "cs_department.cs_department_group_supervisor"
WORK_ORDER_KINDS = [
    ("installation", "Installation"),
    ("repair", "Repair"),
    ("maintenance", "Maintenance"),
]
WORK_ORDER_STATES = [
    ("draft", "Draft"),
    ("scheduled", "Scheduled"),
    ("in_progress", "In Progress"),
    ("done", "Done"),
    ("cancel", "Cancelled"),
]


class CsWorkOrder(models.Model):
    _name = "cs.work.order"
    _description = "Equipment Work Order"
    _inherit = ["mail.thread", "mail.activity.mixin", "cs.guard.mixin"]
    _order = "scheduled_date desc, id desc"
    _check_company_auto = True
    # cs.guard.mixin: the state, done date, warehouse and transfers are the
    # steps'; the planning (engineer, date, duration) is the supervisor's, and
    # with the customer's rating it feeds the engineer's on-time and quality
    # figures, which he never sets himself; the customer and the equipment
    # change while in draft; a done or cancelled work order keeps everything
    # but its notes and rating; only drafts are deleted.
    _cs_appraised_fields = ("engineer_id",)
    _cs_closed_states = ("done", "cancel")
    _cs_closed_free_fields = ("notes", "quality_rating")
    _cs_unlink_states = ("draft",)

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        default="/",
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        cs_draft=True,
    )
    service_line_id = fields.Many2one(
        comodel_name="cs.service.line",
        index=True,
        tracking=True,
        check_company=True,
        domain="[('partner_id', 'child_of', partner_id)]",
    )
    ticket_id = fields.Many2one(
        comodel_name="helpdesk.ticket",
        index=True,
        ondelete="set null",
        tracking=True,
        check_company=True,
    )
    team_id = fields.Many2one(
        related="ticket_id.team_id",
        string="Team",
        store=True,
    )
    kind = fields.Selection(
        selection=WORK_ORDER_KINDS,
        required=True,
        default="installation",
        tracking=True,
    )
    engineer_id = fields.Many2one(
        comodel_name="res.users",
        index=True,
        tracking=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref(ENGINEER_GROUP).ids),
            ("share", "=", False),
        ],
        cs_input=True,
        cs_write_groups=SUPERVISOR_GROUP,
    )
    scheduled_date = fields.Datetime(
        tracking=True, cs_input=True, cs_write_groups=SUPERVISOR_GROUP
    )
    duration = fields.Float(
        string="Duration (Hours)",
        default=2.0,
        tracking=True,
        cs_input=True,
        cs_write_groups=SUPERVISOR_GROUP,
    )
    date_deadline = fields.Datetime(
        string="Scheduled End",
        compute="_compute_date_deadline",
        store=True,
        help="Scheduled date plus duration: a work order done by then is on time.",
    )
    done_date = fields.Datetime(
        string="Done On", readonly=True, copy=False, cs_step=True
    )
    done_on_time = fields.Boolean(
        string="Done on Time",
        compute="_compute_done_on_time",
        store=True,
    )
    state = fields.Selection(
        selection=WORK_ORDER_STATES,
        required=True,
        default="draft",
        tracking=True,
        copy=False,
        group_expand="_group_expand_states",
        cs_step=True,
    )
    line_ids = fields.One2many(
        comodel_name="cs.work.order.line",
        inverse_name="work_order_id",
        string="Equipment",
        copy=True,
        cs_draft=True,
    )
    warehouse_id = fields.Many2one(
        comodel_name="stock.warehouse",
        readonly=True,
        copy=False,
        check_company=True,
        cs_step=True,
    )
    picking_ids = fields.One2many(
        comodel_name="stock.picking",
        inverse_name="cs_work_order_id",
        string="Transfers",
        readonly=True,
        copy=False,
        groups="stock.group_stock_user",
        cs_step=True,
    )
    picking_count = fields.Integer(
        string="Transfer Count", compute="_compute_picking_count"
    )
    picking_pending_count = fields.Integer(
        string="Transfers to Validate",
        compute="_compute_picking_count",
        help="Transfers neither done nor cancelled.",
    )
    signed_by = fields.Char(copy=False, tracking=True)
    signed_on = fields.Datetime(copy=False)
    signature = fields.Binary(copy=False, attachment=True)
    quality_rating = fields.Integer(
        aggregator="avg",
        tracking=True,
        copy=False,
        cs_input=True,
        help="The customer's rating of the work from 0 to 100, the scale of the "
        "callbacks.",
    )
    quality_rated = fields.Boolean(
        string="Rated",
        readonly=True,
        copy=False,
        cs_step=True,
        help="The customer's rating is recorded: an unrated work order shows no "
        "rating, and never counts as 0 in the engineer's quality.",
    )
    notes = fields.Html()
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )

    _sql_constraints = [
        (
            "quality_rating_range",
            "CHECK(quality_rating BETWEEN 0 AND 100)",
            "The quality rating must be between 0 and 100.",
        ),
        (
            "duration_positive",
            "CHECK(duration >= 0)",
            "The duration of a work order cannot be negative.",
        ),
    ]

    @api.model
    def _group_expand_states(self, states, domain):
        return [key for key, _label in WORK_ORDER_STATES]

    @api.depends("scheduled_date", "duration")
    def _compute_date_deadline(self):
        for order in self:
            # A duration out of bounds is refused by _check_duration: it must
            # not overflow the date first.
            _hours, problem = validate.parse_number(
                order.duration, 0, validate.DURATION_MAX
            )
            order.date_deadline = (
                order.scheduled_date
                and not problem
                and order.scheduled_date + timedelta(hours=order.duration)
            )

    @api.depends("done_date", "date_deadline")
    def _compute_done_on_time(self):
        for order in self:
            order.done_on_time = bool(
                order.done_date
                and order.date_deadline
                and order.done_date <= order.date_deadline
            )

    @api.depends("picking_ids.state")
    def _compute_picking_count(self):
        for order in self:
            pickings = order.sudo().picking_ids
            order.picking_count = len(pickings)
            order.picking_pending_count = len(
                pickings.filtered(lambda p: p.state not in ("done", "cancel"))
            )

    @api.constrains("engineer_id")
    def _check_engineer(self):
        for order in self.filtered("engineer_id"):
            if not order.engineer_id.has_group(ENGINEER_GROUP):
                raise ValidationError(
                    self.env._(
                        "%(user)s is not an after-sales engineer.",
                        user=order.engineer_id.name,
                    )
                )

    @api.constrains("duration")
    def _check_duration(self):
        error = validate.record_number_error(self, "duration", 0, validate.DURATION_MAX)
        if error:
            raise ValidationError(error)

    @api.constrains("signed_by")
    def _check_signed_by_length(self):
        error = validate.record_text_error(self, ["signed_by"])
        if error:
            raise ValidationError(error)

    @api.constrains("quality_rating")
    def _check_quality_rating(self):
        for order in self:
            if not 0 <= order.quality_rating <= 100:
                raise ValidationError(
                    self.env._(
                        "The quality rating must be between 0 and 100, got %(rating)s.",
                        rating=order.quality_rating,
                    )
                )

    @api.onchange("ticket_id")
    def _onchange_ticket_id(self):
        if self.ticket_id.partner_id and not self.partner_id:
            self.partner_id = self.ticket_id.partner_id

    @api.model_create_multi
    def create(self, vals_list):
        # Not a guard: the reference comes from the sequence.
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("cs.work.order")
        orders = super().create(vals_list)
        # Not a guard: a rating given at creation (imports, demo data) is a
        # rating; 0 there is the empty default.
        orders.filtered("quality_rating").sudo().write({"quality_rated": True})
        return orders

    def write(self, vals):
        result = super().write(vals)
        # Not a guard: Odoo keeps no empty integer, so the flag recorded with
        # the rating tells a rating of 0 from none.
        if "quality_rating" in vals:
            self.filtered(
                lambda order: order.state == "done" and not order.quality_rated
            ).sudo().write({"quality_rated": True})
        return result

    # ---- the rules of a work order of its own (cs.guard.mixin hooks) ----
    def _cs_guard_created(self, vals_list):
        result = super()._cs_guard_created(vals_list)
        # A work order is about a ticket its author can read.
        self.ticket_id.check_access("read")
        # The rating is the customer's judgement of finished work, and a new
        # work order is a draft.
        if self.filtered("quality_rating"):
            raise AccessError(
                self.env._("The customer rates a work order once it is done.")
            )
        return result

    def _cs_guard_write(self, vals):
        result = super()._cs_guard_write(vals)
        if vals.get("ticket_id"):
            self.env["helpdesk.ticket"].browse(vals["ticket_id"]).check_access("read")
        # The rating is the customer's judgement of finished work only.
        if vals.get("quality_rating") and self.filtered(
            lambda order: order.state != "done"
        ):
            raise UserError(
                self.env._("The customer rates a work order once it is done.")
            )
        return result

    def _cs_is_supervisor(self):
        return self.env.user.has_group(SUPERVISOR_GROUP)

    def _cs_check_engineer_or_supervisor(self):
        if self._cs_is_supervisor():
            return
        if any(order.engineer_id != self.env.user for order in self):
            raise AccessError(
                self.env._(
                    "Only the engineer of a work order or a supervisor moves it on."
                )
            )

    # ---- workflow ----
    def action_schedule(self):
        """Plan the work and create its transfers from the CS warehouse."""
        self._cs_check_state(("draft",), self.env._("Scheduling"))
        if not self.env.su and not self._cs_is_supervisor():
            raise AccessError(
                self.env._("Only a supervisor schedules and assigns work orders.")
            )
        for order in self:
            if not order.engineer_id or not order.scheduled_date:
                raise UserError(
                    self.env._(
                        "%(order)s needs an engineer and a scheduled date.",
                        order=order.name,
                    )
                )
            order.line_ids._cs_check_ready()
        for order in self:
            order._cs_create_pickings()
            if order.engineer_id:
                order.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=fields.Date.to_date(order.scheduled_date),
                    user_id=order.engineer_id.id,
                    summary=order.name,
                )
        self._cs_step({"state": "scheduled"})
        return True

    def action_start(self):
        self._cs_check_state(("scheduled",), self.env._("Starting"))
        self._cs_check_engineer_or_supervisor()
        self._cs_step({"state": "in_progress"})
        return True

    def action_done(self):
        self._cs_check_state(("scheduled", "in_progress"), self.env._("Closing"))
        self._cs_check_engineer_or_supervisor()
        pending = self.sudo().picking_ids.filtered(lambda p: p.state != "done")
        if pending:
            raise UserError(
                self.env._(
                    "The transfers %(pickings)s are not done yet: the equipment "
                    "must be delivered and returned before the work order is done.",
                    pickings=", ".join(pending.mapped("name")),
                )
            )
        self._cs_step({"state": "done", "done_date": fields.Datetime.now()})
        self.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def action_validate_transfers(self):
        """Validate the pending transfers as planned: the quantities and
        serials of the equipment lines move (a stock user's step, by the
        engineer of the order or a supervisor). Returns what the transfers'
        validation returns: True, or a wizard when stock asks for one."""
        self._cs_check_state(
            ("scheduled", "in_progress"), self.env._("Validating the transfers")
        )
        if not self.env.user.has_group("stock.group_stock_user"):
            raise AccessError(
                self.env._(
                    "Only stock users (engineers and supervisors) validate the "
                    "transfers of a work order."
                )
            )
        self._cs_check_engineer_or_supervisor()
        pickings = self.picking_ids.filtered(
            lambda p: p.state not in ("done", "cancel")
        )
        if not pickings:
            raise UserError(
                self.env._(
                    "No transfer of %(orders)s is left to validate.",
                    orders=", ".join(self.mapped("name")),
                )
            )
        moves = pickings.move_ids.filtered(lambda m: m.state not in ("done", "cancel"))
        for move in moves:
            move.quantity = move.product_uom_qty
        moves._cs_apply_serials()
        moves.picked = True
        return pickings.button_validate()

    def action_cancel(self):
        self._cs_check_state(
            ("draft", "scheduled", "in_progress"), self.env._("Cancelling")
        )
        if not self.env.su and not self._cs_is_supervisor():
            drafts_of_mine = self.filtered(
                lambda order: (
                    order.state == "draft" and order.create_uid == self.env.user
                )
            )
            if drafts_of_mine != self:
                raise AccessError(
                    self.env._("Only a supervisor cancels a scheduled work order.")
                )
        pickings = self.sudo().picking_ids
        done = pickings.filtered(lambda p: p.state == "done")
        if done:
            raise UserError(
                self.env._(
                    "The transfers %(pickings)s are done: return the equipment "
                    "with a new work order before cancelling this one.",
                    pickings=", ".join(done.mapped("name")),
                )
            )
        pickings.filtered(lambda p: p.state != "cancel").action_cancel()
        self._cs_step({"state": "cancel"})
        self.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    # ---- stock ----
    def _cs_create_pickings(self):
        """One delivery for the equipment going to the customer, one receipt
        per destination (stock when reusable, else faulty equipment) for the
        equipment coming back; one move per equipment line."""
        self.ensure_one()
        warehouse = self.company_id.sudo()._cs_service_warehouse()
        customer_location = self.partner_id.sudo()._cs_equipment_location()
        groups = {}
        for line in self.line_ids:
            if line.direction == "out":
                key = (
                    warehouse.out_type_id,
                    warehouse.lot_stock_id,
                    customer_location,
                )
            else:
                destination = (
                    warehouse.lot_stock_id
                    if line.reusable
                    else warehouse.cs_faulty_location_id
                )
                key = (warehouse.in_type_id, customer_location, destination)
            groups.setdefault(key, self.env["cs.work.order.line"])
            groups[key] |= line
        Picking = self.env["stock.picking"]
        picking_vals = []
        for (picking_type, source, destination), lines in groups.items():
            picking_vals.append(
                {
                    "picking_type_id": picking_type.id,
                    "location_id": source.id,
                    "location_dest_id": destination.id,
                    "partner_id": self.partner_id.id,
                    "origin": self.name,
                    "scheduled_date": self.scheduled_date,
                    "cs_work_order_id": self.id,
                    "company_id": self.company_id.id,
                    "move_ids": [
                        (
                            0,
                            0,
                            {
                                "name": line.product_id.display_name,
                                "product_id": line.product_id.id,
                                "product_uom_qty": line.quantity,
                                "product_uom": line.product_id.uom_id.id,
                                "location_id": source.id,
                                "location_dest_id": destination.id,
                                "cs_work_order_line_id": line.id,
                                "company_id": self.company_id.id,
                            },
                        )
                        for line in lines
                    ],
                }
            )
        pickings = Picking.create(picking_vals)
        self.sudo().warehouse_id = warehouse
        if not pickings:
            return pickings
        pickings.action_confirm()
        pickings.action_assign()
        pickings.move_ids._cs_apply_serials()
        return pickings

    def action_view_pickings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "stock.action_picking_tree_all"
        )
        action["domain"] = [("cs_work_order_id", "=", self.id)]
        action["context"] = {"create": False}
        if len(self.picking_ids) == 1:
            action["views"] = [(self.env.ref("stock.view_picking_form").id, "form")]
            action["res_id"] = self.picking_ids.id
        return action
