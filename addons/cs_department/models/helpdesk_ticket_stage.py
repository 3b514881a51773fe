# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models


class HelpdeskTicketStage(models.Model):
    _inherit = "helpdesk.ticket.stage"

    cs_cancel = fields.Boolean(
        string="Cancellation Stage",
        help="A ticket closed into this stage is cancelled, not handled: a "
        "key-customer complaint needs no on-site visit and no follow-up "
        "callback is scheduled.",
    )

    @api.model
    def _cs_mark_cancel_stages(self):
        """Flag helpdesk_mgmt's own 'Cancelled' stage, when it still exists."""
        stage = self.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_stage_cancelled", raise_if_not_found=False
        )
        if stage:
            stage.cs_cancel = True
