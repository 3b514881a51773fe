# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.cs_kpi.tools import validate

from .cs_change_order import PROCESSED_STATES
from .cs_service_line import PERMISSION_LEVELS, SERVICE_TYPES

CHANGE_TYPES = [
    ("add_line", "Add Line"),
    ("remove_line", "Remove Line"),
    ("add_password", "Add Password"),
    ("remove_password", "Remove Password"),
    ("change_permission", "Change Permission"),
    ("change_basic_data", "Change Basic Data"),
]


class CsChangeOrderLine(models.Model):
    _name = "cs.change.order.line"
    _description = "Business Change Order Line"
    _inherit = ["cs.guard.mixin"]
    _order = "order_id, sequence, id"
    _check_company_auto = True
    # cs.guard.mixin: a change is part of its order, edited (added, moved in
    # or out, deleted) while the order is a draft only; the changes of a
    # cancelled order may still be removed.
    _cs_parent_field = "order_id"
    _cs_state_field = "order_id.state"
    _cs_closed_states = PROCESSED_STATES
    _cs_unlink_states = ("draft", "cancel")

    order_id = fields.Many2one(
        comodel_name="cs.change.order",
        string="Change Order",
        required=True,
        index=True,
        ondelete="cascade",
    )
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(related="order_id.company_id", store=True)
    partner_id = fields.Many2one(related="order_id.partner_id", store=True)
    state = fields.Selection(
        related="order_id.state", string="Order Status", store=True
    )
    requested_date = fields.Datetime(related="order_id.requested_date", store=True)
    expedited = fields.Boolean(related="order_id.expedited", store=True)
    lead_time = fields.Float(
        related="order_id.lead_time",
        string="Lead Time (Hours)",
        store=True,
        aggregator="avg",
    )
    change_type = fields.Selection(selection=CHANGE_TYPES, required=True)
    service_line_id = fields.Many2one(
        comodel_name="cs.service.line",
        index="btree_not_null",
        check_company=True,
        domain="[('partner_id', '=', partner_id), ('state', '!=', 'closed')]",
        help="The customer line concerned; an added line is linked on activation.",
    )
    service_type = fields.Selection(
        selection=SERVICE_TYPES,
        compute="_compute_service_type",
        store=True,
        readonly=False,
    )
    # Precomputed: the value is a snapshot taken when the change is entered,
    # it must not wait for a later flush (after the activation changed it).
    old_value = fields.Char(
        compute="_compute_old_value",
        store=True,
        precompute=True,
        help="Value of the service line when the change was entered.",
    )
    new_value = fields.Char(
        string="New Number or Data",
        help="New line number for an added line, new data for a basic-data change.",
    )
    new_permission_level = fields.Selection(selection=PERMISSION_LEVELS)
    new_value_display = fields.Char(
        string="New Value", compute="_compute_new_value_display"
    )

    @api.depends("service_line_id")
    def _compute_service_type(self):
        for line in self:
            if line.service_line_id:
                line.service_type = line.service_line_id.service_type

    @api.depends("service_line_id", "change_type")
    def _compute_old_value(self):
        for line in self:
            line.old_value = line._read_service_line_value()

    def _read_service_line_value(self):
        self.ensure_one()
        service_line = self.service_line_id
        if not service_line or self.change_type == "add_line":
            return False
        if self.change_type in ("add_password", "remove_password"):
            return (
                self.env._("Password protected")
                if service_line.password_set
                else self.env._("No password")
            )
        if self.change_type == "change_permission":
            levels = dict(
                service_line._fields["permission_level"]._description_selection(
                    self.env
                )
            )
            return levels.get(service_line.permission_level)
        if self.change_type == "change_basic_data":
            return service_line.basic_data
        states = dict(service_line._fields["state"]._description_selection(self.env))
        return states[service_line.state]

    @api.depends("change_type", "new_value", "new_permission_level")
    def _compute_new_value_display(self):
        levels = dict(
            self._fields["new_permission_level"]._description_selection(self.env)
        )
        fixed = {
            "remove_line": self.env._("Closed"),
            "add_password": self.env._("Password protected"),
            "remove_password": self.env._("No password"),
        }
        for line in self:
            if line.change_type == "change_permission":
                line.new_value_display = levels.get(line.new_permission_level)
            else:
                line.new_value_display = fixed.get(line.change_type, line.new_value)

    @api.constrains("new_value")
    def _check_new_value_length(self):
        error = validate.record_text_error(self, ["new_value"])
        if error:
            raise ValidationError(error)

    @api.constrains(
        "change_type",
        "service_line_id",
        "service_type",
        "new_value",
        "new_permission_level",
    )
    def _check_change_values(self):
        for line in self:
            kind = line.change_type
            if kind != "add_line" and not line.service_line_id:
                raise ValidationError(
                    self.env._("Choose the service line concerned by each change.")
                )
            if kind == "add_line" and not (line.new_value and line.service_type):
                raise ValidationError(
                    self.env._("An added line needs its service type and number.")
                )
            if kind == "change_permission" and not line.new_permission_level:
                raise ValidationError(
                    self.env._("A permission change needs the new permission level.")
                )
            if kind == "change_basic_data" and not line.new_value:
                raise ValidationError(
                    self.env._("A basic-data change needs the new data.")
                )
        self._check_service_line_customer()

    def _check_service_line_customer(self):
        """Every change acts on a line of its order's customer: checked when a
        change or the order's customer changes, and again on activation."""
        wrong = self.filtered(
            lambda line: (
                line.service_line_id
                and line.service_line_id.partner_id != line.order_id.partner_id
            )
        )
        if wrong:
            raise ValidationError(
                self.env._(
                    "Service line %(line)s does not belong to customer %(customer)s.",
                    line=wrong[0].service_line_id.display_name,
                    customer=wrong[0].order_id.partner_id.display_name,
                )
            )

    # ------------------------------------------------------------------
    # Activation
    # ------------------------------------------------------------------
    def _prepare_service_line_vals(self):
        self.ensure_one()
        return {
            "name": self.new_value,
            "partner_id": self.order_id.partner_id.id,
            "service_type": self.service_type,
            "company_id": self.order_id.company_id.id,
            # service lines open and close on the company's day, whoever acts
            "date_start": self.order_id.company_id._cs_today(),
        }

    def _get_service_line_update(self, today):
        """Values written on the concerned service line by this change."""
        self.ensure_one()
        kind = self.change_type
        if kind == "remove_line":
            return {"state": "closed", "date_end": today}
        if kind in ("add_password", "remove_password"):
            return {"password_set": kind == "add_password"}
        if kind == "change_permission":
            return {"permission_level": self.new_permission_level}
        if kind == "change_basic_data":
            return {"basic_data": self.new_value}
        return {}

    def _apply_to_service_lines(self):
        """Create, close or update the customers' service lines in batch.

        Called by the activation step once it has checked the caller's rights:
        representatives only read service lines, which change through approved
        change orders alone, hence the superuser environment."""
        additions = self.filtered(lambda line: line.change_type == "add_line")
        changes = self - additions
        closed = changes.service_line_id.filtered(lambda sl: sl.state == "closed")
        if closed:
            raise UserError(
                self.env._(
                    "Service line %(line)s is already closed.",
                    line=closed[0].display_name,
                )
            )
        ServiceLine = self.env["cs.service.line"].sudo()
        new_service_lines = ServiceLine.create(
            [line._prepare_service_line_vals() for line in additions]
        )
        for line, service_line in zip(additions, new_service_lines, strict=True):
            line.sudo().service_line_id = service_line
        batches = defaultdict(lambda: ServiceLine)
        for line in changes:
            vals = line._get_service_line_update(line.order_id.company_id._cs_today())
            batches[tuple(sorted(vals.items()))] |= line.service_line_id
        for vals, service_lines in batches.items():
            service_lines.write(dict(vals))
