# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import Counter
from contextlib import contextmanager

from psycopg2 import errors

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL, mute_logger
from odoo.tools.sql import index_exists

from odoo.addons.cs_kpi.tools import validate

SERVICE_TYPES = [("ip", "IP"), ("long_distance", "Long Distance")]
PERMISSION_LEVELS = [
    ("local", "Local Calls Only"),
    ("national", "National Long Distance"),
    ("international", "International"),
]
#: One open (not closed) line per number, service type and company.
OPEN_NUMBER_INDEX = "cs_service_line_open_number_uniq"
#: The fields of that index.
NUMBER_FIELDS = ["name", "service_type", "state", "company_id"]


class CsServiceLine(models.Model):
    _name = "cs.service.line"
    _description = "Customer Service Line"
    _inherit = ["mail.thread", "cs.guard.mixin"]
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
        string="Start Date",
        # the company's day, as the change orders that open and close lines
        default=lambda self: self.env.company._cs_today(),
        tracking=True,
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

    def init(self):
        # In the database, not only in Python: two change orders activated at
        # the same moment must not open the same number twice.
        if not index_exists(self.env.cr, OPEN_NUMBER_INDEX):
            self.env.cr.execute(
                SQL(
                    "CREATE UNIQUE INDEX %s ON %s (company_id, service_type, name) "
                    "WHERE state != 'closed'",
                    SQL.identifier(OPEN_NUMBER_INDEX),
                    SQL.identifier(self._table),
                )
            )

    # Not guards (cs.guard.mixin guards the line): the open-number index of the
    # database refuses a taken number, these turn its error into a clear one.
    @api.model_create_multi
    def create(self, vals_list):
        names = [vals.get("name") for vals in vals_list]
        with self._cs_open_number_guard(names):
            return super().create(vals_list)

    def write(self, vals):
        if not set(vals) & set(NUMBER_FIELDS):
            return super().write(vals)
        names = [vals["name"]] if "name" in vals else self.mapped("name")
        with self._cs_open_number_guard(names):
            res = super().write(vals)
            self.flush_recordset(NUMBER_FIELDS)
        return res

    @contextmanager
    def _cs_open_number_guard(self, names):
        """Turn a violation of the open-number index into a clear error.

        The savepoint keeps the transaction usable; ``names`` are the numbers
        being created or written, to tell which one is taken. A number longer
        than ``validate.NAME_MAX`` is refused first: it would not even fit in
        the index."""
        label = validate.field_label(self, "name")
        for name in names:
            error = validate.text_error(self.env, name, label)
            if error:
                raise ValidationError(error)
        try:
            with mute_logger("odoo.sql_db"), self.env.cr.savepoint():
                yield
        except errors.UniqueViolation as error:
            if error.diag.constraint_name != OPEN_NUMBER_INDEX:
                raise
            raise ValidationError(
                self.env._(
                    "The number %(number)s is already used by another open line.",
                    number=self._cs_taken_number(names),
                )
            ) from None

    def _cs_taken_number(self, names):
        """The first of ``names`` that is twice among them or already open."""
        names = [name for name in names if name]
        twice = [name for name, count in Counter(names).items() if count > 1]
        taken = (
            self.sudo()
            .with_context(active_test=False)
            .search([("name", "in", names), ("state", "!=", "closed")])
            .mapped("name")
        )
        return next(iter(twice + taken + names), "")

    def action_view_change_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "cs_department.cs_change_order_action"
        )
        action["domain"] = [("line_ids.service_line_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.partner_id.id}
        return action
