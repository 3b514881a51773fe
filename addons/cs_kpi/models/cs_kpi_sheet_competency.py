# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import validate
from .cs_kpi_competency import COMPETENCY_KINDS

# What a manager may change on his team's ratings (HR changes anything).
SCORER_FIELDS = {"rating", "is_rated", "comment"}


class CsKpiSheetCompetency(models.Model):
    _name = "cs.kpi.sheet.competency"
    _description = "KPI Appraisal Ability or Attitude Rating"
    _inherit = ["cs.kpi.competency.kind.mixin", "cs.guard.mixin"]
    _order = "sheet_id, kind_sequence, sequence, id"
    # cs.guard.mixin: a line is part of its sheet and closes with it; moved
    # to another sheet, both sheets are checked.
    _cs_parent_field = "sheet_id"
    _cs_state_field = "sheet_id.state"
    _cs_closed_states = ("done",)

    sheet_id = fields.Many2one(
        comodel_name="cs.kpi.sheet", required=True, ondelete="cascade", index=True
    )
    campaign_id = fields.Many2one(related="sheet_id.campaign_id", store=True)
    employee_id = fields.Many2one(related="sheet_id.employee_id", store=True)
    company_id = fields.Many2one(related="sheet_id.company_id", store=True)
    state = fields.Selection(related="sheet_id.state")
    sequence = fields.Integer(default=10)
    competency_id = fields.Many2one(
        comodel_name="cs.kpi.competency", required=True, ondelete="restrict"
    )
    kind = fields.Selection(selection=COMPETENCY_KINDS, required=True)
    rating = fields.Integer(aggregator="avg")
    is_rated = fields.Boolean(string="Rated")
    comment = fields.Char()

    # within the sheet's scale: checked by _check_rating, the scale being the sheet's
    _sql_constraints = [
        ("rating_positive", "CHECK(rating >= 0)", "A rating cannot be negative."),
    ]

    @api.constrains("comment")
    def _check_comment_length(self):
        error = validate.record_text_error(self, ["comment"])
        if error:
            raise ValidationError(error)

    @api.constrains("rating", "is_rated")
    def _check_rating(self):
        for line in self.filtered("is_rated"):
            sheet = line.sheet_id
            if not sheet.scale_min <= line.rating <= sheet.scale_max:
                raise ValidationError(
                    self.env._(
                        "%(item)s: the rating %(rating)s is outside the scale "
                        "%(low)s-%(high)s.",
                        item=line.competency_id.name,
                        rating=line.rating,
                        low=sheet.scale_min,
                        high=sheet.scale_max,
                    )
                )

    @api.onchange("rating")
    def _onchange_rating(self):
        """Count the rating as soon as it is typed, before saving."""
        for line in self:
            line.is_rated = bool(line.rating)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("rating") and "is_rated" not in vals:
                vals["is_rated"] = True
        items = super().create(vals_list)
        items.sheet_id._check_not_locked()
        return items

    def write(self, vals):
        sheets = self.sheet_id
        if not sheets._is_closing():
            sheets._check_not_locked()
        sheets._check_scorer_write(self, vals, SCORER_FIELDS)
        if "rating" in vals and "is_rated" not in vals:
            vals = dict(vals, is_rated=vals["rating"] is not False)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked(self):
        self.sheet_id._check_not_locked()
