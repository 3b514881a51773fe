# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..models.cs_kpi_campaign_generate import QUIET_CREATE
from ..tools.access import is_kpi_hr


class CsKpiEvaluationRequest(models.TransientModel):
    """Ask evaluators to rate the evaluation lines of a campaign, in one batch."""

    _name = "cs.kpi.evaluation.request"
    _description = "Request KPI Evaluations"

    campaign_id = fields.Many2one(
        comodel_name="cs.kpi.campaign", required=True, ondelete="cascade"
    )
    line_id = fields.Many2one(
        comodel_name="cs.kpi.sheet.line",
        string="Sheet line",
        ondelete="cascade",
        help="Set: only this line of one sheet is to be evaluated.",
    )
    available_indicator_ids = fields.Many2many(
        comodel_name="cs.kpi.indicator", compute="_compute_available"
    )
    available_department_ids = fields.Many2many(
        comodel_name="hr.department", compute="_compute_available"
    )
    available_job_ids = fields.Many2many(
        comodel_name="hr.job", compute="_compute_available"
    )
    indicator_id = fields.Many2one(
        comodel_name="cs.kpi.indicator",
        domain="[('id', 'in', available_indicator_ids)]",
        help="Empty: every evaluation indicator of the campaign.",
    )
    evaluator_ids = fields.Many2many(
        comodel_name="res.users",
        string="Evaluators",
        domain=lambda self: [
            ("share", "=", False),
            ("groups_id", "in", self.env.ref("cs_kpi.cs_kpi_group_employee").ids),
        ],
        help="For example the managers of the other departments, or the General "
        "Manager. Each gets one to-do listing his evaluations.",
    )
    evaluator_department = fields.Char(
        help="Department or role the evaluators speak for (e.g. Sales, General "
        "Manager)."
    )
    department_ids = fields.Many2many(
        comodel_name="hr.department",
        string="Only departments",
        domain="[('id', 'in', available_department_ids)]",
        help="Empty: the sheets of every department of the campaign.",
    )
    job_ids = fields.Many2many(
        comodel_name="hr.job",
        string="Only jobs",
        domain="[('id', 'in', available_job_ids)]",
        help="Empty: the sheets of every job of the campaign.",
    )
    line_count = fields.Integer(
        string="Lines to evaluate",
        compute="_compute_line_count",
        help="Evaluation lines of the campaign matching the indicator and scope.",
    )

    @api.depends("campaign_id")
    def _compute_available(self):
        """Indicators, departments and jobs of the campaign's evaluation lines."""
        for wizard in self:
            domain = wizard._line_domain(scope=False)
            groups = self.env["cs.kpi.sheet.line"]._read_group(domain, ["indicator_id"])
            wizard.available_indicator_ids = [
                Command.set([indicator.id for (indicator,) in groups])
            ]
            groups = self.env["cs.kpi.sheet"]._read_group(
                [("line_ids", "any", domain)], ["department_id", "job_id"]
            )
            wizard.available_department_ids = [
                Command.set(list({dep.id for dep, _job in groups if dep}))
            ]
            wizard.available_job_ids = [
                Command.set(list({job.id for _dep, job in groups if job}))
            ]

    @api.depends("campaign_id", "line_id", "indicator_id", "department_ids", "job_ids")
    def _compute_line_count(self):
        for wizard in self:
            wizard.line_count = (
                self.env["cs.kpi.sheet.line"].search_count(wizard._line_domain())
                if wizard.campaign_id
                else 0
            )

    def _line_domain(self, scope=True):
        """Evaluation lines of the campaign's live sheets, in the chosen scope."""
        self.ensure_one()
        domain = [
            ("campaign_id", "=", self.campaign_id.id),
            ("measure_type", "=", "evaluation"),
            ("sheet_id.state", "!=", "cancel"),
        ]
        if not scope:
            return domain
        if self.line_id:
            domain.append(("id", "=", self.line_id.id))
        if self.indicator_id:
            domain.append(("indicator_id", "=", self.indicator_id.id))
        if self.department_ids:
            domain.append(("sheet_id.department_id", "in", self.department_ids.ids))
        if self.job_ids:
            domain.append(("sheet_id.job_id", "in", self.job_ids.ids))
        return domain

    def _check_request(self):
        self.ensure_one()
        if not is_kpi_hr(self.env):
            raise AccessError(self.env._("Only HR can request evaluations."))
        campaign = self.campaign_id
        if campaign.state not in ("draft", "open", "review"):
            raise UserError(
                self.env._(
                    "Campaign %(name)s is closed or cancelled: no evaluation can be "
                    "requested any more.",
                    name=campaign.name,
                )
            )
        if not self.evaluator_ids:
            raise UserError(self.env._("Choose at least one evaluator."))
        employee_group = self.env.ref("cs_kpi.cs_kpi_group_employee")
        blind = self.evaluator_ids.filtered(
            lambda user: user.share or employee_group not in user.groups_id
        )
        if blind:
            raise UserError(
                self.env._(
                    "%(names)s cannot open the KPI appraisals: give them at least "
                    "the KPI role %(group)s first.",
                    names=", ".join(blind.mapped("name")),
                    group=employee_group.name,
                )
            )

    def _prepare_evaluation_vals(self, lines):
        """Values of the missing evaluations: one per line and evaluator.

        Existing pairs are skipped (one read), and nobody evaluates his own
        sheet.
        """
        existing = {
            (line.id, user.id)
            for line, user, _count in self.env["cs.kpi.evaluation"]._read_group(
                [
                    ("line_id", "in", lines.ids),
                    ("evaluator_id", "in", self.evaluator_ids.ids),
                ],
                ["line_id", "evaluator_id"],
                ["__count"],
            )
        }
        Evaluation = self.env["cs.kpi.evaluation"]
        return [
            {
                "line_id": line.id,
                "evaluator_id": user_id,
                "evaluator_department": self.evaluator_department,
            }
            for line in lines
            for user_id in Evaluation._cs_evaluators_of(
                self.evaluator_ids.ids, line.sudo().employee_id.user_id.id
            )
            if (line.id, user_id) not in existing
        ]

    def action_request(self):
        self.ensure_one()
        self._check_request()
        lines = self.env["cs.kpi.sheet.line"].search(self._line_domain())
        if not lines:
            raise UserError(
                self.env._(
                    "No evaluation line of this campaign matches the indicator, "
                    "departments and jobs chosen."
                )
            )
        evaluations = (
            self.env["cs.kpi.evaluation"]
            .with_context(**QUIET_CREATE)
            .create(self._prepare_evaluation_vals(lines))
        )
        campaign = self.campaign_id
        campaign._schedule_evaluator_activities(self.evaluator_ids)
        campaign.message_post(
            body=self.env._(
                "%(count)s evaluations requested from %(names)s (%(indicator)s).",
                count=len(evaluations),
                names=", ".join(self.evaluator_ids.mapped("name")),
                indicator=self.indicator_id.name
                or self.env._("every evaluation indicator"),
            ),
            subtype_xmlid="mail.mt_note",
        )
        return {"type": "ir.actions.act_window_close"}
