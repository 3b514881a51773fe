# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import validate


class CsKpiGradeBand(models.Model):
    _name = "cs.kpi.grade.band"
    _description = "KPI Grade Band"
    _order = "template_id, min_score desc"
    _check_company_auto = True

    name = fields.Char(string="Grade", required=True, translate=True)
    min_score = fields.Float(
        string="From score",
        required=True,
        help="Lowest total score of the grade; the lowest band also takes the "
        "scores below it.",
    )
    template_id = fields.Many2one(
        comodel_name="cs.kpi.template",
        ondelete="cascade",
        check_company=True,
        help="Empty: a default band, used by templates that have no band of their own.",
    )
    company_id = fields.Many2one(
        comodel_name="res.company", default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "min_score_range",
            "CHECK(min_score >= 0 AND min_score <= 100)",
            "A grade band starts between 0 and 100.",
        ),
    ]

    @api.constrains("name")
    def _check_name_length(self):
        error = validate.record_text_error(self, ["name"])
        if error:
            raise ValidationError(error)

    @api.model
    def _bands_by_template(self, templates):
        """``{template_id: [(min_score, grade), ...]}`` in one query.

        Templates without bands of their own get the default bands.
        """
        bands = self.search_read(
            [
                "|",
                ("template_id", "in", templates.ids),
                ("template_id", "=", False),
            ],
            ["template_id", "min_score", "name"],
        )
        own, default = {}, []
        for band in bands:
            pair = (band["min_score"], band["name"])
            if band["template_id"]:
                own.setdefault(band["template_id"][0], []).append(pair)
            else:
                default.append(pair)
        return {template.id: own.get(template.id, default) for template in templates}
