# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import validate
from .cs_kpi_template import PERIOD_TYPES

# Whose goal it is: fixed once the goal is created.
OWNER_FIELDS = {"employee_id", "job_id"}


class CsKpiGoal(models.Model):
    _name = "cs.kpi.goal"
    _description = "Job or Employee Goal (MBO)"
    _inherit = ["mail.thread", "cs.guard.mixin"]
    # cs.guard.mixin: nobody sets, assesses or deletes the goals he is
    # appraised on (see _cs_appraised).
    _cs_appraised_fields = ("employee_id",)
    _order = "job_id, employee_id, sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company", default=lambda self: self.env.company
    )
    job_id = fields.Many2one(
        comodel_name="hr.job", tracking=True, index=True, check_company=True
    )
    employee_id = fields.Many2one(
        comodel_name="hr.employee", tracking=True, index=True, check_company=True
    )
    category = fields.Selection(
        selection=[
            ("customer", "Customer"),
            ("internal", "Internal management"),
            ("learning", "Learning and innovation"),
        ],
        help="Category of the goal, as for the indicators; job descriptions group "
        "the goals by category.",
    )
    indicator_id = fields.Many2one(
        comodel_name="cs.kpi.indicator",
        help="Indicator this goal supports (optional).",
    )
    target_text = fields.Char(
        string="Target (as stated)",
        translate=True,
        help="The target in words, e.g. 'annual pass rate 85%'.",
    )
    measure = fields.Selection(
        selection=[("number", "Numeric"), ("judgement", "Judgement (pass/fail)")],
        default="number",
        required=True,
    )
    target = fields.Float(aggregator=None, tracking=True)
    actual = fields.Float(aggregator=None, tracking=True)
    higher_is_better = fields.Boolean(default=True)
    period_type = fields.Selection(selection=PERIOD_TYPES, default="year")
    date_from = fields.Date()
    date_to = fields.Date()
    is_assessed = fields.Boolean(
        string="Assessed",
        tracking=True,
        help="Set when the actual is entered (numeric goals) or the goal is judged.",
    )
    passed = fields.Boolean(
        compute="_compute_passed",
        store=True,
        readonly=False,
        tracking=True,
        help="Computed for numeric goals once assessed; judged by the Pass / Fail "
        "buttons for pass/fail goals.",
    )
    note = fields.Text()

    @api.depends("measure", "target", "actual", "is_assessed", "higher_is_better")
    def _compute_passed(self):
        for goal in self:
            if goal.measure != "number":
                continue
            if not goal.is_assessed:
                goal.passed = False
            elif goal.higher_is_better:
                goal.passed = goal.actual >= goal.target
            else:
                goal.passed = goal.actual <= goal.target

    @api.constrains("name", "target_text")
    def _check_text_length(self):
        error = validate.record_text_error(self, ["name", "target_text"])
        if error:
            raise ValidationError(error)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for goal in self:
            if goal.date_from and goal.date_to and goal.date_from > goal.date_to:
                raise ValidationError(self.env._("A goal cannot end before it starts."))

    def _cs_appraised(self):
        """Who is appraised on this goal: its employee, or, for a goal of a
        job, every holder of the job (it counts for him when he has none of
        his own). Managers' record rules already keep them to their
        subordinates' goals; this also holds for HR."""
        users = super()._cs_appraised()
        goal = self.sudo()
        if not goal.employee_id and goal.job_id:
            holders = (
                self.env["hr.employee"].sudo().search([("job_id", "=", goal.job_id.id)])
            )
            users |= holders.user_id
        return users

    def _cs_check_passed(self, vals):
        """Numeric goals pass by their actual: ``passed`` is derived, never set.

        ``self`` is empty when creating: the goal is numeric by default.
        """
        if "passed" not in vals:
            return
        measures = (
            {vals["measure"]} if "measure" in vals else set(self.mapped("measure"))
        )
        if "number" in (measures or {"number"}):
            raise UserError(
                self.env._(
                    "A numeric goal passes when its actual reaches its target: "
                    "enter the actual, the pass flag follows."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self.browse()._cs_check_passed(vals)
            if "actual" in vals and "is_assessed" not in vals:
                vals["is_assessed"] = vals.get("measure", "number") == "number"
        return super().create(vals_list)

    def write(self, vals):
        # Own rules: a goal's owner is fixed; numeric goals pass by their actual.
        if OWNER_FIELDS & set(vals) and not self.env.su:
            raise UserError(
                self.env._(
                    "The employee and job of a goal are fixed once it is created: "
                    "archive it and create a new goal instead."
                )
            )
        self._cs_check_passed(vals)
        if "actual" in vals and "is_assessed" not in vals:
            vals = dict(vals, is_assessed=True)
        return super().write(vals)

    def action_assess(self, passed=True):
        error = validate.boolean_error(
            self.env, passed, validate.field_label(self, "passed")
        )
        if error:
            raise ValidationError(error)
        if self.filtered(lambda goal: goal.measure == "number"):
            raise UserError(
                self.env._(
                    "Numeric goals are assessed by entering their actual; only "
                    "pass/fail goals are judged."
                )
            )
        self.write({"is_assessed": True, "passed": passed})

    def action_assess_failed(self):
        self.action_assess(passed=False)

    def action_reset(self):
        self.write({"is_assessed": False, "actual": 0.0})
        judged = self.filtered(lambda goal: goal.measure == "judgement")
        judged.write({"passed": False})
