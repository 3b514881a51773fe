# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import re

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.cs_kpi.tools import validate

from .cs_change_order_line import CHANGE_TYPES
from .cs_service_line import PERMISSION_LEVELS, SERVICE_TYPES

#: What the customer follows of his request: the state of the change order
#: it became, in the customer's words.
PORTAL_STATES = [
    ("received", "Received"),
    ("verified", "Verified"),
    ("approved", "Approved"),
    ("activated", "Activated"),
    ("done", "Done"),
    ("cancel", "Cancelled"),
]
ORDER_TO_PORTAL_STATE = {
    "draft": "received",
    "verified": "verified",
    "approved": "approved",
    "in_progress": "approved",
    "activated": "activated",
    "notified": "activated",
    "done": "done",
    "cancel": "cancel",
    "rejected": "cancel",
}
#: A tag, a comment or an entity: the customer's texts are plain text.
HTML_PATTERN = re.compile(r"<\s*[a-zA-Z/!?]|&[a-zA-Z#][a-zA-Z0-9]*;")


def html_error(env, value, label):
    """Why ``value`` is not plain text for the field ``label``, or ``None``."""
    if isinstance(value, str) and HTML_PATTERN.search(value):
        return env._(
            "%(field)s takes plain text: remove the HTML tags or entities.",
            field=label,
        )
    return None


class CsChangeRequest(models.Model):
    """A customer's request for a business change, made in the portal: it
    opens a business-change ticket, which the representative verifies with
    the customer and converts into a change order (the request keeps the
    changes asked for, structurally, for that conversion)."""

    _name = "cs.change.request"
    _description = "Business Change Request"
    _inherit = ["mail.thread", "cs.guard.mixin"]
    _order = "create_date desc, id desc"
    _check_company_auto = True
    # cs.guard.mixin: the customer writes his request once, when he sends it;
    # its ticket and change order are the steps' (creation, conversion); it
    # follows its change order's state and is frozen once converted.
    _cs_draft_states = ("received",)
    _cs_closed_states = ("verified", "approved", "activated", "done", "cancel")
    _cs_unlink_states = ()

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer",
        required=True,
        index=True,
        default=lambda self: self.env.user.commercial_partner_id,
        check_company=True,
        cs_draft=True,
        help="The customer (company) whose lines change.",
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Requested By",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        cs_draft=True,
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
    )
    line_ids = fields.One2many(
        comodel_name="cs.change.request.line",
        inverse_name="request_id",
        string="Changes",
        cs_draft=True,
    )
    wanted_date = fields.Date(
        required=True,
        cs_draft=True,
        help="The day the customer wants the change to be active.",
    )
    expedited = fields.Boolean(
        cs_draft=True,
        help="Expedited changes are activated within the expedited due time; "
        "others within the normal delay.",
    )
    description = fields.Text(string="Details", cs_draft=True)
    ticket_id = fields.Many2one(
        comodel_name="helpdesk.ticket",
        readonly=True,
        copy=False,
        index="btree_not_null",
        cs_step=True,
    )
    change_order_id = fields.Many2one(
        comodel_name="cs.change.order",
        readonly=True,
        copy=False,
        index="btree_not_null",
        cs_step=True,
    )
    change_order_name = fields.Char(
        related="change_order_id.name", string="Change Order Reference"
    )
    ticket_number = fields.Char(related="ticket_id.number", string="Ticket Number")
    state = fields.Selection(
        selection=PORTAL_STATES,
        string="Status",
        compute="_compute_state",
        store=True,
        index=True,
        compute_sudo=True,
        help="The state of the change order the request became, as the "
        "customer follows it: received until the order is verified.",
    )

    @api.depends("change_order_id.state")
    def _compute_state(self):
        for request in self:
            request.state = ORDER_TO_PORTAL_STATE[
                request.change_order_id.state or "draft"
            ]

    @api.constrains("wanted_date")
    def _check_wanted_date(self):
        for request in self:
            today = request.company_id._cs_today(request.user_id)
            if request.wanted_date and request.wanted_date < today:
                raise ValidationError(
                    self.env._(
                        "The wanted date %(date)s is in the past: choose today "
                        "or a later day.",
                        date=request.wanted_date,
                    )
                )

    @api.constrains("description")
    def _check_description(self):
        label = validate.field_label(self, "description")
        for request in self:
            error = validate.text_error(
                self.env, request.description, label, validate.TEXT_MAX
            ) or html_error(self.env, request.description, label)
            if error:
                raise ValidationError(error)

    @api.constrains("partner_id", "user_id")
    def _check_requester(self):
        """A customer asks for changes of his own company only."""
        for request in self.sudo():
            if (
                not request.user_id._is_internal()
                and request.user_id.commercial_partner_id != request.partner_id
            ):
                raise ValidationError(
                    self.env._(
                        "%(user)s cannot ask for changes for %(customer)s.",
                        user=request.user_id.name,
                        customer=request.partner_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        # Not a guard: the reference comes from the sequence, and every
        # request opens its ticket, whoever creates it (portal or RPC).
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].sudo().next_by_code(
                    "cs.change.request"
                ) or self.env._("New")
        requests = super().create(vals_list)
        requests._cs_open_tickets()
        return requests

    def _cs_ticket_description(self):
        """The request in the ticket's description, escaped: the customer's
        texts never become markup."""
        self.ensure_one()
        labels = dict(
            self.env["cs.change.request.line"]
            ._fields["change_type"]
            ._description_selection(self.env)
        )
        rows = Markup("").join(
            Markup("<li>%s</li>")
            % " - ".join(
                part
                for part in (
                    labels[line.change_type],
                    line.sudo().service_line_id.display_name,
                    line.new_value_display,
                )
                if part
            )
            for line in self.line_ids
        )
        body = Markup("<p>%s</p><ul>%s</ul><p>%s</p>") % (
            self.env._(
                "Business change asked for in the portal by %(user)s, wanted on "
                "%(date)s%(expedited)s.",
                user=self.user_id.name,
                date=self.wanted_date,
                expedited=self.env._(" (expedited)") if self.expedited else "",
            ),
            rows,
            self.description or "",
        )
        return body.replace(escape("\n"), Markup("<br/>"))

    def _cs_open_tickets(self):
        """One business-change ticket per request, in the company's customer
        service team. As superuser, as helpdesk_mgmt's portal creates its
        tickets: the request itself was created (and checked by its access
        and record rules) as the customer, and the ticket's values come from
        the request only."""
        category = self.env.ref(
            "cs_department.helpdesk_ticket_category_business_change"
        )
        channel = self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web", False)
        Ticket = self.env["helpdesk.ticket"].sudo()
        for request in self:
            company = request.company_id.sudo()
            team = company.cs_default_team_id
            requester = request.user_id.partner_id
            ticket = Ticket.with_company(company).create(
                {
                    "name": self.env._(
                        "Business change request %(name)s", name=request.name
                    ),
                    "description": request._cs_ticket_description(),
                    "company_id": company.id,
                    "team_id": team.id,
                    "category_id": category.id,
                    "cs_request_kind": "business_change",
                    "channel_id": channel.id if channel else False,
                    "partner_id": requester.id,
                    "partner_name": requester.name,
                    "partner_email": requester.email,
                    "user_id": False,
                    "stage_id": team._get_applicable_stages()[:1].id,
                }
            )
            ticket.message_subscribe(partner_ids=requester.ids)
            request._cs_step({"ticket_id": ticket.id})

    def _cs_prepare_change_order_vals(self):
        self.ensure_one()
        note = Markup("<p>%s</p>") % self.env._(
            "From request %(name)s: wanted on %(date)s.",
            name=self.name,
            date=self.wanted_date,
        )
        if self.description:
            note += Markup("<p>%s</p>") % self.description
        return {
            "partner_id": self.partner_id.id,
            "ticket_id": self.ticket_id.id,
            "company_id": self.company_id.id,
            "expedited": self.expedited,
            # the customer's request is when the order was asked for: its
            # lead time and due time run from there
            "requested_date": self.create_date,
            "note": note,
            "line_ids": [
                fields.Command.create(line._cs_prepare_order_line_vals())
                for line in self.line_ids
            ],
        }


class CsChangeRequestLine(models.Model):
    _name = "cs.change.request.line"
    _description = "Business Change Request Line"
    _inherit = ["cs.guard.mixin"]
    _order = "request_id, sequence, id"
    _check_company_auto = True
    # cs.guard.mixin: part of its request, fixed with it.
    _cs_parent_field = "request_id"
    _cs_state_field = "request_id.state"
    _cs_draft_states = ("received",)
    _cs_closed_states = ("verified", "approved", "activated", "done", "cancel")
    _cs_unlink_states = ()

    request_id = fields.Many2one(
        comodel_name="cs.change.request",
        required=True,
        index=True,
        ondelete="cascade",
    )
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(related="request_id.company_id", store=True)
    partner_id = fields.Many2one(related="request_id.partner_id", store=True)
    change_type = fields.Selection(selection=CHANGE_TYPES, required=True)
    service_line_id = fields.Many2one(
        comodel_name="cs.service.line",
        index="btree_not_null",
        check_company=True,
        help="The customer's line concerned; none for a line to add.",
    )
    service_type = fields.Selection(selection=SERVICE_TYPES)
    new_value = fields.Char(
        string="New Number or Data",
        help="The number wished for an added line, the new data of a "
        "basic-data change.",
    )
    new_permission_level = fields.Selection(selection=PERMISSION_LEVELS)
    new_value_display = fields.Char(
        string="New Value", compute="_compute_new_value_display"
    )

    @api.depends("change_type", "new_value", "new_permission_level")
    def _compute_new_value_display(self):
        levels = dict(
            self._fields["new_permission_level"]._description_selection(self.env)
        )
        for line in self:
            if line.change_type == "change_permission":
                line.new_value_display = levels.get(line.new_permission_level)
            elif line.change_type in ("add_line", "change_basic_data"):
                line.new_value_display = line.new_value
            else:
                line.new_value_display = False

    @api.constrains(
        "change_type",
        "service_line_id",
        "service_type",
        "new_value",
        "new_permission_level",
    )
    def _check_change(self):
        """The checks of the change order's lines, made when the customer
        asks: a request always converts into a valid order."""
        label = validate.field_label(self, "new_value")
        for line in self:
            error = validate.text_error(self.env, line.new_value, label) or html_error(
                self.env, line.new_value, label
            )
            if error:
                raise ValidationError(error)
            kind = line.change_type
            service_line = line.sudo().service_line_id
            if kind == "add_line":
                if not (line.new_value and line.service_type):
                    raise ValidationError(
                        self.env._("An added line needs its service type and number.")
                    )
                continue
            if not service_line:
                raise ValidationError(
                    self.env._("Choose the service line concerned by each change.")
                )
            customer = line.request_id.sudo().partner_id
            if (
                service_line.partner_id.commercial_partner_id != customer
                or service_line.state == "closed"
            ):
                # never name a line or a customer the caller may not read
                if service_line.with_env(self.env).has_access(
                    "read"
                ) and customer.with_env(self.env).has_access("read"):
                    message = self.env._(
                        "Line %(line)s is not an open line of %(customer)s.",
                        line=service_line.name,
                        customer=customer.name,
                    )
                else:
                    message = self.env._(
                        "A line of the request is not an open line of yours."
                    )
                raise ValidationError(message)
            if kind == "change_permission" and not line.new_permission_level:
                raise ValidationError(
                    self.env._("A permission change needs the new permission level.")
                )
            if kind == "change_basic_data" and not line.new_value:
                raise ValidationError(
                    self.env._("A basic-data change needs the new data.")
                )

    def _cs_prepare_order_line_vals(self):
        self.ensure_one()
        return {
            "sequence": self.sequence,
            "change_type": self.change_type,
            "service_line_id": self.service_line_id.id,
            "service_type": self.service_type or self.service_line_id.service_type,
            "new_value": self.new_value,
            "new_permission_level": self.new_permission_level,
        }
