# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command, api, models

# Creating thousands of sheets must not post a message or subscribe anyone each.
QUIET_CREATE = {
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "tracking_disable": True,
}


class CsKpiCampaignGenerate(models.Model):
    """Set-based generation of a campaign's sheets (part of the campaign model).

    The number of queries does not depend on the number of employees: one
    read of the employees in scope, one of the existing sheets, one of the
    templates and of their lines, then a single batch ``create`` of the sheets
    with their KPI lines, ability/attitude items and evaluations.
    """

    _inherit = "cs.kpi.campaign"

    def _employee_domain(self):
        self.ensure_one()
        domain = [("company_id", "=", self.company_id.id)]
        if self.department_ids:
            domain.append(("department_id", "child_of", self.department_ids.ids))
        if self.job_ids:
            domain.append(("job_id", "in", self.job_ids.ids))
        return domain

    @api.model
    def _templates_by_job(self, period_type, company):
        templates = self.env["cs.kpi.template"].search(
            [
                ("period_type", "=", period_type),
                ("job_ids", "!=", False),
                ("company_id", "in", (company.id, False)),
            ],
            order="sequence, id",
        )
        by_job = {}
        for template in templates:
            for job in template.job_ids:
                by_job.setdefault(job.id, template)
        return templates, by_job

    @api.model
    def _template_line_vals(self, templates):
        """``{template_id: ([line vals], [competency vals])}``, two reads in all."""
        result = {template.id: ([], []) for template in templates}
        lines = self.env["cs.kpi.template.line"].search_read(
            [("template_id", "in", templates.ids)],
            ["template_id", "sequence", "indicator_id", "weight", "target", "floor"]
            + ["evaluator_ids"],
        )
        for line in lines:
            result[line["template_id"][0]][0].append(
                {
                    "sequence": line["sequence"],
                    "indicator_id": line["indicator_id"][0],
                    "weight": line["weight"],
                    "target": line["target"],
                    "floor": line["floor"],
                    "evaluator_ids": line["evaluator_ids"],
                }
            )
        items = self.env["cs.kpi.template.competency"].search_read(
            [("template_id", "in", templates.ids)],
            ["template_id", "sequence", "competency_id", "kind"],
        )
        for item in items:
            result[item["template_id"][0]][1].append(
                {
                    "sequence": item["sequence"],
                    "competency_id": item["competency_id"][0],
                    "kind": item["kind"],
                }
            )
        return result

    def _sheet_vals(self, employee, template, template_vals, state):
        line_vals, item_vals = template_vals
        appraised = employee["user_id"] and employee["user_id"][0]
        Evaluation = self.env["cs.kpi.evaluation"]
        lines = []
        for vals in line_vals:
            vals = dict(vals)
            evaluators = Evaluation._cs_evaluators_of(
                vals.pop("evaluator_ids"), appraised
            )
            vals["evaluation_ids"] = [
                Command.create({"evaluator_id": user_id}) for user_id in evaluators
            ]
            lines.append(Command.create(vals))
        return {
            "campaign_id": self.id,
            "employee_id": employee["id"],
            "department_id": employee["department_id"] and employee["department_id"][0],
            "job_id": employee["job_id"][0],
            "manager_id": employee["parent_id"] and employee["parent_id"][0],
            "template_id": template.id,
            "state": state,
            "kpi_weight": template.kpi_weight,
            "competency_weight": template.competency_weight,
            "core_weight": template.core_weight,
            "reference_weight": template.reference_weight,
            "attitude_weight": template.attitude_weight,
            "scale_min": template.scale_min,
            "scale_max": template.scale_max,
            "pass_mark": template.pass_mark,
            "line_ids": lines,
            "competency_line_ids": [Command.create(dict(vals)) for vals in item_vals],
        }

    def _generate_sheets(self):
        self.ensure_one()
        employees = (
            self.env["hr.employee"]
            .sudo()
            .search_read(
                self._employee_domain(),
                ["job_id", "department_id", "parent_id", "user_id"],
            )
        )
        existing = self.env["cs.kpi.sheet"]._read_group(
            [("campaign_id", "=", self.id)], [], ["employee_id:array_agg"]
        )[0][0]
        existing = set(existing or [])
        templates, by_job = self._templates_by_job(self.period_type, self.company_id)
        template_vals = self._template_line_vals(templates)
        state = "open" if self.state == "open" else "draft"
        vals_list, missing = [], []
        for employee in employees:
            if employee["id"] in existing:
                continue
            template = employee["job_id"] and by_job.get(employee["job_id"][0])
            if not template:
                missing.append(employee["id"])
                continue
            vals_list.append(
                self._sheet_vals(employee, template, template_vals[template.id], state)
            )
        sheets = self.env["cs.kpi.sheet"].with_context(**QUIET_CREATE).create(vals_list)
        self.sudo().missing_employee_ids = [Command.set(missing)]
        if sheets:
            # a log, not a message: it must not depend on the user's email address
            self._message_log(
                body=self.env._(
                    "%(count)s appraisal sheets generated.", count=len(sheets)
                )
            )
        return sheets
