# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64
from datetime import timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.cs_kpi.tools import validate

from ..tools.report_period import PERIOD_TYPES, period_bounds

MANAGER = "cs_department.cs_department_group_manager"


class CsReportSubmission(models.Model):
    """A periodic report due from a person to a recipient, and its submission.

    The scheduled jobs plan one per submitter and period; the submitter
    attaches the workbook and submits it; the recipient scores its quality.
    Timeliness and the quality score count in the submitter's appraisal, so
    he never writes either.
    """

    _name = "cs.report.submission"
    _description = "Periodic Report Submission"
    _inherit = ["mail.thread", "mail.activity.mixin", "cs.guard.mixin"]
    _order = "due_date desc, id desc"
    # cs.guard.mixin: a department manager plans who submits what to whom, by
    # when (cs_write_groups); timeliness and score count for the submitter, so
    # he never plans, re-plans, deletes or scores his own reports, a manager
    # included (cs_input, _cs_appraised_fields); submission and scorer are the
    # steps'; a submitted report keeps everything but its score.
    _cs_appraised_fields = ("submitter_id",)
    _cs_closed_states = ("submitted",)
    _cs_closed_free_fields = ("quality_score",)

    name = fields.Char(compute="_compute_name", store=True)
    submitter_id = fields.Many2one(
        comodel_name="res.users",
        required=True,
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
        cs_input=True,
        cs_write_groups=MANAGER,
    )
    recipient_id = fields.Many2one(
        comodel_name="res.users",
        required=True,
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
        cs_input=True,
        cs_write_groups=MANAGER,
        help="Receives and scores the report (the General Manager).",
    )
    period_type = fields.Selection(
        selection=PERIOD_TYPES,
        string="Kind",
        required=True,
        tracking=True,
        cs_input=True,
        cs_write_groups=MANAGER,
    )
    date_from = fields.Date(
        string="Period Start", required=True, cs_input=True, cs_write_groups=MANAGER
    )
    date_to = fields.Date(
        string="Period End", required=True, cs_input=True, cs_write_groups=MANAGER
    )
    due_date = fields.Date(
        required=True,
        tracking=True,
        index=True,
        cs_input=True,
        cs_write_groups=MANAGER,
    )
    team_id = fields.Many2one(
        comodel_name="helpdesk.ticket.team",
        cs_input=True,
        cs_write_groups=MANAGER,
        help="Team the report covers; empty for the whole department.",
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
        cs_input=True,
        cs_write_groups=MANAGER,
    )
    workbook = fields.Binary(attachment=True, copy=False)
    workbook_name = fields.Char(copy=False)
    submitted_on = fields.Datetime(
        readonly=True, copy=False, tracking=True, cs_step=True
    )
    submitted_by_id = fields.Many2one(
        comodel_name="res.users", readonly=True, copy=False, cs_step=True
    )
    state = fields.Selection(
        selection=[("to_submit", "To Submit"), ("submitted", "Submitted")],
        compute="_compute_timeliness",
        store=True,
        tracking=True,
    )
    on_time = fields.Boolean(
        compute="_compute_timeliness",
        store=True,
        help="Submitted no later than the due date, in the company's time zone.",
    )
    late = fields.Boolean(
        compute="_compute_timeliness",
        store=True,
        help="Submitted after the due date.",
    )
    quality_score = fields.Integer(
        tracking=True,
        aggregator="avg",
        copy=False,
        cs_input=True,
        help="Quality of the report (0-100), scored by its recipient.",
    )
    scored_by_id = fields.Many2one(
        comodel_name="res.users", readonly=True, copy=False, cs_step=True
    )
    scored_on = fields.Datetime(readonly=True, copy=False, cs_step=True)
    quality_scored = fields.Boolean(
        string="Scored",
        compute="_compute_quality_scored",
        search="_search_quality_scored",
        help="The recipient has given the quality score. An unscored report "
        "shows no score, and never counts as 0 in any figure.",
    )
    is_submitter = fields.Boolean(
        compute="_compute_is_submitter", help="Technical: the current user submits it."
    )
    is_recipient = fields.Boolean(
        compute="_compute_is_submitter", help="Technical: the current user receives it."
    )

    _sql_constraints = [
        (
            "quality_score_range",
            "CHECK(quality_score BETWEEN 0 AND 100)",
            "The quality score of a report must be between 0 and 100.",
        ),
        (
            "period_order",
            "CHECK(date_from <= date_to)",
            "A report period cannot end before it starts.",
        ),
        (
            "not_own_recipient",
            "CHECK(submitter_id != recipient_id)",
            "Nobody submits a report to himself.",
        ),
        (
            "unique_report",
            "UNIQUE NULLS NOT DISTINCT (submitter_id, period_type, date_from, team_id)",
            "This report is already planned for this person and period.",
        ),
    ]

    @api.depends("period_type", "date_from", "date_to", "team_id")
    def _compute_name(self):
        for submission in self:
            submission.name = self._cs_report_title(
                submission.period_type,
                submission.date_from,
                submission.date_to,
                submission.team_id,
            )

    @api.model
    def _cs_report_title(self, period_type, date_from, date_to, team):
        """The name of the periodic report of a period (kind and bounds) and a
        team (an empty one for the department): the submission's name, and
        the workbook's when it is downloaded from the generation wizard."""
        kinds = dict(self._fields["period_type"]._description_selection(self.env))
        name = self.env._(
            "%(kind)s report %(start)s - %(end)s",
            kind=kinds.get(period_type, ""),
            start=date_from or "",
            end=date_to or "",
        )
        return f"{name} ({team.name})" if team else name

    @api.model
    def _cs_timeliness_domain(self, date_from, date_to, today):
        """The reports whose timeliness counts for a period: due in it and
        submitted, or still not submitted once their due date (before
        ``today``) has passed; one not yet due does not count."""
        return [
            ("due_date", ">=", date_from),
            ("due_date", "<=", date_to),
            "|",
            ("state", "=", "submitted"),
            ("due_date", "<", today),
        ]

    @api.depends("scored_by_id")
    def _compute_quality_scored(self):
        # Odoo keeps no empty integer: the scorer, recorded with the score,
        # tells a score of 0 from none.
        for submission in self:
            submission.quality_scored = bool(submission.scored_by_id)

    def _search_quality_scored(self, operator, value):
        if operator not in ("=", "!="):
            return NotImplemented
        scored = (operator == "=") == bool(value)
        return [("scored_by_id", "!=" if scored else "=", False)]

    @api.depends_context("uid")
    @api.depends("submitter_id", "recipient_id")
    def _compute_is_submitter(self):
        for submission in self:
            submission.is_submitter = submission.submitter_id.id == self.env.uid
            submission.is_recipient = submission.recipient_id.id == self.env.uid

    @api.depends("submitted_on", "due_date", "company_id")
    def _compute_timeliness(self):
        for submission in self:
            submitted = submission.submitted_on
            submission.state = "submitted" if submitted else "to_submit"
            if submitted and submission.due_date:
                tz = pytz.timezone(submission.company_id._cs_tz())
                day = pytz.utc.localize(submitted).astimezone(tz).date()
                submission.on_time = day <= submission.due_date
            else:
                submission.on_time = False
            submission.late = bool(submitted) and not submission.on_time

    # ---- the rules of a report of its own (cs.guard.mixin hooks) ----
    def _cs_guard_created(self, vals_list):
        result = super()._cs_guard_created(vals_list)
        # Scored by its recipient once submitted, which a new report is not.
        if self.filtered("quality_score"):
            raise AccessError(
                self.env._("Only the recipient of a report scores its quality.")
            )
        return result

    def _cs_guard_write(self, vals):
        result = super()._cs_guard_write(vals)
        # The score is the recipient's, the workbook the submitter's: who may
        # write them depends on the record, not on a group.
        user = self.env.user
        if "quality_score" in vals:
            if any(submission.recipient_id != user for submission in self):
                raise AccessError(
                    self.env._("Only the recipient of a report scores its quality.")
                )
            if any(submission.state != "submitted" for submission in self):
                raise UserError(self.env._("Only a submitted report can be scored."))
        if {"workbook", "workbook_name"} & set(vals) and any(
            submission.submitter_id != user for submission in self
        ):
            raise AccessError(
                self.env._("Only the submitter attaches the report's workbook.")
            )
        return result

    def write(self, vals):
        # An unscored report has no score to change from 0: its first score
        # is logged as given, not tracked as "0 -> score".
        first = self.browse()
        if "quality_score" in vals and not self.env.su:
            first = self.filtered(lambda submission: not submission.scored_by_id)
            if first and first != self:
                return (self - first).write(vals) and first.write(vals)
        result = super(
            CsReportSubmission, self.with_context(mail_notrack=True) if first else self
        ).write(vals)
        for submission in first:
            submission.message_post(
                body=self.env._(
                    "Quality score given: %(score)s", score=submission.quality_score
                ),
                subtype_xmlid="mail.mt_note",
            )
        # Not a guard: the scorer is recorded and the scores become the
        # scorer's evaluations of the submitter.
        if "quality_score" in vals and not self.env.su:
            self.sudo().write(
                {"scored_by_id": self.env.uid, "scored_on": fields.Datetime.now()}
            )
        if "scored_by_id" in vals or ("quality_score" in vals and self.env.su):
            self.env["cs.kpi.evaluation"]._cs_sync_report_scores_of_submissions(self)
        return result

    # ---- steps ----
    def _cs_report_data(self):
        self.ensure_one()
        return {
            "period_type": self.period_type,
            "date_from": fields.Date.to_string(self.date_from),
            "date_to": fields.Date.to_string(self.date_to),
            "team_id": self.team_id.id,
            "company_id": self.company_id.id,
        }

    def action_generate_workbook(self):
        """Attach the generated workbook of the report's period and scope."""
        report = self.env.ref("cs_department.cs_service_report_xlsx")
        for submission in self:
            if submission.submitter_id != self.env.user and not self.env.su:
                raise AccessError(
                    self.env._("Only the submitter attaches the report's workbook.")
                )
            content, _ext = report.sudo()._render_xlsx(
                report.report_name, submission.ids, submission._cs_report_data()
            )
            submission.write(
                {
                    "workbook": base64.b64encode(content),
                    "workbook_name": f"{submission.name}.xlsx",
                }
            )
        return True

    def action_submit(self):
        for submission in self:
            if submission.submitter_id != self.env.user and not self.env.su:
                raise AccessError(self.env._("Only the submitter submits his report."))
            if submission.state == "submitted":
                raise UserError(
                    self.env._("%(name)s is already submitted.", name=submission.name)
                )
            if not submission.workbook:
                raise UserError(
                    self.env._(
                        "Attach the workbook of %(name)s before submitting it.",
                        name=submission.name,
                    )
                )
        self.sudo().write(
            {"submitted_on": fields.Datetime.now(), "submitted_by_id": self.env.uid}
        )
        self.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def action_send(self):
        """Submit, then email the workbook to the recipient."""
        self.action_submit()
        for submission in self:
            attachment = (
                self.env["ir.attachment"]
                .sudo()
                .search(
                    [
                        ("res_model", "=", self._name),
                        ("res_id", "=", submission.id),
                        ("res_field", "=", "workbook"),
                    ],
                    limit=1,
                )
            )
            copy = attachment.copy(
                {"res_field": False, "name": submission.workbook_name}
            )
            submission.message_post(
                body=self.env._("Report submitted: %(name)s", name=submission.name),
                partner_ids=submission.recipient_id.partner_id.ids,
                attachment_ids=copy.ids,
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def action_score(self, score):
        """The recipient scores the report's quality (0-100)."""
        error = validate.number_error(
            self.env,
            score,
            validate.field_label(self, "quality_score"),
            0,
            100,
            integer=True,
        )
        if error:
            raise ValidationError(error)
        return self.write({"quality_score": int(score)})

    # ---- scheduled jobs: plan the reports due ----
    @api.model
    def _cs_submitters(self, company):
        """``[(user, team)]``: the department managers report on the whole
        department, team leaders on their team."""
        recipient = company.cs_report_recipient_id
        managers = self.env.ref(MANAGER).users.filtered(
            lambda user: (
                not user.share
                and company in user.company_ids
                and user != recipient
                and user.id not in (1, self.env.ref("base.user_admin").id)
            )
        )
        teams = (
            self.env["helpdesk.ticket.team"]
            .sudo()
            .search(
                [
                    ("user_id", "!=", False),
                    ("user_id", "not in", managers.ids),
                    ("company_id", "in", [company.id, False]),
                ]
            )
        )
        pairs = [(user, self.env["helpdesk.ticket.team"]) for user in managers]
        pairs += [(team.user_id, team) for team in teams if team.user_id != recipient]
        return pairs

    @api.model
    def _cron_plan_reports(self, period_type):
        """Plan the ``period_type`` reports of the period that just ended,
        one per submitter, each with a to-do; already planned ones are kept."""
        todo_type = self.env.ref("mail.mail_activity_data_todo")
        vals_list = []
        for company in self.env["res.company"].search(
            [("cs_report_recipient_id", "!=", False)]
        ):
            today = company._cs_today()
            date_from, date_to = period_bounds(
                period_type, period_bounds(period_type, today)[0] - timedelta(days=1)
            )
            existing = {
                (sub.submitter_id.id, sub.team_id.id)
                for sub in self.sudo().search(
                    [
                        ("company_id", "=", company.id),
                        ("period_type", "=", period_type),
                        ("date_from", "=", date_from),
                    ]
                )
            }
            for user, team in self._cs_submitters(company):
                if (user.id, team.id) in existing:
                    continue
                vals_list.append(
                    {
                        "submitter_id": user.id,
                        "recipient_id": company.cs_report_recipient_id.id,
                        "period_type": period_type,
                        "date_from": date_from,
                        "date_to": date_to,
                        "due_date": date_to
                        + timedelta(days=company.cs_report_due_days),
                        "team_id": team.id,
                        "company_id": company.id,
                    }
                )
        submissions = self.sudo().create(vals_list)
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].sudo().create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": submission.id,
                    "activity_type_id": todo_type.id,
                    "automated": True,
                    "user_id": submission.submitter_id.id,
                    "date_deadline": submission.due_date,
                    "summary": self.env._("Submit %(name)s", name=submission.name),
                }
                for submission in submissions
            ]
        )
        return submissions
