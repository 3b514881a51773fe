# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression

CALLBACK_REASONS = [
    ("complaint_followup", "Complaint Follow-up"),
    ("traffic_anomaly", "Traffic Anomaly"),
    ("activation_notice", "Activation Notice"),
    ("other", "Other"),
]
#: Fields whose change may make a satisfaction count for its author.
FIGURE_FIELDS = {"ticket_id", "satisfaction", "satisfaction_stars"}
#: Fields that record the customer's satisfaction.
SCORE_FIELDS = {"satisfaction", "satisfaction_stars"}


class CsCallback(models.Model):
    _name = "cs.callback"
    _description = "Customer Callback"
    _inherit = ["mail.thread", "mail.activity.mixin", "cs.guard.mixin"]
    _order = "state desc, scheduled_date, id"
    _check_company_auto = True
    # cs.guard.mixin: state, done date, overdue flag and the satisfaction's
    # recorder are the steps'; a done callback keeps everything but its notes.
    # A traffic-anomaly callback feeds its assignee's callback rate (called
    # back by its scheduled day): he makes the call and writes its outcome and
    # notes, but neither postpones it, hands it over nor changes its reason
    # (``_cs_appraised``). The satisfaction of a callback counts for the
    # representative of its ticket: the rules of who records it, and of the
    # complaint follow-ups, are the callback's own (below).
    _cs_appraised_fields = ("user_id",)
    _cs_closed_states = ("done",)
    _cs_closed_free_fields = ("notes",)

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
        cs_input=True,
    )
    scheduled_date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        tracking=True,
        cs_input=True,
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Assigned To",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        tracking=True,
        domain=[("share", "=", False)],
        cs_input=True,
    )
    done_date = fields.Datetime(
        string="Done On", readonly=True, copy=False, cs_step=True
    )
    satisfaction = fields.Integer(
        aggregator="avg",
        tracking=True,
        help="Customer satisfaction from 0 to 100; empty until it is recorded "
        "(a recorded 0 is a real 0). The 1-5 star scale is stored as 20, 40, 60, "
        "80, 100.",
    )
    satisfaction_rated = fields.Boolean(
        string="Rated",
        compute="_compute_satisfaction_rated",
        store=True,
        help="A satisfaction was recorded, 0 included: only rated callbacks count "
        "in the figures.",
    )
    recorded_by_id = fields.Many2one(
        comodel_name="res.users",
        string="Satisfaction Recorded By",
        readonly=True,
        copy=False,
        cs_step=True,
        help="Who recorded the satisfaction: it never counts in his own figures, "
        "personal or of the team he leads. Empty: recorded before the recorder "
        "was kept.",
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
        cs_step=True,
    )
    is_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_is_overdue",
        search="_search_is_overdue",
    )
    overdue_flagged = fields.Boolean(copy=False, readonly=True, cs_step=True)
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
    def _satisfaction_to_stars(self, score, rated):
        """Nearest star (halves up); any score given, 0 included, shows at
        least one star."""
        if not rated:
            return "0"
        return str(min(5, max(1, int(score / 20 + 0.5))))

    @api.depends("satisfaction")
    def _compute_satisfaction_rated(self):
        # A score above 0 is rated; a recorded 0 is marked by ``write``.
        for callback in self:
            callback.satisfaction_rated = bool(callback.satisfaction)

    @api.depends("satisfaction", "satisfaction_rated")
    def _compute_satisfaction_stars(self):
        for callback in self:
            callback.satisfaction_stars = self._satisfaction_to_stars(
                callback.satisfaction, callback.satisfaction_rated
            )

    def _inverse_satisfaction_stars(self):
        for callback in self:
            # The form sends the stars recomputed from a score typed on the
            # 0-100 scale too: keep that score, only a new star count rewrites it.
            if callback.satisfaction_stars == self._satisfaction_to_stars(
                callback.satisfaction, callback.satisfaction_rated
            ):
                continue
            if callback.satisfaction_stars in (False, "0"):
                # "Not Rated": no score, not even 0
                callback._cs_step({"satisfaction": 0, "satisfaction_rated": False})
            else:
                callback.satisfaction = int(callback.satisfaction_stars) * 20

    @api.depends(
        "satisfaction", "satisfaction_rated", "company_id.cs_satisfaction_threshold"
    )
    def _compute_satisfaction_passed(self):
        for callback in self:
            callback.satisfaction_passed = callback.satisfaction_rated and (
                callback.satisfaction >= callback.company_id.cs_satisfaction_threshold
            )

    def _cs_today(self):
        """Today for this callback: its assignee's, in his time zone, else in
        the company's (the same whoever looks at it, and for the cron)."""
        self.ensure_one()
        return self.company_id._cs_today(self.user_id)

    @api.depends("state", "scheduled_date", "user_id.tz", "company_id")
    def _compute_is_overdue(self):
        for callback in self:
            callback.is_overdue = (
                callback.state == "todo"
                and callback.scheduled_date < callback._cs_today()
            )

    @api.model
    def _cs_overdue_domain(self):
        """To-do callbacks due before their assignee's today, as a domain: one
        branch per time zone in use (users' own, then companies' for users
        without one), not a query per callback."""
        Users = self.env["res.users"].sudo().with_context(active_test=False)
        branches = []
        for [tz] in Users._read_group([("tz", "!=", False)], ["tz"]):
            today = fields.Date.context_today(self.with_context(tz=tz))
            branches.append([("user_id.tz", "=", tz), ("scheduled_date", "<", today)])
        for company in self.env["res.company"].sudo().search([]):
            branches.append(
                [
                    ("user_id.tz", "=", False),
                    ("company_id", "=", company.id),
                    ("scheduled_date", "<", company._cs_today()),
                ]
            )
        return expression.AND([[("state", "=", "todo")], expression.OR(branches)])

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the overdue flag."))
        domain = self._cs_overdue_domain()
        if (operator == "=") == value:
            return domain
        return ["!", *expression.normalize_domain(domain)]

    @api.model_create_multi
    def create(self, vals_list):
        callbacks = super().create(vals_list)
        if not self.env.su:
            callbacks.filtered("satisfaction_rated")._cs_record_scorer()
        for callback in callbacks.filtered(lambda cb: cb.state == "todo"):
            callback.activity_schedule(
                "mail.mail_activity_data_call",
                date_deadline=callback.scheduled_date,
                user_id=callback.user_id.id,
                summary=callback.display_name,
            )
        return callbacks

    def write(self, vals):
        result = super().write(vals)
        if "satisfaction_rated" not in vals and (
            "satisfaction" in vals
            or vals.get("satisfaction_stars") not in (None, False, "0")
        ):
            # A score given, 0 included; "Not Rated" stars leave it unrated.
            self.filtered(lambda callback: not callback.satisfaction_rated)._cs_step(
                {"satisfaction_rated": True}
            )
        if not self.env.su and FIGURE_FIELDS & set(vals):
            # On the values written: who records a score, on which ticket.
            if "ticket_id" in vals:
                self.ticket_id.check_access("read")
            self._cs_check_figure_author()
            if SCORE_FIELDS & set(vals):
                self._cs_record_scorer()
        return result

    def _cs_record_scorer(self):
        """The current user recorded the satisfaction of these callbacks."""
        self.sudo().write({"recorded_by_id": self.env.uid})

    def _cs_appraised(self):
        # Only a traffic-anomaly callback feeds its assignee's figure (the
        # callback rate); the others are checked by the rules below.
        if self.sudo().reason != "traffic_anomaly":
            return self.env["res.users"]
        return super()._cs_appraised()

    # ---- the rules of a callback of its own (cs.guard.mixin hooks) ----
    def _cs_guard_created(self, vals_list):
        result = super()._cs_guard_created(vals_list)
        # On the created records: values may come from default_* keys too.
        self._cs_check_create_allowed()
        return result

    def _cs_guard_write(self, vals):
        result = super()._cs_guard_write(vals)
        self._cs_check_followup_write(vals)
        return result

    # ---- who produces the satisfaction figures ----
    # A callback's satisfaction counts for the representative of its ticket:
    # he never records it. Complaint follow-ups are created by the system when
    # a complaint closes, assigned to a supervisor (never the representative),
    # and completed by their assignee only.

    def _cs_followups(self):
        return self.filtered(lambda callback: callback.reason == "complaint_followup")

    def _cs_representative(self):
        self.ensure_one()
        return self.sudo().ticket_id.cs_representative_id

    def _cs_check_create_allowed(self):
        if self._cs_followups():
            raise AccessError(
                self.env._(
                    "Complaint follow-ups are scheduled when a complaint is "
                    "closed: they cannot be created by hand."
                )
            )
        # A callback is about a ticket its author can see.
        self.ticket_id.check_access("read")
        self._cs_check_figure_author()

    def _cs_check_figure_author(self, recording=True):
        """Nobody completes a rated callback on his own ticket; when
        ``recording`` a score, only a supervisor records one on a ticket (so
        that representatives do not rate each other). Complaint follow-ups
        are recorded by their assignee (``_cs_check_followup_assignee``)."""
        user = self.env.user
        rated = self.filtered("satisfaction_rated")
        if any(callback._cs_representative() == user for callback in rated):
            raise AccessError(
                self.env._(
                    "The satisfaction of a callback on your own ticket counts in "
                    "your appraisal: another person records it."
                )
            )
        if (
            recording
            and (rated - rated._cs_followups()).sudo().ticket_id
            and not user.has_group("cs_department.cs_department_group_supervisor")
        ):
            raise AccessError(
                self.env._(
                    "The satisfaction of a callback on a ticket counts in its "
                    "representative's appraisal: a supervisor records it."
                )
            )

    def _cs_check_followup_write(self, vals):
        """Complaint follow-ups keep their reason; only a supervisor reassigns
        or reschedules them, only their assignee records the call, and the
        ticket's representative touches none of it."""
        if "reason" in vals and (
            vals["reason"] == "complaint_followup" or self._cs_followups()
        ):
            raise AccessError(
                self.env._(
                    "Complaint follow-ups are scheduled when a complaint is "
                    "closed: no callback becomes one or stops being one by hand."
                )
            )
        followups = self._cs_followups()
        free = self._cs_free_fields()
        if not followups or not set(vals) - free:
            return
        if "user_id" in vals or "scheduled_date" in vals:
            followups._cs_check_followup_manager()
        if set(vals) - free - {"user_id", "scheduled_date"}:
            followups._cs_check_followup_assignee()
        if "user_id" in vals:
            user = self.env["res.users"].browse(vals["user_id"])
            if any(callback._cs_representative() == user for callback in followups):
                raise ValidationError(
                    self.env._(
                        "A complaint follow-up is never assigned to the "
                        "representative of the complaint."
                    )
                )

    def _cs_check_not_representative(self):
        user = self.env.user
        if any(callback._cs_representative() == user for callback in self):
            raise AccessError(
                self.env._(
                    "The follow-up of your own complaint is done by someone else."
                )
            )

    def _cs_check_followup_assignee(self):
        """Only the assignee records the call of a complaint follow-up."""
        self._cs_check_not_representative()
        if self.filtered(lambda callback: callback.user_id != self.env.user):
            raise AccessError(
                self.env._(
                    "Only the user a complaint follow-up is assigned to records "
                    "its call."
                )
            )

    def _cs_check_followup_manager(self):
        """Only a supervisor reassigns, reschedules, cancels or reopens a
        complaint follow-up."""
        self._cs_check_not_representative()
        if not self.env.user.has_group("cs_department.cs_department_group_supervisor"):
            raise AccessError(
                self.env._(
                    "Only a supervisor reassigns, reschedules, cancels or reopens "
                    "a complaint follow-up."
                )
            )

    def _requires_satisfaction(self):
        self.ensure_one()
        return self.reason == "complaint_followup" and self.outcome != "unreachable"

    def _cs_check_action(self, manage=False):
        """Who may complete (or, with ``manage``, cancel and reopen)."""
        if self.env.su:
            return
        followups = self._cs_followups()
        if manage:
            followups._cs_check_followup_manager()
        else:
            followups._cs_check_followup_assignee()
            (self - followups)._cs_check_figure_author(recording=False)

    def action_done(self):
        """Record the call as made; outcome (and satisfaction) are required."""
        self._cs_check_action()
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
            if callback._requires_satisfaction() and not callback.satisfaction_rated:
                raise UserError(
                    self.env._(
                        "Record the customer's satisfaction on the complaint "
                        "follow-up %(name)s before marking it done.",
                        name=callback.display_name,
                    )
                )
        self._cs_step({"state": "done", "done_date": fields.Datetime.now()})
        self.activity_feedback(
            ["mail.mail_activity_data_call", "mail.mail_activity_data_todo"]
        )
        return True

    def action_cancel(self):
        self._cs_check_action(manage=True)
        if self.filtered(lambda cb: cb.state == "done"):
            raise UserError(self.env._("A callback already done cannot be cancelled."))
        self._cs_step({"state": "cancel"})
        self.activity_unlink(
            ["mail.mail_activity_data_call", "mail.mail_activity_data_todo"]
        )
        return True

    def action_reset_to_todo(self):
        self._cs_check_action(manage=True)
        if self.filtered(lambda cb: cb.state != "cancel"):
            raise UserError(self.env._("Only cancelled callbacks can be reopened."))
        self._cs_step({"state": "todo", "overdue_flagged": False})
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
        vals_list = []
        for callback, users in overdue._cs_overdue_recipients().items():
            for user in users:
                # a job writes it: in the recipient's language
                env = callback.with_context(lang=user.lang).env
                vals_list.append(
                    {
                        "res_model_id": model_id,
                        "res_id": callback.id,
                        "activity_type_id": todo_type.id,
                        "automated": True,
                        "date_deadline": callback.company_id._cs_today(user),
                        "user_id": user.id,
                        "summary": env._("Overdue callback"),
                        "note": env._(
                            "This callback was due on %(date)s.",
                            date=callback.scheduled_date,
                        ),
                    }
                )
        self.env["mail.activity"].create(vals_list)
        overdue.sudo().write({"overdue_flagged": True})
        return True
