# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError


class CsTicketVisit(models.Model):
    _name = "cs.ticket.visit"
    _description = "On-site Visit to a Customer"
    _inherit = ["mail.thread", "mail.activity.mixin", "cs.guard.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    # cs.guard.mixin: a visit is recorded by the person who made it (user_id,
    # a step field: its default, the current user, or nobody's), on its ticket
    # for good (see _cs_guard_write).

    ticket_id = fields.Many2one(
        comodel_name="helpdesk.ticket",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    partner_id = fields.Many2one(
        related="ticket_id.commercial_partner_id",
        string="Customer",
        store=True,
    )
    key_customer = fields.Boolean(related="ticket_id.cs_key_customer", store=True)
    date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Visited By",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        cs_step=True,
    )
    outcome = fields.Text(required=True, tracking=True)
    company_id = fields.Many2one(
        related="ticket_id.company_id",
        store=True,
        index=True,
    )

    @api.depends("ticket_id", "date")
    def _compute_display_name(self):
        for visit in self:
            visit.display_name = self.env._(
                "Visit %(ticket)s on %(date)s",
                ticket=visit.ticket_id.number or "",
                date=visit.date or "",
            )

    @api.constrains("date", "user_id")
    def _check_date_not_future(self):
        for visit in self:
            if visit.date > visit.company_id._cs_today(visit.user_id):
                raise ValidationError(
                    self.env._(
                        "A visit is recorded once made: %(date)s is in the future.",
                        date=visit.date,
                    )
                )

    def _cs_valid(self):
        """The visits that satisfy the key-customer rule: made (not dated in
        the future) by the user who recorded them."""
        return self.filtered(
            lambda visit: visit.date <= visit.company_id._cs_today(visit.user_id)
        )

    def _cs_guard_created(self, vals_list):
        # A visit is recorded on a ticket its author can see (an engineer: the
        # tickets he holds), not on any ticket of the helpdesk.
        result = super()._cs_guard_created(vals_list)
        self.ticket_id.check_access("read")
        return result

    def _cs_guard_write(self, vals):
        # Set once, on a ticket its author can see: the mixin has no
        # write-once field, and this visit is no part of the ticket's own
        # state (no _cs_parent_field).
        if "ticket_id" in vals:
            raise AccessError(
                self.env._(
                    "A visit stays on its ticket and with the person who made it."
                )
            )
        return super()._cs_guard_write(vals)
