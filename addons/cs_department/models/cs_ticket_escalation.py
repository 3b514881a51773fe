# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.cs_kpi.tools import validate

#: Days the engineer has to return an escalated ticket (his to-do's deadline).
RETURN_DELAY_DAYS = 1


class CsTicketEscalation(models.Model):
    _name = "cs.ticket.escalation"
    _description = "Ticket Escalation to an Engineer"
    _inherit = ["mail.thread", "cs.guard.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    # cs.guard.mixin: the log itself (its cs_step fields) is written by the
    # escalation wizard and the return action only, as superuser steps; any
    # other create sets at least its ticket, a step field, and is refused.

    ticket_id = fields.Many2one(
        comodel_name="helpdesk.ticket",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        cs_step=True,
    )
    partner_id = fields.Many2one(
        related="ticket_id.partner_id",
        string="Customer",
        store=True,
    )
    team_id = fields.Many2one(related="ticket_id.team_id", store=True)
    request_kind = fields.Selection(related="ticket_id.cs_request_kind", store=True)
    from_user_id = fields.Many2one(
        comodel_name="res.users",
        string="Escalated By",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        cs_step=True,
    )
    to_user_id = fields.Many2one(
        comodel_name="res.users",
        string="Engineer",
        required=True,
        index=True,
        tracking=True,
        domain=lambda self: [
            (
                "groups_id",
                "in",
                self.env.ref("cs_department.cs_department_group_engineer").ids,
            )
        ],
        cs_step=True,
    )
    date = fields.Datetime(
        string="Escalated On",
        required=True,
        default=fields.Datetime.now,
        cs_step=True,
    )
    reason = fields.Text(required=True, cs_step=True)
    returned_date = fields.Datetime(
        string="Returned On", tracking=True, copy=False, cs_step=True
    )
    resolution = fields.Text(
        copy=False,
        help="What the engineer found and did, given when he returns the ticket.",
        cs_step=True,
    )
    closed_with_ticket = fields.Boolean(
        copy=False,
        help="The ticket was closed or cancelled while with the engineer.",
        cs_step=True,
    )
    activity_id = fields.Many2one(
        comodel_name="mail.activity",
        string="Engineer's To-Do",
        ondelete="set null",
        copy=False,
        cs_step=True,
    )
    state = fields.Selection(
        selection=[
            ("open", "With Engineer"),
            ("returned", "Returned"),
            ("closed", "Closed with Ticket"),
        ],
        compute="_compute_state",
        store=True,
    )
    duration_hours = fields.Float(
        string="Hours with Engineer",
        compute="_compute_state",
        store=True,
        aggregator="avg",
    )
    company_id = fields.Many2one(
        related="ticket_id.company_id",
        store=True,
        index=True,
    )

    _sql_constraints = [
        (
            "duration_hours_positive",
            "CHECK(duration_hours >= 0)",
            "The time with the engineer cannot be negative.",
        ),
        (
            "returned_after_escalated",
            "CHECK(returned_date IS NULL OR returned_date >= date)",
            "A ticket is returned after it was escalated.",
        ),
    ]

    @api.depends("ticket_id", "to_user_id")
    def _compute_display_name(self):
        for esc in self:
            esc.display_name = self.env._(
                "%(ticket)s to %(engineer)s",
                ticket=esc.ticket_id.number or "",
                engineer=esc.to_user_id.name or "",
            )

    @api.depends("date", "returned_date", "closed_with_ticket")
    def _compute_state(self):
        for esc in self:
            if not esc.returned_date:
                esc.state = "open"
            else:
                esc.state = "closed" if esc.closed_with_ticket else "returned"
            if esc.returned_date and esc.date:
                delta = esc.returned_date - esc.date
                esc.duration_hours = delta.total_seconds() / 3600.0
            else:
                esc.duration_hours = 0.0

    @api.constrains("to_user_id")
    def _check_to_user_engineer(self):
        engineers = (
            self.env.ref("cs_department.cs_department_group_engineer").sudo().users
        )
        for esc in self:
            if esc.to_user_id not in engineers:
                raise ValidationError(
                    self.env._(
                        "%(user)s is not an after-sales engineer.",
                        user=esc.to_user_id.name,
                    )
                )

    def _cs_schedule_todo(self):
        """Give each engineer a to-do on the ticket, due in RETURN_DELAY_DAYS."""
        for esc in self:
            deadline = esc.company_id._cs_today(esc.to_user_id) + timedelta(
                days=RETURN_DELAY_DAYS
            )
            activity = esc.ticket_id.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=deadline,
                summary=self.env._(
                    "Escalated ticket %(ticket)s: return it with a resolution",
                    ticket=esc.ticket_id.number or "",
                ),
                note=esc.reason,
                user_id=esc.to_user_id.id,
            )
            esc.sudo().activity_id = activity

    def _cs_check_can_return(self):
        user = self.env.user
        is_supervisor = user.has_group("cs_department.cs_department_group_supervisor")
        for esc in self:
            if esc.returned_date:
                raise UserError(
                    self.env._(
                        "The escalation %(name)s was already returned.",
                        name=esc.display_name,
                    )
                )
            if esc.to_user_id != user and not is_supervisor:
                raise AccessError(
                    self.env._(
                        "Only the engineer holding the ticket or a supervisor can "
                        "return it to the representative."
                    )
                )
        self.check_access("write")

    def action_return(self, resolution=None):
        """Give the tickets back to the representatives who escalated them,
        with the engineer's resolution (asked by a wizard when not given)."""
        self._cs_check_can_return()
        error = validate.text_error(
            self.env,
            resolution,
            validate.field_label(self, "resolution"),
            validate.TEXT_MAX,
        )
        if error:
            raise ValidationError(error)
        resolution = (resolution or "").strip()
        if not resolution:
            return {
                "name": self.env._("Return to Representative"),
                "type": "ir.actions.act_window",
                "res_model": "cs.ticket.escalation.return",
                "view_mode": "form",
                "target": "new",
                "context": {"default_escalation_ids": self.ids},
            }
        user = self.env.user
        # The log is closed to direct writes.
        self._cs_step(
            {"returned_date": fields.Datetime.now(), "resolution": resolution}
        )
        for esc in self:
            ticket = esc.ticket_id
            ticket.message_post(
                body=self.env._(
                    "Returned by %(engineer)s to %(representative)s. "
                    "Resolution: %(resolution)s",
                    engineer=user.name,
                    representative=esc.from_user_id.name,
                    resolution=resolution,
                ),
                subtype_xmlid="mail.mt_note",
            )
            # Past the checks above, whoever assigned the ticket meanwhile.
            ticket.sudo().user_id = esc.from_user_id
        self.sudo().activity_id.action_feedback(feedback=resolution)
        return True

    def _cs_close_with_ticket(self):
        """The ticket was closed or cancelled: its open escalations end too."""
        open_escalations = self.filtered(lambda esc: not esc.returned_date).sudo()
        if not open_escalations:
            return
        open_escalations.write(
            {"returned_date": fields.Datetime.now(), "closed_with_ticket": True}
        )
        open_escalations.activity_id.unlink()
