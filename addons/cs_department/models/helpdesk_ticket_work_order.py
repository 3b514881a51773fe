# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    cs_work_order_ids = fields.One2many(
        comodel_name="cs.work.order",
        inverse_name="ticket_id",
        string="Work Orders",
        groups="cs_department.cs_department_group_representative,"
        "cs_department.cs_department_group_engineer",
    )
    cs_work_order_count = fields.Integer(
        string="Work Order Count",
        compute="_compute_cs_work_order_count",
        groups="cs_department.cs_department_group_representative,"
        "cs_department.cs_department_group_engineer",
    )

    def _compute_cs_work_order_count(self):
        counts = self._cs_count_by_ticket("cs.work.order")
        for ticket in self:
            ticket.cs_work_order_count = counts.get(ticket.id, 0)

    def action_cs_view_work_orders(self):
        action = self._cs_open_related("cs.work.order", self.env._("Work Orders"))
        action["context"] = dict(
            action["context"],
            default_partner_id=self.partner_id.id,
            default_service_line_id=False,
        )
        return action
