# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

#: Orders in these states are still running: an expedited one can be late.
RUNNING_STATES = ["draft", "verified", "approved", "in_progress"]
#: Fields that stay editable while and after the order is under validation.
FREE_FIELDS = ["user_id", "notification_channel", "note"]


class CsChangeOrder(models.Model):
    _name = "cs.change.order"
    _description = "Business Change Order"
    _inherit = ["tier.validation", "mail.thread", "mail.activity.mixin"]
    _order = "requested_date desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["name", "partner_id.name"]

    # base_tier_validation: reviews are requested once the order is verified
    # with the customer and must be complete before it can be approved.
    _tier_validation_manual_config = False
    _state_from = ["verified"]
    _state_to = ["approved", "in_progress", "activated", "notified", "done"]
    _cancel_state = "cancel"

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
    )
    expedited = fields.Boolean(
        tracking=True, help="Expedited orders must be activated within a due time."
    )
    requested_date = fields.Datetime(
        required=True, default=fields.Datetime.now, tracking=True
    )
    due_date = fields.Datetime(
        string="Due Time",
        compute="_compute_due_date",
        store=True,
        readonly=False,
        help="Expedited orders must be activated before this time.",
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
        comodel_name="res.users", readonly=True, copy=False
    )
    verified_date = fields.Datetime(string="Verified On", readonly=True, copy=False)
    approved_date = fields.Datetime(string="Approved On", readonly=True, copy=False)
    activation_date = fields.Datetime(readonly=True, copy=False, tracking=True)
    notification_date = fields.Datetime(readonly=True, copy=False)
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
    cancel_reason = fields.Text(readonly=True, copy=False, tracking=True)
    reject_reason = fields.Text(readonly=True, copy=False, tracking=True)
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

    @api.depends("expedited", "requested_date", "company_id")
    def _compute_due_date(self):
        for order in self:
            company = order.company_id or self.env.company
            hours = company.cs_change_order_expedited_hours
            order.due_date = (
                order.requested_date + timedelta(hours=hours)
                if order.expedited and order.requested_date
                else False
            )

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

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + FREE_FIELDS

    @api.model
    def _get_all_validation_exceptions(self):
        return super()._get_all_validation_exceptions() + FREE_FIELDS

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # A form may send an empty due time for a new expedited order (its
            # toggle saves without onchange): let the compute set it instead.
            if vals.get("expedited") and not vals.get("due_date"):
                vals.pop("due_date", None)
            if vals.get("name", "/") == "/":
                company = self.env["res.company"].browse(vals.get("company_id"))
                vals["name"] = self.env["ir.sequence"].with_company(
                    company or self.env.company
                ).next_by_code("cs.change.order") or self.env._("New")
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_processed(self):
        if any(order.state not in ("draft", "cancel") for order in self):
            raise UserError(
                self.env._("Only draft or cancelled change orders can be deleted.")
            )

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _check_step(self, step, allowed_states):
        """Refuse a workflow step on orders that are not in one of its states."""
        wrong = self.filtered(lambda order: order.state not in allowed_states)
        if wrong:
            labels = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    'Step "%(step)s" is not possible on change order %(order)s, '
                    'which is in state "%(state)s". It is only possible from: '
                    "%(allowed)s.",
                    step=step,
                    order=wrong[0].name,
                    state=labels[wrong[0].state],
                    allowed=", ".join(labels[state] for state in allowed_states),
                )
            )

    def action_verify(self):
        """Record the verification with the customer and request the approvals."""
        self._check_step(self.env._("Verify"), ["draft"])
        without_lines = self.filtered(lambda order: not order.line_ids)
        if without_lines:
            raise UserError(
                self.env._(
                    "Change order %(order)s has no change line.",
                    order=without_lines[0].name,
                )
            )
        unverified = self.filtered(lambda order: not order.verification_method)
        if unverified:
            raise UserError(
                self.env._(
                    "Tell how change order %(order)s was verified with the customer.",
                    order=unverified[0].name,
                )
            )
        self.write(
            {
                "state": "verified",
                "verified_by_id": self.env.uid,
                "verified_date": fields.Datetime.now(),
            }
        )
        self.invalidate_recordset(["need_validation"])
        self.filtered("need_validation").request_validation()
        return True

    def action_approve(self):
        """Approve the order; refused until every tier review is validated."""
        self._check_step(self.env._("Approve"), ["verified"])
        self.invalidate_recordset(["need_validation"])
        pending = self.filtered(
            lambda order: (
                order.need_validation
                or order.validation_status in ("waiting", "pending", "rejected")
            )
        )
        if pending:
            order = pending[0]
            if order.validation_status == "rejected":
                message = self.env._(
                    "A reviewer rejected change order %(order)s: reject the order "
                    "or restart its validation.",
                    order=order.name,
                )
            elif order.need_validation:
                message = self.env._(
                    "Change order %(order)s needs a validation: request it first.",
                    order=order.name,
                )
            else:
                message = self.env._(
                    "Change order %(order)s is still waiting for its approvals "
                    "(%(next)s).",
                    order=order.name,
                    next=order.next_review or order.validation_status,
                )
            raise UserError(message)
        self.write({"state": "approved", "approved_date": fields.Datetime.now()})
        return True

    def action_start(self):
        self._check_step(self.env._("Start"), ["approved"])
        self.write({"state": "in_progress"})
        return True

    def action_activate(self):
        """Apply the changes to the customer's service lines."""
        self._check_step(self.env._("Activate"), ["in_progress"])
        self.line_ids._apply_to_service_lines()
        self.write({"state": "activated", "activation_date": fields.Datetime.now()})
        return True

    def action_notify_customer(self):
        """Tell the customer the change is active, by email or another channel."""
        self._check_step(self.env._("Notify Customer"), ["activated"])
        missing = self.filtered(lambda order: not order.notification_channel)
        if missing:
            raise UserError(
                self.env._(
                    "Choose how the customer of %(order)s is notified.",
                    order=missing[0].name,
                )
            )
        by_email = self.filtered(lambda order: order.notification_channel == "email")
        no_address = by_email.filtered(lambda order: not order.partner_id.email)
        if no_address:
            raise UserError(
                self.env._(
                    "Customer %(customer)s has no email address: notify by another "
                    "channel.",
                    customer=no_address[0].partner_id.display_name,
                )
            )
        if by_email:
            template = self.env.ref(
                "cs_department.cs_change_order_mail_template_activated"
            )
            by_email.message_post_with_source(
                template,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        labels = dict(
            self._fields["notification_channel"]._description_selection(self.env)
        )
        for order in self - by_email:
            order.message_post(
                body=self.env._(
                    "Customer notified of the activation (%(channel)s).",
                    channel=labels[order.notification_channel],
                )
            )
        self.write({"state": "notified", "notification_date": fields.Datetime.now()})
        return True

    def action_done(self):
        self._check_step(self.env._("Close"), ["notified"])
        self.write({"state": "done"})
        return True

    def action_cancel(self, reason=False):
        self._check_step(self.env._("Cancel"), RUNNING_STATES)
        self.with_context(skip_validation_check=True).write(
            {"state": "cancel", "cancel_reason": reason or False}
        )
        return True

    def action_reject(self, reason=False):
        self._check_step(self.env._("Reject"), ["draft", "verified"])
        self.with_context(skip_validation_check=True).write(
            {"state": "rejected", "reject_reason": reason or False}
        )
        return True

    def action_draft(self):
        """Reopen a cancelled or rejected order; its old reviews are dropped."""
        self._check_step(self.env._("Reset to Draft"), ["cancel", "rejected"])
        self.review_ids.unlink()
        self.write(
            {
                "state": "draft",
                "cancel_reason": False,
                "reject_reason": False,
                "verified_by_id": False,
                "verified_date": False,
            }
        )
        return True

    def request_validation(self):
        reviews = super().request_validation()
        # Base only refreshes the review statuses when the requester can review
        # himself; reviewers must see "pending" reviews (systray) in any case.
        reviews._compute_can_review()
        return reviews

    def validate_tier(self):
        self._check_can_review()
        return super().validate_tier()

    def reject_tier(self):
        self._check_can_review()
        return super().reject_tier()

    def _check_can_review(self):
        """Refuse clearly instead of silently doing nothing (base behaviour)."""
        self.ensure_one()
        if not self.can_review:
            raise UserError(
                self.env._(
                    "You are not a reviewer of the current approval tier of change "
                    "order %(order)s.",
                    order=self.name,
                )
            )
