# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.cs_kpi.tools import validate


class CsTicketEscalate(models.TransientModel):
    _name = "cs.ticket.escalate"
    _description = "Escalate a Ticket to an After-sales Engineer"

    ticket_id = fields.Many2one(
        comodel_name="helpdesk.ticket",
        required=True,
        ondelete="cascade",
    )
    engineer_id = fields.Many2one(
        comodel_name="res.users",
        required=True,
        domain=lambda self: [
            (
                "groups_id",
                "in",
                self.env.ref("cs_department.cs_department_group_engineer").ids,
            ),
            ("share", "=", False),
        ],
    )
    reason = fields.Text(required=True)

    def action_escalate(self):
        """Hand the ticket to the engineer and log the escalation."""
        self.ensure_one()
        user = self.env.user
        if not user.has_group("cs_department.cs_department_group_representative"):
            raise AccessError(
                self.env._("Only customer-service staff can escalate a ticket.")
            )
        ticket = self.ticket_id
        ticket.check_access("write")
        error = validate.record_text_error(self, ["reason"], validate.TEXT_MAX)
        if error:
            raise ValidationError(error)
        if not self.engineer_id.has_group("cs_department.cs_department_group_engineer"):
            raise ValidationError(
                self.env._(
                    "%(user)s is not an after-sales engineer.",
                    user=self.engineer_id.name,
                )
            )
        if ticket.closed:
            raise UserError(
                self.env._(
                    "The ticket %(ticket)s is closed and cannot be escalated.",
                    ticket=ticket.number,
                )
            )
        if ticket.cs_escalated:
            raise UserError(
                self.env._(
                    "The ticket %(ticket)s is already with an engineer.",
                    ticket=ticket.number,
                )
            )
        representative = ticket.user_id or user
        # Representative and engineer both follow: each keeps sight of the ticket.
        ticket.message_subscribe(
            partner_ids=(representative | user | self.engineer_id).partner_id.ids,
        )
        # The log is written here only, once the checks above passed.
        escalation = (
            self.env["cs.ticket.escalation"]
            .sudo()
            .create(
                {
                    "ticket_id": ticket.id,
                    "from_user_id": representative.id,
                    "to_user_id": self.engineer_id.id,
                    "reason": self.reason,
                }
            )
        )
        escalation._cs_schedule_todo()
        # Past the checks above: the log keeps who represented the ticket.
        ticket.sudo().user_id = self.engineer_id
        ticket.message_post(
            body=self.env._(
                "Escalated to %(engineer)s: %(reason)s",
                engineer=self.engineer_id.name,
                reason=self.reason,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return escalation
