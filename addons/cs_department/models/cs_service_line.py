# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

SERVICE_TYPES = [("ip", "IP"), ("long_distance", "Long Distance")]
PERMISSION_LEVELS = [
    ("local", "Local Calls Only"),
    ("national", "National Long Distance"),
    ("international", "International"),
]


class CsServiceLine(models.Model):
    _name = "cs.service.line"
    _description = "Customer Service Line"
    _inherit = ["mail.thread"]
    _order = "partner_id, service_type, name"
    _check_company_auto = True
    _rec_names_search = ["name", "partner_id.name"]

    name = fields.Char(
        string="Number",
        required=True,
        tracking=True,
        help="Line number or identifier of the subscribed service.",
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    service_type = fields.Selection(
        selection=SERVICE_TYPES, required=True, default="ip", tracking=True
    )
    password_set = fields.Boolean(
        string="Password Protected",
        tracking=True,
        help="The line is protected by a service password.",
    )
    permission_level = fields.Selection(
        selection=PERMISSION_LEVELS,
        default="national",
        required=True,
        tracking=True,
        help="Which calls the line is allowed to make.",
    )
    basic_data = fields.Text(
        help="Basic customer data registered for this line (address, contact...)."
    )
    state = fields.Selection(
        selection=[
            ("active", "Active"),
            ("suspended", "Suspended"),
            ("closed", "Closed"),
        ],
        default="active",
        required=True,
        tracking=True,
    )
    date_start = fields.Date(
        string="Start Date", default=fields.Date.context_today, tracking=True
    )
    date_end = fields.Date(string="End Date", tracking=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
    )
    change_order_line_ids = fields.One2many(
        comodel_name="cs.change.order.line",
        inverse_name="service_line_id",
        string="Change Order Lines",
        groups="cs_department.cs_department_group_representative",
    )
    change_order_count = fields.Integer(
        compute="_compute_change_order_count",
        groups="cs_department.cs_department_group_representative",
    )

    @api.depends("name", "service_type")
    def _compute_display_name(self):
        labels = dict(self._fields["service_type"]._description_selection(self.env))
        for line in self:
            line.display_name = (
                f"{line.name} ({labels[line.service_type]})"
                if line.service_type and line.name
                else line.name
            )

    def _compute_change_order_count(self):
        counts = dict(
            self.env["cs.change.order.line"]._read_group(
                [("service_line_id", "in", self.ids)],
                ["service_line_id"],
                ["order_id:count_distinct"],
            )
        )
        for line in self:
            line.change_order_count = counts.get(line, 0)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for line in self:
            if line.date_start and line.date_end and line.date_end < line.date_start:
                raise ValidationError(
                    self.env._(
                        "The end date of line %(line)s is before its start date.",
                        line=line.display_name,
                    )
                )

    @api.constrains("name", "service_type", "state", "company_id")
    def _check_unique_open_number(self):
        """One open (not closed) line per number, type and company."""
        open_lines = self.filtered(lambda rec: rec.state != "closed")
        if not open_lines:
            return
        groups = self._read_group(
            [
                ("name", "in", open_lines.mapped("name")),
                ("state", "!=", "closed"),
                ("company_id", "in", open_lines.company_id.ids),
            ],
            ["name", "service_type", "company_id"],
            ["__count"],
            having=[("__count", ">", 1)],
        )
        if groups:
            raise ValidationError(
                self.env._(
                    "The number %(number)s is already used by another open line.",
                    number=groups[0][0],
                )
            )

    def action_view_change_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "cs_department.cs_change_order_action"
        )
        action["domain"] = [("line_ids.service_line_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.partner_id.id}
        return action
