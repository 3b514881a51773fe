# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models
from odoo.exceptions import UserError


class CsTicketEscalationReturn(models.TransientModel):
    _name = "cs.ticket.escalation.return"
    _description = "Return an Escalated Ticket with a Resolution"

    escalation_ids = fields.Many2many(
        comodel_name="cs.ticket.escalation",
        string="Escalations",
        required=True,
    )
    resolution = fields.Text(
        required=True,
        help="What was found and done: kept on the escalation log and posted on "
        "the ticket.",
    )

    def action_return(self):
        self.ensure_one()
        if not (self.resolution or "").strip():
            raise UserError(self.env._("Tell what was found and done."))
        self.escalation_ids.action_return(resolution=self.resolution)
        return {"type": "ir.actions.act_window_close"}
