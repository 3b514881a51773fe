# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

REQUEST_KINDS = [
    ("consultation", "Consultation"),
    ("complaint", "Complaint"),
    ("business_change", "Business Change"),
]
COMPLAINT_REASONS = [
    ("line_quality", "Line or Call Quality"),
    ("billing", "Billing"),
    ("service_attitude", "Service Attitude"),
    ("installation", "Installation or Repair"),
    ("business_change", "Business Change Handling"),
    ("other", "Other"),
]


class HelpdeskTicket(models.Model):
    _name = "helpdesk.ticket"
    _inherit = ["helpdesk.ticket", "cs.guard.mixin"]

    cs_request_kind = fields.Selection(
        selection=REQUEST_KINDS,
        string="Request Kind",
        required=True,
        index=True,
        tracking=True,
        compute="_compute_cs_request_kind",
        store=True,
        readonly=False,
        precompute=True,
        help="Taken from the category when it defines one; consultation otherwise.",
    )
    cs_complaint_reason = fields.Selection(
        selection=COMPLAINT_REASONS,
        string="Complaint Reason",
        tracking=True,
    )
    cs_complaint_detail = fields.Text(string="Complaint Details")
    cs_key_customer = fields.Boolean(
        string="Key Customer",
        related="commercial_partner_id.cs_key_customer",
        store=True,
    )
    cs_transferred_from_department_id = fields.Many2one(
        comodel_name="hr.department",
        string="Transferred From",
        tracking=True,
        help="Department that handed this request over to customer service.",
    )
    cs_transfer_note = fields.Text(string="Transfer Note")
    cs_escalation_ids = fields.One2many(
        comodel_name="cs.ticket.escalation",
        inverse_name="ticket_id",
        string="Escalations",
    )
    cs_escalation_count = fields.Integer(
        string="Escalation Count",
        compute="_compute_cs_escalation_count",
    )
    cs_escalated = fields.Boolean(
        string="With Engineer",
        compute="_compute_cs_escalated",
        store=True,
        help="An after-sales engineer holds the ticket and has not returned it yet.",
    )
    cs_representative_id = fields.Many2one(
        comodel_name="res.users",
        string="Representative",
        compute="_compute_cs_representative_id",
        store=True,
        index=True,
        help="User who accepted the request: the one who escalated it, otherwise "
        "the assigned user.",
    )
    cs_visit_ids = fields.One2many(
        comodel_name="cs.ticket.visit",
        inverse_name="ticket_id",
        string="On-site Visits",
    )
    cs_visit_count = fields.Integer(
        string="Visit Count",
        compute="_compute_cs_visit_count",
    )
    cs_callback_ids = fields.One2many(
        comodel_name="cs.callback",
        inverse_name="ticket_id",
        string="Callbacks",
    )
    cs_callback_count = fields.Integer(
        string="Callback Count",
        compute="_compute_cs_callback_count",
    )
    cs_satisfaction = fields.Integer(
        string="Satisfaction",
        compute="_compute_cs_satisfaction",
        store=True,
        aggregator="avg",
        help="Satisfaction (0-100) given in the latest completed callback.",
    )
    cs_satisfaction_rated = fields.Boolean(
        string="Satisfaction Rated",
        compute="_compute_cs_satisfaction",
        store=True,
        help="A completed callback of the ticket recorded a satisfaction.",
    )
    # ---- business-change orders ----
    cs_change_order_count = fields.Integer(
        string="Change Order Count",
        compute="_compute_cs_change_order_count",
        groups="cs_department.cs_department_group_representative",
    )

    _sql_constraints = [
        (
            "cs_satisfaction_range",
            "CHECK(cs_satisfaction BETWEEN 0 AND 100)",
            "The satisfaction of a ticket must be between 0 and 100.",
        ),
    ]

    @api.depends("category_id")
    def _compute_cs_request_kind(self):
        for ticket in self:
            if ticket.category_id.cs_request_kind:
                ticket.cs_request_kind = ticket.category_id.cs_request_kind
            elif not ticket.cs_request_kind:
                ticket.cs_request_kind = "consultation"

    def _cs_count_by_ticket(self, model):
        counts = {
            ticket.id: count
            for ticket, count in self.env[model]._read_group(
                [("ticket_id", "in", self.ids)], ["ticket_id"], ["__count"]
            )
        }
        return counts

    def _compute_cs_escalation_count(self):
        counts = self._cs_count_by_ticket("cs.ticket.escalation")
        for ticket in self:
            ticket.cs_escalation_count = counts.get(ticket.id, 0)

    def _compute_cs_visit_count(self):
        counts = self._cs_count_by_ticket("cs.ticket.visit")
        for ticket in self:
            ticket.cs_visit_count = counts.get(ticket.id, 0)

    def _compute_cs_callback_count(self):
        counts = self._cs_count_by_ticket("cs.callback")
        for ticket in self:
            ticket.cs_callback_count = counts.get(ticket.id, 0)

    @api.depends("cs_escalation_ids.returned_date")
    def _compute_cs_escalated(self):
        for ticket in self:
            ticket.cs_escalated = any(
                not esc.returned_date for esc in ticket.cs_escalation_ids
            )

    @api.depends("user_id", "cs_escalation_ids.from_user_id")
    def _compute_cs_representative_id(self):
        for ticket in self:
            first = ticket.cs_escalation_ids.sorted(lambda esc: (esc.date, esc.id))[:1]
            ticket.cs_representative_id = first.from_user_id or ticket.user_id

    @api.depends(
        "cs_callback_ids.state",
        "cs_callback_ids.satisfaction",
        "cs_callback_ids.satisfaction_rated",
    )
    def _compute_cs_satisfaction(self):
        for ticket in self:
            done = ticket.cs_callback_ids.filtered(
                lambda cb: cb.state == "done" and cb.satisfaction_rated
            ).sorted(lambda cb: (cb.done_date, cb.id))
            ticket.cs_satisfaction = done[-1:].satisfaction
            ticket.cs_satisfaction_rated = bool(done)

    # ---------------------------------------------------
    # CRUD
    # ---------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        tickets = super().create(vals_list)
        closed = tickets.filtered(
            lambda ticket: ticket.stage_id.closed and not ticket.stage_id.cs_cancel
        )
        closed._cs_check_can_close()
        closed._cs_create_followup_callbacks()
        return tickets

    def write(self, vals):
        if not self.env.su:
            # Rules of roles and of the ticket's state, which no cs.guard.mixin
            # declaration says; checked on the caller's own values, before
            # helpdesk_mgmt adds its stage bookkeeping (closed_date...) to them.
            self._cs_check_write_allowed(vals)
        closing = self.browse()
        ending = self.browse()
        if vals.get("stage_id"):
            stage = self.env["helpdesk.ticket.stage"].browse(vals["stage_id"])
            if stage.closed:
                # Closed or cancelled: the engineer's escalation ends with it.
                ending = self.filtered("cs_escalated")
            if stage.closed and not stage.cs_cancel:
                # From an open stage, or from a cancellation: done after
                # cancelled is handling it, with the same rules.
                closing = self.filtered(
                    lambda ticket: (
                        not ticket.stage_id.closed or ticket.stage_id.cs_cancel
                    )
                )
        res = super().write(vals)
        # Checked on the written values: the same write may make it a complaint.
        closing._cs_check_can_close()
        closing._cs_create_followup_callbacks()
        ending.cs_escalation_ids._cs_close_with_ticket()
        return res

    # ---------------------------------------------------
    # Business methods
    # ---------------------------------------------------

    def _cs_may_reassign(self):
        """Supervisors and helpdesk managers hand tickets over freely."""
        user = self.env.user
        return user.has_group(
            "cs_department.cs_department_group_supervisor"
        ) or user.has_group("helpdesk_mgmt.group_helpdesk_manager")

    def _cs_check_write_allowed(self, vals):
        """The ticket carries figures its representative is appraised on.

        - A user below supervisor assigns only tickets that are unassigned or
          his own, and only while open: nobody takes a colleague's ticket (and
          its callbacks) nor hands a closed one over.
        - Below supervisor, the customer of a key-customer complaint stays.
        - The request kind of a ticket that was ever closed is locked: a
          closed complaint stays in the complaint rate. Its closing date, which
          says so, is helpdesk_mgmt's stamp of the closing stage only.
        """
        if "closed_date" in vals:
            raise AccessError(
                self.env._("A ticket's closing date is set when it is closed.")
            )
        if "user_id" in vals and not self._cs_may_reassign():
            moved = self.filtered(lambda ticket: ticket.user_id.id != vals["user_id"])
            if moved.filtered(
                lambda ticket: (
                    ticket.closed
                    or (ticket.user_id and ticket.user_id != self.env.user)
                )
            ):
                raise AccessError(
                    self.env._(
                        "Only a supervisor can reassign a ticket of another user "
                        "or a closed ticket."
                    )
                )
        if (
            "partner_id" in vals
            and not self._cs_may_reassign()
            and self.filtered(
                lambda ticket: (
                    ticket.cs_key_customer
                    and ticket.cs_request_kind == "complaint"
                    and ticket.partner_id.id != vals["partner_id"]
                )
            )
        ):
            raise AccessError(
                self.env._(
                    "Only a supervisor can change the customer of a "
                    "key-customer complaint."
                )
            )
        if "cs_request_kind" in vals or "category_id" in vals:
            category = self.env["helpdesk.ticket.category"].browse(
                vals.get("category_id")
            )
            for ticket in self.filtered("closed_date"):
                kind = vals.get(
                    "cs_request_kind",
                    category.cs_request_kind
                    if "category_id" in vals and category.cs_request_kind
                    else ticket.cs_request_kind,
                )
                if kind != ticket.cs_request_kind:
                    raise UserError(
                        self.env._(
                            "The ticket %(ticket)s has been closed: its request "
                            "kind cannot change any more.",
                            ticket=ticket.number,
                        )
                    )

    def _cs_check_can_close(self):
        """Refuse to close a key-customer complaint without an on-site visit."""
        missing = self.sudo().filtered(
            lambda ticket: (
                ticket.cs_request_kind == "complaint"
                and ticket.cs_key_customer
                and not ticket.cs_visit_ids._cs_valid()
            )
        )
        if missing:
            raise UserError(
                self.env._(
                    "A complaint from a key customer can only be closed after an "
                    "on-site visit has been recorded by whoever made it (the "
                    "manager, a supervisor or the engineer). Missing on: %(tickets)s",
                    tickets=", ".join(missing.mapped("number")),
                )
            )

    def _cs_create_followup_callbacks(self):
        """Schedule the follow-up callback of each closed complaint (once), for
        the supervisor of its team or, failing one, its assigned user."""
        complaints = self.sudo().filtered(
            lambda ticket: (
                ticket.cs_request_kind == "complaint"
                and not ticket.cs_callback_ids.filtered(
                    lambda cb: (
                        cb.reason == "complaint_followup" and cb.state != "cancel"
                    )
                )
            )
        )
        vals_list = []
        picked = {}
        for ticket in complaints:
            company = ticket.company_id
            representative = ticket.cs_representative_id
            key = (company, ticket.team_id, representative)
            if key not in picked:
                picked[key] = company._cs_pick_supervisor(
                    ticket.team_id, exclude=representative
                )
            user = picked[key] or ticket.user_id or self.env.user
            delay = company.cs_callback_delay_days
            vals_list.append(
                {
                    "partner_id": (
                        ticket.commercial_partner_id or ticket.partner_id
                    ).id,
                    "ticket_id": ticket.id,
                    "reason": "complaint_followup",
                    # The assignee's today: his time zone, else the company's.
                    "scheduled_date": company._cs_today(user) + timedelta(days=delay),
                    "user_id": user.id,
                    "company_id": ticket.company_id.id,
                }
            )
        vals_list = [vals for vals in vals_list if vals["partner_id"]]
        return self.env["cs.callback"].sudo().create(vals_list)

    # ---------------------------------------------------
    # Actions
    # ---------------------------------------------------

    def action_cs_escalate(self):
        self.ensure_one()
        return {
            "name": self.env._("Escalate to Engineer"),
            "type": "ir.actions.act_window",
            "res_model": "cs.ticket.escalate",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }

    def action_cs_return_to_representative(self):
        return self.cs_escalation_ids.filtered(
            lambda esc: not esc.returned_date
        ).action_return()

    def _cs_open_related(self, model, name):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            f"cs_department.{model.replace('.', '_')}_action"
        )
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {"default_ticket_id": self.id}
        action["name"] = name
        return action

    def action_cs_view_escalations(self):
        return self._cs_open_related("cs.ticket.escalation", self.env._("Escalations"))

    def action_cs_view_visits(self):
        return self._cs_open_related("cs.ticket.visit", self.env._("On-site Visits"))

    def action_cs_view_callbacks(self):
        return self._cs_open_related("cs.callback", self.env._("Callbacks"))

    # ---- business-change orders ----
    def _compute_cs_change_order_count(self):
        counts = self._cs_count_by_ticket("cs.change.order")
        for ticket in self:
            ticket.cs_change_order_count = counts.get(ticket.id, 0)

    def action_cs_view_change_orders(self):
        return self._cs_open_related("cs.change.order", self.env._("Change Orders"))

    # ---- equipment work orders and the CS warehouse ----
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
