# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

from .helpdesk_ticket import REQUEST_KINDS


class HelpdeskTicketCategory(models.Model):
    _inherit = "helpdesk.ticket.category"

    cs_request_kind = fields.Selection(
        selection=REQUEST_KINDS,
        string="Request Kind",
        help="Request kind given to tickets of this category.",
    )
