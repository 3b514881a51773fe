# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models
from odoo.exceptions import AccessError, UserError

REPRESENTATIVE_GROUP = "cs_department.cs_department_group_representative"


class HelpdeskTicket(models.Model):
    """The customer's change request a portal ticket carries, and its
    conversion into a change order."""

    _inherit = "helpdesk.ticket"

    cs_change_request_ids = fields.One2many(
        comodel_name="cs.change.request",
        inverse_name="ticket_id",
        string="Change Requests",
    )
    cs_change_request_state = fields.Selection(
        related="cs_change_request_ids.state", string="Request Status"
    )
    cs_change_request_convertible = fields.Boolean(
        string="Request to Convert",
        compute="_compute_cs_change_request_convertible",
        help="The ticket carries a customer's change request that is not a "
        "change order yet.",
    )

    def _compute_cs_change_request_convertible(self):
        for ticket in self:
            ticket.cs_change_request_convertible = any(
                not request.change_order_id
                for request in ticket.sudo().cs_change_request_ids
            )

    def action_cs_convert_change_request(self):
        """One click: the change order of the customer's request, its changes
        (types, lines, new values), expedition and dates taken from the
        request, in draft for the representative to verify."""
        self.ensure_one()
        if not self.env.user.has_group(REPRESENTATIVE_GROUP):
            raise AccessError(
                self.env._("Only a representative converts a change request.")
            )
        requests = self.cs_change_request_ids
        if not requests:
            raise UserError(
                self.env._(
                    "Ticket %(ticket)s carries no change request.",
                    ticket=self.display_name,
                )
            )
        converted = requests.filtered("change_order_id")
        if converted:
            raise UserError(
                self.env._(
                    "Request %(request)s is already change order %(order)s.",
                    request=converted[0].name,
                    order=converted[0].change_order_name,
                )
            )
        orders = self.env["cs.change.order"].create(
            [request._cs_prepare_change_order_vals() for request in requests]
        )
        for request, order in zip(requests, orders, strict=True):
            request._cs_step({"change_order_id": order.id})
        action = self.env["ir.actions.actions"]._for_xml_id(
            "cs_department.cs_change_order_action"
        )
        if len(orders) == 1:
            action.update(
                {"views": [(False, "form")], "view_mode": "form", "res_id": orders.id}
            )
        else:
            action["domain"] = [("id", "in", orders.ids)]
        return action
