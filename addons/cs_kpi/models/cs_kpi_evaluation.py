# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools import validate
from ..tools.access import is_kpi_hr

#: What an evaluator writes himself; submitting and reopening go through buttons.
EVALUATOR_FIELDS = {"score", "comment"}


class CsKpiEvaluation(models.Model):
    _name = "cs.kpi.evaluation"
    _description = "KPI Evaluation by Another Person"
    _inherit = ["mail.thread", "mail.activity.mixin", "cs.guard.mixin"]
    _order = "state, campaign_id desc, id"

    line_id = fields.Many2one(
        comodel_name="cs.kpi.sheet.line",
        string="Sheet line",
        required=True,
        ondelete="cascade",
        index=True,
    )
    sheet_id = fields.Many2one(related="line_id.sheet_id", store=True, index=True)
    campaign_id = fields.Many2one(related="line_id.campaign_id", store=True)
    employee_id = fields.Many2one(
        related="line_id.employee_id", store=True, string="Appraised employee"
    )
    indicator_id = fields.Many2one(related="line_id.indicator_id", store=True)
    scoring_standard = fields.Text(related="indicator_id.scoring_standard")
    assessment_method = fields.Text(related="indicator_id.assessment_method")
    company_id = fields.Many2one(related="line_id.company_id", store=True)
    evaluator_id = fields.Many2one(
        comodel_name="res.users", required=True, index=True, tracking=True
    )
    evaluator_department = fields.Char(
        help="Department or role the evaluator speaks for (e.g. Sales, General "
        "Manager)."
    )
    state = fields.Selection(
        selection=[("pending", "To evaluate"), ("done", "Submitted")],
        default="pending",
        required=True,
        tracking=True,
        cs_step=True,
    )
    score = fields.Float(digits=(16, 2), aggregator="avg", tracking=True)
    comment = fields.Text()
    date_done = fields.Datetime(string="Submitted on", readonly=True, cs_step=True)

    _sql_constraints = [
        (
            "score_range",
            "CHECK(score >= 0 AND score <= 100)",
            "An evaluation score must be between 0 and 100.",
        ),
    ]

    @api.depends("indicator_id.name", "employee_id.name")
    def _compute_display_name(self):
        for evaluation in self:
            evaluation.display_name = (
                f"{evaluation.indicator_id.name} - {evaluation.employee_id.name}"
            )

    @api.model
    def _cs_evaluators_of(self, evaluator_ids, appraised_user_id):
        """The users of ``evaluator_ids`` who may rate a line of the sheet of
        ``appraised_user_id``: everyone but the appraised person himself.

        The one rule that the campaign's generation and the request wizard
        apply; ``_check_not_own_sheet`` enforces it on every evaluation.
        """
        return [user_id for user_id in evaluator_ids if user_id != appraised_user_id]

    @api.constrains("evaluator_department")
    def _check_evaluator_department_length(self):
        error = validate.record_text_error(self, ["evaluator_department"])
        if error:
            raise ValidationError(error)

    @api.constrains("evaluator_id", "line_id")
    def _check_not_own_sheet(self):
        for evaluation in self.sudo():
            appraised = evaluation.line_id.employee_id.user_id
            if not self._cs_evaluators_of(evaluation.evaluator_id.ids, appraised.id):
                raise ValidationError(
                    self.env._(
                        "%(name)s cannot evaluate a line of his own appraisal sheet.",
                        name=evaluation.evaluator_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        evaluations = super().create(vals_list)
        evaluations.sheet_id._check_not_locked()
        evaluations.filtered(
            lambda e: e.state == "done"
        ).line_id.sudo()._aggregate_evaluations()
        return evaluations

    def write(self, vals):
        self.sheet_id._check_not_locked()
        if not is_kpi_hr(self.env):
            if set(vals) - EVALUATOR_FIELDS:
                raise AccessError(
                    self.env._(
                        "Evaluators can only change their score and comment; "
                        "submit or reopen an evaluation with its buttons."
                    )
                )
            if self.filtered(lambda evaluation: evaluation.state == "done"):
                raise UserError(
                    self.env._(
                        "This evaluation is submitted: reopen it before changing "
                        "the score."
                    )
                )
        result = super().write(vals)
        if {"score", "state"} & set(vals):
            # the evaluator cannot read the line he rates (a colleague's figures)
            self.line_id.sudo()._aggregate_evaluations()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked(self):
        self.sheet_id._check_not_locked()

    def _check_own_or_hr(self):
        """Submitting and reopening are the evaluator's own (or HR's)."""
        self.check_access("write")
        if not is_kpi_hr(self.env) and self.filtered(
            lambda evaluation: evaluation.evaluator_id != self.env.user
        ):
            raise AccessError(
                self.env._("Only the evaluator submits or reopens his evaluation.")
            )

    def action_submit(self):
        self._check_own_or_hr()
        for evaluation in self:
            if evaluation.state == "done":
                raise UserError(self.env._("This evaluation is already submitted."))
        self.sudo().write({"state": "done", "date_done": fields.Datetime.now()})
        self.activity_feedback(["mail.mail_activity_data_todo"])
        self.campaign_id.sudo()._schedule_evaluator_activities(
            self.evaluator_id, create=False
        )

    def action_reset(self):
        self._check_own_or_hr()
        self.sudo().write({"state": "pending", "date_done": False})
        self.campaign_id.sudo()._schedule_evaluator_activities(self.evaluator_id)
