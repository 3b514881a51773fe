# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import scoring, validate
from .cs_kpi_competency import COMPETENCY_KINDS

PERIOD_TYPES = [
    ("quarter", "Quarter"),
    ("half_year", "Half-year"),
    ("year", "Year"),
]


class CsKpiTemplate(models.Model):
    _name = "cs.kpi.template"
    _description = "KPI Appraisal Template"
    _inherit = ["mail.thread", "cs.guard.mixin"]
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        comodel_name="res.company", default=lambda self: self.env.company
    )
    job_ids = fields.Many2many(
        comodel_name="hr.job",
        string="Jobs",
        tracking=True,
        help="Employees on these jobs are appraised with this template.",
    )
    period_type = fields.Selection(
        selection=PERIOD_TYPES, required=True, default="quarter", tracking=True
    )
    line_ids = fields.One2many(
        comodel_name="cs.kpi.template.line",
        inverse_name="template_id",
        string="KPI lines",
        copy=True,
    )
    competency_line_ids = fields.One2many(
        comodel_name="cs.kpi.template.competency",
        inverse_name="template_id",
        string="Ability and attitude items",
        copy=True,
    )
    weight_total = fields.Float(
        string="Total of KPI weights",
        compute="_compute_weight_total",
        help="Must be exactly 100 when active.",
    )
    kpi_weight = fields.Float(
        string="KPI section weight (%)",
        default=100.0,
        tracking=True,
        help="Share of the KPI score in the total score.",
    )
    competency_weight = fields.Float(
        string="Ability and attitude section weight (%)",
        default=0.0,
        tracking=True,
        help="Share of the ability-and-attitude score in the total; the two section "
        "weights sum to 100.",
    )
    core_weight = fields.Float(
        default=1.0, help="Relative weight of the core items (default: equal)."
    )
    reference_weight = fields.Float(
        default=1.0, help="Relative weight of the reference items (default: equal)."
    )
    attitude_weight = fields.Float(
        default=1.0, help="Relative weight of the attitude items (default: equal)."
    )
    scale_min = fields.Integer(
        string="Rating scale from", default=1, help="Lowest rating (default 1)."
    )
    scale_max = fields.Integer(
        string="Rating scale to", default=5, help="Highest rating (default 5)."
    )
    pass_mark = fields.Float(
        default=60.0,
        tracking=True,
        help="Total score from which a sheet passes. Default 60: the manual gives "
        "no pass mark, adjust it.",
    )
    grade_band_ids = fields.One2many(
        comodel_name="cs.kpi.grade.band",
        inverse_name="template_id",
        string="Grade bands",
        help="Empty: the default bands (Configuration > Grade bands) apply.",
    )
    note = fields.Html(translate=True)

    _sql_constraints = [
        (
            "weight_range",
            (
                "CHECK(kpi_weight >= 0 AND kpi_weight <= 100 "
                "AND competency_weight >= 0 AND competency_weight <= 100 "
                "AND core_weight >= 0 AND reference_weight >= 0 "
                "AND attitude_weight >= 0)"
            ),
            (
                "The section weights of a template are between 0 and 100, its item "
                "weights not negative."
            ),
        ),
        (
            "pass_mark_range",
            "CHECK(pass_mark >= 0 AND pass_mark <= 100)",
            "The pass mark of a template is between 0 and 100.",
        ),
        (
            "scale_range",
            "CHECK(scale_min >= 0 AND scale_min < scale_max)",
            (
                "The rating scale of a template goes from a lower to a higher "
                "number, from 0 up."
            ),
        ),
    ]

    @api.constrains("name")
    def _check_name_length(self):
        error = validate.record_text_error(self, ["name"])
        if error:
            raise ValidationError(error)

    @api.depends("line_ids.weight")
    def _compute_weight_total(self):
        for template in self:
            template.weight_total = scoring.weights_total(
                template.line_ids.mapped("weight")
            )

    @api.constrains(
        "active", "line_ids", "kpi_weight", "competency_weight", "competency_line_ids"
    )
    def _check_weights(self):
        for template in self.filtered("active"):
            template._check_weights_one()

    def _check_weights_one(self):
        self.ensure_one()
        sections = scoring.weights_total([self.kpi_weight, self.competency_weight])
        if sections != 100:
            raise ValidationError(
                self.env._(
                    "Template %(name)s: the KPI and ability/attitude section weights "
                    "must sum to 100 (now %(total)s).",
                    name=self.name,
                    total=sections,
                )
            )
        total = scoring.weights_total(self.line_ids.mapped("weight"))
        if self.kpi_weight and total != 100:
            raise ValidationError(
                self.env._(
                    "Template %(name)s: the weights of the KPI lines must sum to "
                    "exactly 100 before the template can be used (now %(total)s).",
                    name=self.name,
                    total=total,
                )
            )
        if self.competency_weight and not self.competency_line_ids:
            raise ValidationError(
                self.env._(
                    "Template %(name)s weighs ability and attitude but has no item.",
                    name=self.name,
                )
            )

    @api.model
    def _check_weights_at_flush(self, template_ids):
        """Check the weights of ``template_ids`` once their changes are done.

        Lines are changed one by one (directly, or through the commands of a
        template's write): the sum of an active template's weights is checked
        when the transaction is flushed, before it is committed, whatever the
        path that changed them; a failing check rolls it all back.
        """
        precommit = self.env.cr.precommit
        if "cs_kpi.template_weights" not in precommit.data:
            env = self.env

            @precommit.add
            def check_weights():
                ids = precommit.data.pop("cs_kpi.template_weights", set())
                templates = env["cs.kpi.template"].sudo().browse(ids).exists()
                for template in templates.filtered("active"):
                    template._check_weights_one()

        precommit.data.setdefault("cs_kpi.template_weights", set()).update(template_ids)

    def _cs_check_children(self):
        # cs.guard.mixin: a line or an item was added, changed, moved or
        # deleted; the old and the new template check their weights.
        self._check_weights_at_flush(self.ids)


class CsKpiTemplateLine(models.Model):
    _name = "cs.kpi.template.line"
    _description = "KPI Template Line"
    _inherit = ["cs.guard.mixin"]
    _order = "template_id, sequence, id"
    _cs_parent_field = "template_id"
    _cs_parent_recheck_fields = ("weight",)

    template_id = fields.Many2one(
        comodel_name="cs.kpi.template", required=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    indicator_id = fields.Many2one(
        comodel_name="cs.kpi.indicator", required=True, ondelete="restrict"
    )
    category = fields.Selection(related="indicator_id.category")
    scoring_method = fields.Selection(related="indicator_id.scoring_method")
    measure_type = fields.Selection(related="indicator_id.measure_type")
    weight = fields.Float(string="Weight (%)", required=True)
    target = fields.Float(
        compute="_compute_target",
        store=True,
        readonly=False,
        aggregator=None,
        help="Defaults to the indicator's target.",
    )
    floor = fields.Float(
        compute="_compute_target", store=True, readonly=False, aggregator=None
    )
    evaluator_ids = fields.Many2many(
        comodel_name="res.users",
        string="Evaluators",
        help="People asked to rate this indicator on every sheet (internal customer "
        "satisfaction, report quality...).",
    )

    _sql_constraints = [
        (
            "weight_range",
            "CHECK(weight >= 0 AND weight <= 100)",
            "A weight is between 0 and 100.",
        ),
    ]

    @api.depends("indicator_id")
    def _compute_target(self):
        for line in self:
            line.target = line.indicator_id.target
            line.floor = line.indicator_id.floor


class CsKpiTemplateCompetency(models.Model):
    _name = "cs.kpi.template.competency"
    _description = "KPI Template Ability or Attitude Item"
    _inherit = ["cs.kpi.competency.kind.mixin", "cs.guard.mixin"]
    _order = "template_id, kind_sequence, sequence, id"
    _cs_parent_field = "template_id"
    _cs_parent_recheck_fields = ("template_id",)

    template_id = fields.Many2one(
        comodel_name="cs.kpi.template", required=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    competency_id = fields.Many2one(
        comodel_name="cs.kpi.competency", required=True, ondelete="restrict"
    )
    kind = fields.Selection(
        selection=COMPETENCY_KINDS,
        compute="_compute_kind",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )

    @api.depends("competency_id")
    def _compute_kind(self):
        for line in self:
            line.kind = line.competency_id.kind or line.kind or "core"
