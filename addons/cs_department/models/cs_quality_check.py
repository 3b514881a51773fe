# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.cs_kpi.tools import validate

SUPERVISOR = "cs_department.cs_department_group_supervisor"
MANAGER = "cs_department.cs_department_group_manager"


class CsQualityCheck(models.Model):
    """A supervisor's spot check of one service of a member of his group.

    The score counts in the checked representative's appraisal (service
    quality), so he reads his checks but never produces or alters one: the
    checker is the current supervisor, never the checked person.
    """

    _name = "cs.quality.check"
    _description = "Service Quality Spot Check"
    _inherit = ["mail.thread", "mail.activity.mixin", "cs.guard.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    # cs.guard.mixin: the checker is whoever records the check (a step-owned
    # field defaulting to the current user, so that no value nor default_*
    # key names somebody else); the checked person, who is appraised on the
    # score, neither records, alters nor deletes a check of his. Who may
    # record and change checks (supervisors, their own; managers, any) is
    # the access rights' and record rules' (security/).
    _cs_appraised_fields = ("representative_id",)

    representative_id = fields.Many2one(
        comodel_name="res.users",
        string="Checked Representative",
        required=True,
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    supervisor_id = fields.Many2one(
        comodel_name="res.users",
        string="Checked By",
        required=True,
        index=True,
        readonly=True,
        default=lambda self: self.env.user,
        tracking=True,
        cs_step=True,
    )
    date = fields.Date(
        required=True, default=fields.Date.context_today, index=True, tracking=True
    )
    ticket_id = fields.Many2one(
        comodel_name="helpdesk.ticket",
        string="Ticket Checked",
        check_company=True,
        tracking=True,
    )
    call_reference = fields.Char(
        string="Call Checked", help="Reference of the recorded call that was checked."
    )
    score = fields.Integer(
        required=True, aggregator="avg", tracking=True, help="From 0 to 100."
    )
    notes = fields.Text()
    team_id = fields.Many2one(
        related="ticket_id.team_id", string="Team", store=True, index=True
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
    )

    _sql_constraints = [
        (
            "score_range",
            "CHECK(score BETWEEN 0 AND 100)",
            "The score of a quality check must be between 0 and 100.",
        ),
        (
            "not_self_checked",
            "CHECK(representative_id != supervisor_id)",
            "Nobody checks his own service.",
        ),
    ]

    @api.constrains("call_reference")
    def _check_call_reference_length(self):
        error = validate.record_text_error(self, ["call_reference"])
        if error:
            raise ValidationError(error)

    @api.depends("representative_id", "date")
    def _compute_display_name(self):
        for check in self:
            check.display_name = self.env._(
                "%(user)s on %(date)s",
                user=check.representative_id.name or "",
                date=check.date or "",
            )

    @api.model
    def _cs_guard_create(self, vals_list):
        full_list = super()._cs_guard_create(vals_list)
        # Before the insert: the database's not_self_checked constraint would
        # refuse a check of its own checker first, as an integrity error.
        if any(full.get("representative_id") == self.env.uid for full in full_list):
            raise AccessError(
                self.env._(
                    "Your own quality checks count in your appraisal: another "
                    "supervisor records them."
                )
            )
        return full_list

    # ---- weekly to-do of every supervisor ----
    @api.model
    def _cron_weekly_todo(self):
        """One to-do per supervisor and week, on his employee record: spot
        check a service of each member of his group. Supervisors who still
        have an open one get no second."""
        supervisors = (
            self.env.ref(SUPERVISOR).users.filtered(
                lambda user: not user.share and user.active
            )
            - self.env.ref(MANAGER).users
        )
        employees = (
            self.env["hr.employee"].sudo().search([("user_id", "in", supervisors.ids)])
        )
        model_id = self.env["ir.model"]._get_id("hr.employee")
        # a job writes it, in each supervisor's language
        summaries = {
            lang: self.with_context(lang=lang).env._(
                "Weekly service quality spot check"
            )
            for lang in set(employees.user_id.mapped("lang")) | {self.env.lang}
        }
        pending = {
            (activity.res_id, activity.user_id.id)
            for activity in self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model_id", "=", model_id),
                    ("res_id", "in", employees.ids),
                    ("summary", "in", list(summaries.values())),
                ]
            )
        }
        todo_type = self.env.ref("mail.mail_activity_data_todo")
        vals_list = []
        for employee in employees:
            user = employee.user_id
            if (employee.id, user.id) in pending:
                continue
            today = employee.company_id._cs_today(user)
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": employee.id,
                    "activity_type_id": todo_type.id,
                    "automated": True,
                    "user_id": user.id,
                    "summary": summaries[user.lang],
                    "date_deadline": today + timedelta(days=6 - today.weekday()),
                    "note": self.with_context(lang=user.lang).env._(
                        "Check one ticket or call of each member of your group "
                        "and record it under Customer Service > Quality Checks."
                    ),
                }
            )
        self.env["mail.activity"].sudo().create(vals_list)
        return True
