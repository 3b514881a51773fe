# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from ..tools import validate

SCORING_FIELDS = (
    "measure_type",
    "source",
    "scoring_method",
    "higher_is_better",
    "aggregation",
)


class CsKpiIndicator(models.Model):
    _name = "cs.kpi.indicator"
    _description = "KPI Indicator"
    _inherit = ["mail.thread"]
    _order = "category, sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    code = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company", default=lambda self: self.env.company
    )
    category = fields.Selection(
        selection=[
            ("customer", "Customer"),
            ("internal", "Internal management"),
            ("learning", "Learning and innovation"),
        ],
        required=True,
        default="customer",
        tracking=True,
    )
    scoring_standard = fields.Text(
        translate=True, help="How the score is given, in words (评分标准)."
    )
    assessment_method = fields.Text(
        translate=True,
        help="Who measures or rates the indicator and from which data (考核方法).",
    )
    measure_type = fields.Selection(
        selection=[
            ("manual", "Manual: entered by the manager"),
            ("computed", "Computed from a data source"),
            ("evaluation", "Evaluations by other people"),
        ],
        required=True,
        default="manual",
        tracking=True,
    )
    source = fields.Selection(
        selection=[
            ("manual", "None (manual entry)"),
            ("goal_pass_rate", "Pass rate of the employee's goals (%)"),
        ],
        required=True,
        default="manual",
        tracking=True,
        help="Where a computed indicator takes its actual value. Other modules add "
        "sources together with a batch method _measure_source_<source> on "
        "cs.kpi.sheet.line.",
    )
    scoring_method = fields.Selection(
        selection=[
            ("direct", "Direct: score entered 0-100"),
            ("target_ratio", "Ratio of actual to target"),
            ("linear", "Linear between floor and target"),
            ("bands", "Bands of thresholds"),
            ("pass_fail", "Pass / fail against the target"),
        ],
        required=True,
        default="direct",
        tracking=True,
    )
    target = fields.Float(tracking=True, aggregator=None)
    floor = fields.Float(
        aggregator=None,
        help="Linear method: value scoring 0 (on the worse side of the target).",
    )
    cap = fields.Float(
        default=100.0,
        aggregator=None,
        help="Ratio method: highest score (at most 100, the top of every score).",
    )
    higher_is_better = fields.Boolean(default=True, tracking=True)
    aggregation = fields.Selection(
        selection=[
            ("mean", "Mean"),
            ("median", "Median"),
            ("min", "Minimum"),
            ("max", "Maximum"),
        ],
        default="mean",
        required=True,
        help="How the evaluations of several people are combined into one value.",
    )
    band_ids = fields.One2many(
        comodel_name="cs.kpi.indicator.band", inverse_name="indicator_id"
    )
    description = fields.Html(translate=True)

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "The code of an indicator must be unique per company.",
        ),
        # before the unique index, which a code of kilobytes would overflow
        (
            "code_length",
            "CHECK(char_length(code) <= 256)",  # validate.NAME_MAX
            "The code of an indicator has at most 256 characters.",
        ),
        (
            "cap_range",
            "CHECK(cap >= 0 AND cap <= 100)",
            "The highest score of an indicator is between 0 and 100.",
        ),
    ]

    @api.constrains("name", "code")
    def _check_text_length(self):
        error = validate.record_text_error(self, ["name", "code"])
        if error:
            raise ValidationError(error)

    @api.constrains("measure_type", "source")
    def _check_source(self):
        for indicator in self:
            if (indicator.measure_type == "computed") != (indicator.source != "manual"):
                raise ValidationError(
                    self.env._(
                        "Indicator %(name)s: a computed indicator needs a data source, "
                        "and only a computed indicator can have one.",
                        name=indicator.name,
                    )
                )

    @api.constrains("scoring_method", "band_ids", "floor", "target")
    def _check_method_parameters(self):
        for indicator in self:
            if indicator.scoring_method == "bands" and not indicator.band_ids:
                raise ValidationError(
                    self.env._(
                        "Indicator %(name)s scores by bands: add at least one band.",
                        name=indicator.name,
                    )
                )

    @api.onchange("measure_type")
    def _onchange_measure_type(self):
        if self.measure_type != "computed":
            self.source = "manual"

    def write(self, vals):
        # only a real change counts: a module update writes its data
        # indicators again with their unchanged values
        changing = self.filtered(
            lambda indicator: any(
                name in vals
                and indicator[name]
                != indicator._fields[name].convert_to_cache(vals[name], indicator)
                for name in SCORING_FIELDS
            )
        )
        if changing:
            used = self.env["cs.kpi.sheet.line"].search_count(
                [
                    ("indicator_id", "in", changing.ids),
                    ("sheet_id.state", "=", "done"),
                ],
                limit=1,
            )
            if used:
                raise UserError(
                    self.env._(
                        "This indicator is used by closed appraisal sheets: its "
                        "measure and scoring method can no longer change. Archive "
                        "it and create a new indicator instead."
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        lines = self.env["cs.kpi.sheet.line"].sudo()
        used = lines._read_group(
            [("indicator_id", "in", self.ids)], ["indicator_id"], ["__count"]
        )
        if used:
            raise UserError(
                self.env._(
                    "Indicator %(name)s is used by %(count)s appraisal sheet lines "
                    "and cannot be deleted; archive it instead.",
                    name=used[0][0].name,
                    count=used[0][1],
                )
            )

    def _fall_back_to_manual(self):
        """``ondelete`` of a data source whose module is uninstalled.

        The indicators of that source become manual: the managers enter their value
        from now on. The lines of the sheets not closed follow them and keep their
        last measured value as an entry; closed sheets keep every stored value (the
        source included) as they were closed. In SQL: ``write`` refuses to change
        the measure of an indicator used by closed sheets, and its stored related
        fields would rewrite the closed lines.
        """
        if not self:
            return
        self.env.flush_all()
        open_lines = (
            self.env["cs.kpi.sheet.line"]
            .sudo()
            .search(
                [("indicator_id", "in", self.ids), ("sheet_id.state", "!=", "done")]
            )
        )
        for records in (self, open_lines):
            if records:
                self.env.cr.execute(
                    SQL(
                        "UPDATE %s SET measure_type = 'manual', source = 'manual' "
                        "WHERE id IN %s",
                        SQL.identifier(records._table),
                        tuple(records.ids),
                    )
                )
                records.invalidate_recordset(["measure_type", "source"])
        for indicator in self.sudo():
            indicator.message_post(
                body=self.env._(
                    "The module of its data source was uninstalled: the indicator is "
                    "now entered manually. Closed sheets keep their measured values."
                )
            )


class CsKpiIndicatorBand(models.Model):
    _name = "cs.kpi.indicator.band"
    _description = "KPI Indicator Scoring Band"
    _order = "indicator_id, threshold desc"

    indicator_id = fields.Many2one(
        comodel_name="cs.kpi.indicator", required=True, ondelete="cascade"
    )
    threshold = fields.Float(
        required=True,
        help="Actual value from which (higher is better) or up to which (lower is "
        "better) the band applies.",
    )
    score = fields.Float(required=True)

    _sql_constraints = [
        (
            "score_range",
            "CHECK(score >= 0 AND score <= 100)",
            "The score of a band must be between 0 and 100.",
        ),
    ]
