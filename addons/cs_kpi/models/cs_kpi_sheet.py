# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools import scoring

SHEET_STATES = [
    ("draft", "Draft"),
    ("open", "Scoring"),
    ("review", "Review"),
    ("done", "Closed"),
    ("cancel", "Cancelled"),
]
# Fields that may still change on a closed sheet (publication, acknowledgement).
LOCK_EXEMPT_FIELDS = {
    "published",
    "acknowledged",
    "acknowledge_comment",
    "acknowledge_date",
    "message_main_attachment_id",
}
# What a manager changes on his team's sheets: the scores, through the lines.
MANAGER_WRITABLE_FIELDS = {
    "line_ids",
    "competency_line_ids",
    "message_main_attachment_id",
}
# Sheet states in which managers score.
SCORING_STATES = ("open", "review")


class CsKpiSheet(models.Model):
    _name = "cs.kpi.sheet"
    _description = "KPI Appraisal Sheet"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "campaign_id desc, department_id, total_score desc, id"
    _check_company_auto = True

    campaign_id = fields.Many2one(
        comodel_name="cs.kpi.campaign",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(related="campaign_id.company_id", store=True)
    employee_id = fields.Many2one(
        comodel_name="hr.employee", required=True, index=True, ondelete="restrict"
    )
    department_id = fields.Many2one(comodel_name="hr.department", index=True)
    job_id = fields.Many2one(comodel_name="hr.job", index=True)
    manager_id = fields.Many2one(
        comodel_name="hr.employee",
        help="The employee's manager when the sheet was generated.",
    )
    template_id = fields.Many2one(comodel_name="cs.kpi.template", required=True)
    period_type = fields.Selection(related="campaign_id.period_type", store=True)
    date_from = fields.Date(related="campaign_id.date_from", store=True)
    date_to = fields.Date(related="campaign_id.date_to", store=True)
    line_ids = fields.One2many(
        comodel_name="cs.kpi.sheet.line", inverse_name="sheet_id", string="KPI lines"
    )
    competency_line_ids = fields.One2many(
        comodel_name="cs.kpi.sheet.competency",
        inverse_name="sheet_id",
        string="Ability and attitude",
    )
    evaluation_ids = fields.One2many(
        comodel_name="cs.kpi.evaluation", inverse_name="sheet_id", readonly=True
    )
    state = fields.Selection(
        selection=SHEET_STATES, default="draft", required=True, tracking=True
    )
    kpi_weight = fields.Float(string="KPI section weight (%)", default=100.0)
    competency_weight = fields.Float(string="Ability and attitude weight (%)")
    core_weight = fields.Float(default=1.0)
    reference_weight = fields.Float(default=1.0)
    attitude_weight = fields.Float(default=1.0)
    scale_min = fields.Integer(default=1)
    scale_max = fields.Integer(default=5)
    pass_mark = fields.Float(default=60.0, aggregator=None)
    kpi_score = fields.Float(
        string="KPI score",
        compute="_compute_scores",
        store=True,
        digits=(16, 2),
        aggregator="avg",
        help="Sum of the weighted scores of the KPI lines.",
    )
    competency_score = fields.Float(
        string="Ability and attitude score",
        compute="_compute_scores",
        store=True,
        digits=(16, 2),
        aggregator="avg",
        help="Mean rating of each section as a percentage of the top of the scale, "
        "combined with the section weights.",
    )
    total_score = fields.Float(
        compute="_compute_scores",
        store=True,
        digits=(16, 2),
        aggregator="avg",
        help="KPI score x KPI section weight + ability/attitude score x its weight, "
        "divided by the sum of the weights of the sections the sheet has.",
    )
    grade = fields.Char(
        compute="_compute_grade",
        store=True,
        help="From the template's grade bands (or the default bands).",
    )
    passed = fields.Boolean(compute="_compute_grade", store=True)
    rank = fields.Integer(string="Rank in department", readonly=True, aggregator=None)
    rank_job = fields.Integer(string="Rank in job", readonly=True, aggregator=None)
    score_formula = fields.Text(compute="_compute_score_formula")
    unscored_count = fields.Integer(compute="_compute_unscored_count")
    published = fields.Boolean(
        tracking=True, help="Published sheets are visible to the employee."
    )
    acknowledged = fields.Boolean(readonly=True, tracking=True)
    acknowledge_comment = fields.Text(readonly=True)
    acknowledge_date = fields.Datetime(readonly=True)
    employee_user_id = fields.Many2one(related="employee_id.user_id")
    is_own_sheet = fields.Boolean(compute="_compute_is_own_sheet")

    _sql_constraints = [
        (
            "campaign_employee_uniq",
            "unique(campaign_id, employee_id)",
            "An employee has one sheet per campaign.",
        ),
    ]

    @api.depends("campaign_id.name", "employee_id.name")
    def _compute_display_name(self):
        for sheet in self:
            sheet.display_name = f"{sheet.campaign_id.name} - {sheet.employee_id.name}"

    @api.depends(
        "line_ids.weighted_score",
        "competency_line_ids.rating",
        "competency_line_ids.is_rated",
        "kpi_weight",
        "competency_weight",
        "state",
    )
    def _compute_scores(self):
        for sheet in self:
            sheet.kpi_score = scoring.kpi_score(sheet.line_ids.mapped("weighted_score"))
            rated = sheet.competency_line_ids.filtered("is_rated")
            # once closed (possibly forced), an unrated item counts 0 like a
            # unscored KPI line; while scoring, the mean of the rated ones shows
            unrated = (
                (sheet.competency_line_ids - rated).mapped("kind")
                if sheet.state == "done"
                else []
            )
            sheet.competency_score = (
                scoring.competency_score(
                    [(line.kind, line.rating) for line in rated],
                    sheet._section_weights(),
                    sheet.scale_min,
                    sheet.scale_max,
                    unrated=unrated,
                )
                or 0.0
            )
            sheet.total_score = scoring.total_score(
                sheet.kpi_score if sheet.line_ids else None,
                sheet.competency_score if sheet.competency_line_ids else None,
                sheet.kpi_weight,
                sheet.competency_weight,
            )

    @api.depends(
        "total_score",
        "template_id",
        "pass_mark",
        "line_ids.is_measured",
        "competency_line_ids.is_rated",
        "state",
    )
    def _compute_grade(self):
        bands = self.env["cs.kpi.grade.band"]._bands_by_template(self.template_id)
        for sheet in self:
            if sheet.state != "done" and not (
                any(sheet.line_ids.mapped("is_measured"))
                or any(sheet.competency_line_ids.mapped("is_rated"))
            ):
                # Nothing scored yet: no grade (a 0 would read as a D); a
                # closed sheet keeps the grade of its score.
                sheet.grade = False
                sheet.passed = False
                continue
            sheet.grade = scoring.grade(
                sheet.total_score, bands.get(sheet.template_id.id, [])
            )
            sheet.passed = sheet.total_score >= sheet.pass_mark

    @api.depends("kpi_score", "competency_score", "total_score")
    def _compute_score_formula(self):
        for sheet in self:
            kpi = " + ".join(
                f"{line.score:.2f} x {line.weight:g}%" for line in sheet.line_ids
            )
            sheet.score_formula = self.env._(
                "KPI score = %(kpi)s = %(kpi_score).2f\n"
                "Ability and attitude score = %(comp).2f (ratings on %(low)s-%(high)s, "
                "section weights core %(core)g / reference %(ref)g / attitude %(att)g)"
                "\nTotal = (%(kpi_score).2f x %(kw)g + %(comp).2f x %(cw)g) / "
                "(sections present) = %(total).2f -> grade %(grade)s",
                kpi=kpi or "0",
                kpi_score=sheet.kpi_score,
                comp=sheet.competency_score,
                low=sheet.scale_min,
                high=sheet.scale_max,
                core=sheet.core_weight,
                ref=sheet.reference_weight,
                att=sheet.attitude_weight,
                kw=sheet.kpi_weight,
                cw=sheet.competency_weight,
                total=sheet.total_score,
                grade=sheet.grade or "-",
            )

    def _compute_unscored_count(self):
        for sheet in self:
            sheet.unscored_count = len(
                sheet.line_ids.filtered(lambda line: not line.is_measured)
            ) + len(sheet.competency_line_ids.filtered(lambda line: not line.is_rated))

    def _compute_is_own_sheet(self):
        for sheet in self:
            sheet.is_own_sheet = sheet.employee_id.user_id == self.env.user

    def _section_weights(self):
        self.ensure_one()
        return {
            "core": self.core_weight,
            "reference": self.reference_weight,
            "attitude": self.attitude_weight,
        }

    def _is_kpi_hr(self):
        """HR officers (and the superuser) keep the sheets; managers only score."""
        return self.env.su or self.env.user.has_group("cs_kpi.cs_kpi_group_hr_officer")

    def _is_closing(self):
        """Closing a campaign may still write ranks on closed sheets.

        Only honoured under ``sudo()``: a context key can be sent by any RPC
        client, so on its own it must never unlock a sheet.
        """
        return self.env.su and self.env.context.get("cs_kpi_closing")

    def _check_not_locked(self, vals=None):
        if vals is not None and set(vals) <= LOCK_EXEMPT_FIELDS:
            return
        locked = self.sudo().filtered(lambda sheet: sheet.state == "done")
        if locked:
            raise UserError(
                self.env._(
                    "The appraisal sheet %(name)s is closed and can no longer be "
                    "changed.",
                    name=locked[0].display_name,
                )
            )

    def _check_scorer_write(self, records, vals, allowed):
        """Managers change only the ``allowed`` fields of ``records``, while scoring.

        ``records`` are lines or ability/attitude items of the sheets ``self``.
        HR is not restricted. Access is checked first, so that nobody learns
        anything about records he cannot write.
        """
        if self._is_kpi_hr():
            return
        records.check_access("write")
        if set(vals) - allowed:
            raise AccessError(
                self.env._(
                    "Managers only enter the values, ratings and comments of a "
                    "sheet; targets, weights and indicators are kept by HR."
                )
            )
        not_open = self.sudo().filtered(lambda sheet: sheet.state not in SCORING_STATES)
        if not_open:
            raise UserError(
                self.env._(
                    "The appraisal sheet %(name)s is not being scored: managers "
                    "score sheets while their campaign is open or in review.",
                    name=not_open[0].display_name,
                )
            )

    def write(self, vals):
        if not self._is_closing():
            self._check_not_locked(vals)
        if not self._is_kpi_hr() and set(vals) - MANAGER_WRITABLE_FIELDS:
            raise AccessError(
                self.env._(
                    "Managers score the KPI lines and ability/attitude items of a "
                    "sheet; its other fields (weights, pass mark, publication...) "
                    "are kept by HR."
                )
            )
        return super().write(vals)

    def _write_logged(self, vals, body):
        """Write ``vals`` on many sheets and log ``body`` on each, set-based.

        Campaign steps move thousands of sheets at once: field tracking would
        post one message per sheet at commit (several queries each), so it is
        muted and one batch of notes is logged instead.
        """
        self.with_context(mail_notrack=True).write(vals)
        if self:
            self._message_log_batch(bodies=dict.fromkeys(self.ids, body))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        if any(sheet.state not in ("draft", "cancel") for sheet in self):
            raise UserError(
                self.env._("Only draft or cancelled appraisal sheets can be deleted.")
            )

    def action_publish(self):
        not_ready = self.filtered(lambda sheet: sheet.state not in ("review", "done"))
        if not_ready:
            raise UserError(
                self.env._(
                    "The appraisal sheet %(name)s can be published once its "
                    "campaign is in review or closed.",
                    name=not_ready[0].display_name,
                )
            )
        self.write({"published": True})

    def action_unpublish(self):
        self.write({"published": False})

    def action_print(self):
        return self.env.ref("cs_kpi.cs_kpi_sheet_pdf_report").report_action(self)

    def action_open_acknowledge(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Acknowledge the appraisal"),
            "res_model": "cs.kpi.sheet.acknowledge",
            "view_mode": "form",
            "target": "new",
            "context": {"default_sheet_id": self.id},
        }

    def _acknowledge(self, comment):
        """Record the employee's acknowledgement (employees cannot write sheets)."""
        self.ensure_one()
        if self.employee_id.user_id != self.env.user:
            raise UserError(
                self.env._("Only the appraised employee can acknowledge the sheet.")
            )
        if not self.published:
            raise UserError(self.env._("The sheet is not published yet."))
        if self.acknowledged:
            raise UserError(self.env._("You have already acknowledged this sheet."))
        self.sudo().write(
            {
                "acknowledged": True,
                "acknowledge_comment": comment,
                "acknowledge_date": fields.Datetime.now(),
            }
        )
        self.sudo().message_post(
            body=self.env._("Acknowledged: %(comment)s", comment=comment or "-"),
            author_id=self.env.user.partner_id.id,
        )
