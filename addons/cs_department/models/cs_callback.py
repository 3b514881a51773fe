# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

CALLBACK_REASONS = [
    ("complaint_followup", "Complaint Follow-up"),
    ("traffic_anomaly", "Traffic Anomaly"),
    ("activation_notice", "Activation Notice"),
    ("other", "Other"),
]
#: Fields only the callback's actions (and the overdue cron) write.
WORKFLOW_FIELDS = {"state", "done_date", "overdue_flagged"}
#: Fields still editable on a callback that is done.
DONE_FREE_FIELDS = {
    "notes",
    "message_follower_ids",
    "message_main_attachment_id",
    "activity_ids",
}


class CsCallback(models.Model):
    _name = "cs.callback"
    _description = "Customer Callback"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "state desc, scheduled_date, id"
    _check_company_auto = True

    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    ticket_id = fields.Many2one(
        comodel_name="helpdesk.ticket",
        index=True,
        ondelete="set null",
        check_company=True,
    )
    team_id = fields.Many2one(
        related="ticket_id.team_id",
        string="Team",
        store=True,
    )
    representative_id = fields.Many2one(
        related="ticket_id.cs_representative_id",
        string="Representative",
        store=True,
    )
    reason = fields.Selection(
        selection=CALLBACK_REASONS,
        required=True,
        default="other",
        tracking=True,
    )
    scheduled_date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Assigned To",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        tracking=True,
        domain=[("share", "=", False)],
    )
    done_date = fields.Datetime(string="Done On", readonly=True, copy=False)
    satisfaction = fields.Integer(
        aggregator="avg",
        tracking=True,
        help="Customer satisfaction from 0 to 100 (0 = not rated). The 1-5 star "
        "scale is stored as 20, 40, 60, 80, 100.",
    )
    satisfaction_stars = fields.Selection(
        selection=[
            ("0", "Not Rated"),
            ("1", "Very Dissatisfied"),
            ("2", "Dissatisfied"),
            ("3", "Neutral"),
            ("4", "Satisfied"),
            ("5", "Very Satisfied"),
        ],
        string="Stars",
        compute="_compute_satisfaction_stars",
        inverse="_inverse_satisfaction_stars",
        store=True,
        readonly=False,
    )
    satisfaction_passed = fields.Boolean(
        string="Passed",
        compute="_compute_satisfaction_passed",
        help="Satisfaction reaches the company's pass threshold.",
    )
    outcome = fields.Selection(
        selection=[
            ("resolved", "Resolved"),
            ("unresolved", "Problem Persists"),
            ("unreachable", "Customer Unreachable"),
        ],
        tracking=True,
    )
    notes = fields.Text()
    state = fields.Selection(
        selection=[("todo", "To Do"), ("done", "Done"), ("cancel", "Cancelled")],
        required=True,
        default="todo",
        tracking=True,
        copy=False,
    )
    is_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_is_overdue",
        search="_search_is_overdue",
    )
    overdue_flagged = fields.Boolean(copy=False, readonly=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )

    _sql_constraints = [
        (
            "satisfaction_range",
            "CHECK(satisfaction BETWEEN 0 AND 100)",
            "The satisfaction score must be between 0 and 100.",
        ),
    ]

    @api.depends("partner_id", "reason")
    def _compute_display_name(self):
        reasons = dict(self._fields["reason"]._description_selection(self.env))
        for callback in self:
            callback.display_name = self.env._(
                "%(reason)s: %(partner)s",
                reason=reasons.get(callback.reason, ""),
                partner=callback.partner_id.name or "",
            )

    @api.model
    def _satisfaction_to_stars(self, score):
        """Nearest star (halves up); any score given shows at least one star."""
        if not score:
            return "0"
        return str(min(5, max(1, int(score / 20 + 0.5))))

    @api.depends("satisfaction")
    def _compute_satisfaction_stars(self):
        for callback in self:
            callback.satisfaction_stars = self._satisfaction_to_stars(
                callback.satisfaction
            )

    def _inverse_satisfaction_stars(self):
        for callback in self:
            # The form sends the stars recomputed from a score typed on the
            # 0-100 scale too: keep that score, only a new star count rewrites it.
            if callback.satisfaction_stars == self._satisfaction_to_stars(
                callback.satisfaction
            ):
                continue
            callback.satisfaction = int(callback.satisfaction_stars or 0) * 20

    @api.depends("satisfaction", "company_id.cs_satisfaction_threshold")
    def _compute_satisfaction_passed(self):
        for callback in self:
            callback.satisfaction_passed = bool(callback.satisfaction) and (
                callback.satisfaction >= callback.company_id.cs_satisfaction_threshold
            )

    @api.depends("state", "scheduled_date")
    @api.depends_context("tz")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for callback in self:
            callback.is_overdue = (
                callback.state == "todo" and callback.scheduled_date < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the overdue flag."))
        today = fields.Date.context_today(self)
        domain = [("state", "=", "todo"), ("scheduled_date", "<", today)]
        if (operator == "=") == value:
            return domain
        return ["!", "&", *domain]

    @api.constrains("satisfaction")
    def _check_satisfaction(self):
        for callback in self:
            if not 0 <= callback.satisfaction <= 100:
                raise ValidationError(
                    self.env._(
                        "The satisfaction score must be between 0 and 100, got "
                        "%(score)s.",
                        score=callback.satisfaction,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                if vals.get("state", "todo") != "todo" or any(
                    vals.get(name) for name in WORKFLOW_FIELDS - {"state"}
                ):
                    raise UserError(
                        self.env._(
                            "A callback starts as to do: mark it done with its "
                            "Mark Done button."
                        )
                    )
        callbacks = super().create(vals_list)
        for callback in callbacks.filtered(lambda cb: cb.state == "todo"):
            callback.activity_schedule(
                "mail.mail_activity_data_call",
                date_deadline=callback.scheduled_date,
                user_id=callback.user_id.id,
                summary=callback.display_name,
            )
        return callbacks

    def write(self, vals):
        if not self.env.su:
            self._check_write_allowed(vals)
        return super().write(vals)

    def _check_write_allowed(self, vals):
        """State and done date move by the actions only; a callback that is
        done keeps its outcome and score, which feed the satisfaction figures."""
        if WORKFLOW_FIELDS & set(vals):
            raise UserError(
                self.env._(
                    "The state of a callback changes through its Mark Done, "
                    "Cancel and Reopen buttons only."
                )
            )
        done = self.filtered(lambda callback: callback.state == "done")
        if done and set(vals) - DONE_FREE_FIELDS:
            raise UserError(
                self.env._(
                    "The callback %(name)s is done: only its notes can still be "
                    "changed.",
                    name=done[0].display_name,
                )
            )

    def _write_action(self, vals):
        """Write the values of an action after the caller's write right is
        checked; as superuser, since a context key could be forged over RPC."""
        self.check_access("write")
        return self.sudo().write(vals)

    def _requires_satisfaction(self):
        self.ensure_one()
        return self.reason == "complaint_followup" and self.outcome != "unreachable"

    def action_done(self):
        """Record the call as made; outcome (and satisfaction) are required."""
        for callback in self:
            if callback.state != "todo":
                raise UserError(
                    self.env._(
                        "The callback %(name)s is not to do any more.",
                        name=callback.display_name,
                    )
                )
            if not callback.outcome:
                raise UserError(
                    self.env._(
                        "Set the outcome of the callback %(name)s before marking it "
                        "done.",
                        name=callback.display_name,
                    )
                )
            if callback._requires_satisfaction() and not callback.satisfaction:
                raise UserError(
                    self.env._(
                        "Record the customer's satisfaction on the complaint "
                        "follow-up %(name)s before marking it done.",
                        name=callback.display_name,
                    )
                )
        self._write_action({"state": "done", "done_date": fields.Datetime.now()})
        self.activity_feedback(
            ["mail.mail_activity_data_call", "mail.mail_activity_data_todo"]
        )
        return True

    def action_cancel(self):
        if self.filtered(lambda cb: cb.state == "done"):
            raise UserError(self.env._("A callback already done cannot be cancelled."))
        self._write_action({"state": "cancel"})
        self.activity_unlink(
            ["mail.mail_activity_data_call", "mail.mail_activity_data_todo"]
        )
        return True

    def action_reset_to_todo(self):
        if self.filtered(lambda cb: cb.state != "cancel"):
            raise UserError(self.env._("Only cancelled callbacks can be reopened."))
        self._write_action({"state": "todo", "overdue_flagged": False})
        return True

    def _cs_overdue_recipients(self):
        """Map each callback to its assignee, plus a supervisor when the
        assignee is not one: the ticket's follow-up supervisor, else the
        supervisor of the assignee's teams. A few queries for any number."""
        supervisors = (
            self.env.ref("cs_department.cs_department_group_supervisor").sudo().users
        )
        Team = self.env["helpdesk.ticket.team"].sudo()
        teams_by_user = defaultdict(lambda: Team)
        for team in Team.search([("user_ids", "in", self.user_id.ids)]):
            for user in team.user_ids & self.user_id:
                teams_by_user[user] |= team
        picked = {}

        def pick(company, teams):
            key = (company, teams)
            if key not in picked:
                picked[key] = company._cs_pick_supervisor(teams)
            return picked[key]

        recipients = {}
        for callback in self:
            users = callback.user_id
            if users not in supervisors:
                ticket = callback.ticket_id
                if ticket:
                    users |= pick(ticket.company_id, ticket.team_id) or ticket.user_id
                else:
                    users |= pick(callback.company_id, teams_by_user[users])
            recipients[callback] = users
        return recipients

    @api.model
    def _cron_flag_overdue(self):
        """Give each newly overdue callback a to-do for its assignee."""
        overdue = self.search(
            [("is_overdue", "=", True), ("overdue_flagged", "=", False)]
        )
        model_id = self.env["ir.model"]._get_id(self._name)
        todo_type = self.env.ref("mail.mail_activity_data_todo")
        today = fields.Date.context_today(self)
        summary = self.env._("Overdue callback")
        self.env["mail.activity"].create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": callback.id,
                    "activity_type_id": todo_type.id,
                    "automated": True,
                    "date_deadline": today,
                    "user_id": user.id,
                    "summary": summary,
                    "note": self.env._(
                        "This callback was due on %(date)s.",
                        date=callback.scheduled_date,
                    ),
                }
                for callback, users in overdue._cs_overdue_recipients().items()
                for user in users
            ]
        )
        overdue.sudo().write({"overdue_flagged": True})
        return True
