# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

#: Orders in these states are still running: one past its due time is late.
RUNNING_STATES = ["draft", "verified", "approved", "in_progress"]
#: Every state past the draft: what was verified with the customer and
#: approved is what gets activated, so the order (and its changes) is frozen.
PROCESSED_STATES = (
    "verified",
    "approved",
    "in_progress",
    "activated",
    "notified",
    "done",
    "cancel",
    "rejected",
)


class CsChangeOrder(models.Model):
    """A business change order; its workflow steps are in
    ``cs_change_order_workflow.py``, on this same model."""

    _name = "cs.change.order"
    _description = "Business Change Order"
    _inherit = [
        "cs.guard.mixin",
        "cs.tier.validation",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "requested_date desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["name", "partner_id.name"]

    # base_tier_validation: reviews are requested once the order is verified
    # with the customer and must be complete before it can be approved.
    _tier_validation_manual_config = False
    _state_from = ["verified"]
    _state_to = ["approved", "in_progress", "activated", "notified", "done"]
    _cancel_state = "cancel"
    # cs.guard.mixin: the state and the workflow dates and reasons (cs_step
    # fields) are written by the workflow steps only; past the draft only the
    # representative, the notification channel and the notes change, which
    # the tier validation lets through as well.
    _cs_closed_states = PROCESSED_STATES
    _cs_closed_free_fields = ("user_id", "notification_channel", "note")
    _cs_unlink_states = ("draft", "cancel")
    _cs_tier_free_fields = list(_cs_closed_free_fields)

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    ticket_id = fields.Many2one(
        comodel_name="helpdesk.ticket",
        string="Originating Ticket",
        index="btree_not_null",
        tracking=True,
        check_company=True,
        domain="[('partner_id', '=?', partner_id)]",
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Representative",
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
    )
    line_ids = fields.One2many(
        comodel_name="cs.change.order.line",
        inverse_name="order_id",
        string="Changes",
        copy=True,
    )
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("verified", "Verified"),
            ("approved", "Approved"),
            ("in_progress", "In Progress"),
            ("activated", "Activated"),
            ("notified", "Customer Notified"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
            ("rejected", "Rejected"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        group_expand=True,
        cs_step=True,
    )
    expedited = fields.Boolean(
        tracking=True, help="Expedited orders must be activated within a due time."
    )
    requested_date = fields.Datetime(
        required=True, default=fields.Datetime.now, tracking=True
    )
    sla_id = fields.Many2one(
        comodel_name="helpdesk.sla",
        string="SLA Rule",
        compute="_compute_sla_id",
        store=True,
        help="The business-change SLA rule the order is activated within "
        "(expedited or normal, set in the settings): the tickets' rule.",
    )
    due_date = fields.Datetime(
        string="Due Time",
        compute="_compute_due_date",
        store=True,
        help="The order is activated on time before this time: its SLA rule's "
        "delay counted in the working hours of its team, from the request.",
    )
    late = fields.Boolean(compute="_compute_late", search="_search_late")
    verification_method = fields.Selection(
        selection=[
            ("phone", "Phone Call"),
            ("email", "Email"),
            ("on_site", "On Site"),
            ("letter", "Signed Letter"),
            ("other", "Other"),
        ],
        string="Verified By Means Of",
        default="phone",
        tracking=True,
        help="How the request was verified with the customer.",
    )
    verified_by_id = fields.Many2one(
        comodel_name="res.users", readonly=True, copy=False, cs_step=True
    )
    verified_date = fields.Datetime(
        string="Verified On", readonly=True, copy=False, cs_step=True
    )
    approved_date = fields.Datetime(
        string="Approved On", readonly=True, copy=False, cs_step=True
    )
    activation_date = fields.Datetime(
        readonly=True, copy=False, tracking=True, cs_step=True
    )
    notification_date = fields.Datetime(readonly=True, copy=False, cs_step=True)
    notification_channel = fields.Selection(
        selection=[
            ("email", "Email"),
            ("phone", "Phone Call"),
            ("sms", "Text Message"),
            ("on_site", "On Site"),
        ],
        default="email",
        tracking=True,
        help="How the customer is told that the change is active.",
    )
    cancel_reason = fields.Text(readonly=True, copy=False, tracking=True, cs_step=True)
    reject_reason = fields.Text(readonly=True, copy=False, tracking=True, cs_step=True)
    correction_count = fields.Integer(
        string="Corrections",
        readonly=True,
        copy=False,
        tracking=True,
        cs_step=True,
        help="Times the order was reset to draft after a rejection or a "
        "cancellation, or had its approval restarted after a rejected review: "
        "an order corrected is not handled accurately.",
    )
    lead_time = fields.Float(
        string="Lead Time (Hours)",
        compute="_compute_lead_time",
        store=True,
        aggregator="avg",
        help="Hours from the request to the activation.",
    )
    note = fields.Html(string="Notes")

    @api.depends("ticket_id")
    def _compute_partner_id(self):
        for order in self:
            if order.ticket_id.partner_id:
                order.partner_id = order.ticket_id.partner_id

    @api.depends("expedited", "company_id")
    def _compute_sla_id(self):
        for order in self:
            company = order.company_id or self.env.company
            order.sla_id = (
                company.cs_change_order_expedited_sla_id
                if order.expedited
                else company.cs_change_order_sla_id
            )

    def _cs_calendar(self):
        """The working hours the order's delay is counted in: those of its
        ticket's team, as the ticket's SLA, else of the company's default
        team, else the company's."""
        self.ensure_one()
        company = (self.company_id or self.env.company).sudo()
        return (
            self.ticket_id.sudo().team_id.resource_calendar_id
            or company.cs_default_team_id.resource_calendar_id
            or company.resource_calendar_id
        )

    @api.model
    def _cs_delay_text(self, rule):
        """``rule``'s delay in words ("2 working days", "1 working day and 4
        working hours"); "the time agreed with you" without a rule."""
        rule = rule.sudo()
        if not rule:
            return self.env._("the time agreed with you")
        parts = []
        if rule.days:
            parts.append(
                self.env._("%(count)s working days", count=rule.days)
                if rule.days > 1
                else self.env._("1 working day")
            )
        if rule.hours or not rule.days:
            parts.append(
                self.env._("%(count)s working hours", count=rule.hours)
                if rule.hours != 1
                else self.env._("1 working hour")
            )
        return self.env._(" and ").join(parts)

    @api.depends("sla_id", "requested_date", "ticket_id")
    def _compute_due_date(self):
        for order in self:
            rule = order.sla_id.sudo()
            calendar = order._cs_calendar()
            if not (rule and order.requested_date and calendar):
                order.due_date = False
                continue
            # helpdesk_mgmt_sla's deadline: the rule's hours plus its days of
            # the calendar's hours per day, planned in the working hours
            deadline = calendar.plan_hours(
                rule.hours + rule.days * calendar.hours_per_day,
                order.requested_date,
                compute_leaves=True,
            )
            # planned in float hours: to the nearest second, as stored
            order.due_date = deadline and (
                deadline + timedelta(microseconds=500000)
            ).replace(microsecond=0)

    @api.depends("due_date", "state")
    def _compute_late(self):
        now = fields.Datetime.now()
        for order in self:
            order.late = bool(
                order.due_date
                and order.state in RUNNING_STATES
                and order.due_date < now
            )

    def _search_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the late flag."))
        now = fields.Datetime.now()
        if (operator == "=") == value:
            return [("due_date", "<", now), ("state", "in", RUNNING_STATES)]
        return [
            "|",
            "|",
            ("due_date", "=", False),
            ("due_date", ">=", now),
            ("state", "not in", RUNNING_STATES),
        ]

    @api.depends("requested_date", "activation_date")
    def _compute_lead_time(self):
        for order in self:
            if order.requested_date and order.activation_date:
                delta = order.activation_date - order.requested_date
                order.lead_time = delta.total_seconds() / 3600.0
            else:
                order.lead_time = 0.0

    @api.constrains("partner_id", "ticket_id", "line_ids")
    def _check_lines_customer(self):
        """Switching the customer of an order keeps no change on the lines of
        the first customer: remove them first."""
        self.line_ids._check_service_line_customer()

    def _cs_tier_requesters(self):
        # Whoever verified the order asked for its approval, even when a
        # colleague restarted the validation afterwards.
        return super()._cs_tier_requesters() | self.verified_by_id

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                company = self.env["res.company"].browse(vals.get("company_id"))
                vals["name"] = self.env["ir.sequence"].with_company(
                    company or self.env.company
                ).next_by_code("cs.change.order") or self.env._("New")
        return super().create(vals_list)
