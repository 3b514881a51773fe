# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models


class HrJob(models.Model):
    _inherit = "hr.job"

    cs_code = fields.Char(string="Job Code", help="Job number (职务编号).")
    cs_purpose = fields.Text(string="Purpose", translate=True)
    cs_reports_to_job_id = fields.Many2one(
        comodel_name="hr.job",
        string="Reports To",
        check_company=True,
        help="Job of the direct superior.",
    )
    cs_subordinate_job_ids = fields.One2many(
        comodel_name="hr.job",
        inverse_name="cs_reports_to_job_id",
        string="Jobs Reporting Here",
    )
    cs_duty_ids = fields.One2many(
        comodel_name="cs.job.duty",
        inverse_name="job_id",
        string="Duties",
        domain=[("kind", "=", "duty")],
        context={"default_kind": "duty"},
    )
    cs_authority_ids = fields.One2many(
        comodel_name="cs.job.duty",
        inverse_name="job_id",
        string="Authorities",
        domain=[("kind", "=", "authority")],
        context={"default_kind": "authority"},
    )
    cs_goal_ids = fields.One2many(
        comodel_name="cs.kpi.goal",
        inverse_name="job_id",
        string="Goals",
        domain=[("employee_id", "=", False)],
        help="The job's KPI goals (the goals of its employees are not listed).",
    )
    cs_superior_guidance = fields.Text(
        string="Guidance Received",
        translate=True,
        help="Guidance the job receives from its superior.",
    )
    cs_peer_coordination = fields.Text(
        string="Peers to Coordinate With",
        translate=True,
    )
    cs_subordinate_guidance = fields.Text(
        string="Guides",
        translate=True,
        help="Whom the job guides.",
    )
    cs_education = fields.Text(string="Education", translate=True)
    cs_experience = fields.Text(string="Experience", translate=True)
    cs_pre_job_training = fields.Text(string="Pre-job Training", translate=True)
    cs_professional_knowledge = fields.Text(
        string="Professional Knowledge",
        translate=True,
    )
    cs_abilities = fields.Text(string="Qualities and Abilities", translate=True)
    cs_is_default_description = fields.Boolean(
        string="Default Description to Adjust",
        help="The description is a default built by the software, not taken from "
        "the department manual: HR should review and adjust it.",
    )
    cs_description_note = fields.Text(string="Note on the Description", translate=True)
    cs_has_description = fields.Boolean(
        string="Has a Job Description",
        compute="_compute_cs_has_description",
    )

    @api.depends("cs_purpose", "cs_duty_ids")
    def _compute_cs_has_description(self):
        for job in self:
            job.cs_has_description = bool(job.cs_purpose or job.cs_duty_ids)

    def _cs_duties_by_category(self, kind="duty"):
        """Return [(category label, items)] in the manual's category order.

        ``kind`` is a kind of ``cs.job.duty`` or ``"goal"`` for the job's KPI goals
        (``cs.kpi.goal``, same category keys), labelled as the duties.
        """
        self.ensure_one()
        if kind == "goal":
            items = self.cs_goal_ids
        else:
            items = self.env["cs.job.duty"].search(
                [("job_id", "=", self.id), ("kind", "=", kind)]
            )
        duty_category = self.env["cs.job.duty"]._fields["category"]
        labels = dict(duty_category._description_selection(self.env))
        result = []
        for category in ("customer", "internal", "learning"):
            lines = items.filtered(lambda item, cat=category: item.category == cat)
            if lines:
                result.append((labels[category], lines))
        return result

    def action_cs_print_job_description(self):
        return self.env.ref(
            "cs_department.hr_job_report_job_description"
        ).report_action(self)
