# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase

QUIET = {
    "mail_create_nolog": True,
    "mail_notrack": True,
    "tracking_disable": True,
    "no_reset_password": True,
}


class KpiCommon(TransactionCase):
    """Users of every cs_kpi group, an org chart, a library and a template.

    Org chart (department "KPI Test Service"): boss (manager user) <- lead (user)
    <- agent_deep (user); boss <- agent (user, the colleague of nobody's team);
    outsider (user, no manager); noob (job without template). The evaluator
    works in another department.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **QUIET))
        env = cls.env
        cls.hr_admin = new_test_user(
            env, login="kpi_hr_admin", groups="cs_kpi.cs_kpi_group_hr_admin"
        )
        cls.hr_officer = new_test_user(
            env, login="kpi_hr_officer", groups="cs_kpi.cs_kpi_group_hr_officer"
        )
        cls.boss_user = new_test_user(
            env, login="kpi_boss", groups="cs_kpi.cs_kpi_group_manager"
        )
        cls.lead_user = new_test_user(
            env, login="kpi_lead", groups="cs_kpi.cs_kpi_group_employee"
        )
        cls.deep_user = new_test_user(
            env, login="kpi_deep", groups="cs_kpi.cs_kpi_group_employee"
        )
        cls.outsider_user = new_test_user(
            env, login="kpi_outsider", groups="cs_kpi.cs_kpi_group_employee"
        )
        cls.evaluator_user = new_test_user(
            env, login="kpi_evaluator", groups="cs_kpi.cs_kpi_group_employee"
        )
        cls.service = env["hr.department"].create({"name": "KPI Test Service"})
        cls.sales = env["hr.department"].create({"name": "KPI Test Sales"})
        Job = env["hr.job"]
        cls.job_boss = Job.create({"name": "KPI Test Boss"})
        cls.job_agent = Job.create({"name": "KPI Test Agent"})
        cls.job_none = Job.create({"name": "KPI Test Job Without Template"})
        Employee = env["hr.employee"]
        cls.boss = Employee.create(
            {
                "name": "Boss",
                "user_id": cls.boss_user.id,
                "department_id": cls.service.id,
                "job_id": cls.job_boss.id,
            }
        )
        cls.lead = Employee.create(
            {
                "name": "Lead",
                "user_id": cls.lead_user.id,
                "department_id": cls.service.id,
                "job_id": cls.job_agent.id,
                "parent_id": cls.boss.id,
            }
        )
        cls.deep = Employee.create(
            {
                "name": "Deep Agent",
                "user_id": cls.deep_user.id,
                "department_id": cls.service.id,
                "job_id": cls.job_agent.id,
                "parent_id": cls.lead.id,
            }
        )
        cls.outsider = Employee.create(
            {
                "name": "Outsider",
                "user_id": cls.outsider_user.id,
                "department_id": cls.service.id,
                "job_id": cls.job_agent.id,
            }
        )
        cls.noob = Employee.create(
            {
                "name": "Noob",
                "department_id": cls.service.id,
                "job_id": cls.job_none.id,
                "parent_id": cls.boss.id,
            }
        )
        cls.evaluator = Employee.create(
            {
                "name": "Evaluator",
                "user_id": cls.evaluator_user.id,
                "department_id": cls.sales.id,
            }
        )
        Indicator = env["cs.kpi.indicator"]
        cls.ind_ratio = Indicator.create(
            {
                "name": "Satisfaction",
                "code": "T-SAT",
                "scoring_method": "target_ratio",
                "target": 80,
            }
        )
        cls.ind_direct = Indicator.create(
            {"name": "Reports", "code": "T-REP", "category": "internal"}
        )
        cls.ind_eval = Indicator.create(
            {
                "name": "Internal satisfaction",
                "code": "T-INT",
                "category": "internal",
                "measure_type": "evaluation",
            }
        )
        cls.ind_goal = Indicator.create(
            {
                "name": "MBO",
                "code": "T-MBO",
                "category": "learning",
                "measure_type": "computed",
                "source": "goal_pass_rate",
            }
        )
        Competency = env["cs.kpi.competency"]
        cls.comp_core = Competency.create({"name": "Teamwork T", "kind": "core"})
        cls.comp_attitude = Competency.create(
            {"name": "Punctual T", "kind": "attitude"}
        )
        cls.template = env["cs.kpi.template"].create(
            {
                "name": "Test quarterly",
                "period_type": "quarter",
                "job_ids": [Command.set([cls.job_boss.id, cls.job_agent.id])],
                "kpi_weight": 80,
                "competency_weight": 20,
                "line_ids": [
                    Command.create({"indicator_id": cls.ind_ratio.id, "weight": 40}),
                    Command.create({"indicator_id": cls.ind_direct.id, "weight": 20}),
                    Command.create(
                        {
                            "indicator_id": cls.ind_eval.id,
                            "weight": 20,
                            "evaluator_ids": [Command.set(cls.evaluator_user.ids)],
                        }
                    ),
                    Command.create({"indicator_id": cls.ind_goal.id, "weight": 20}),
                ],
                "competency_line_ids": [
                    Command.create({"competency_id": cls.comp_core.id}),
                    Command.create({"competency_id": cls.comp_attitude.id}),
                ],
            }
        )
        cls.employees = cls.boss | cls.lead | cls.deep | cls.outsider | cls.noob

    @classmethod
    def _new_campaign(cls, user=None, **vals):
        values = {
            "name": "Test Q1",
            "period_type": "quarter",
            "year": 2026,
            "period_number": 1,
            "department_ids": [Command.set(cls.service.ids)],
        }
        values.update(vals)
        return (
            cls.env["cs.kpi.campaign"].with_user(user or cls.hr_officer).create(values)
        )

    def _sheet(self, campaign, employee):
        return campaign.sheet_ids.filtered(lambda sheet: sheet.employee_id == employee)

    def _score_everything(self, campaign, user=None):
        """Enter a value on every manual line and rate every item, as ``user``."""
        user = user or self.hr_officer
        sheets = campaign.with_user(user).sheet_ids
        for index, sheet in enumerate(sheets):
            for line in sheet.line_ids.filtered(lambda li: li.measure_type == "manual"):
                line.actual = 60 + 5 * index if line.scoring_method == "direct" else 72
            for item in sheet.competency_line_ids:
                item.rating = 4
        evaluations = self.env["cs.kpi.evaluation"].search(
            [("campaign_id", "=", campaign.id)]
        )
        for evaluation in evaluations.with_user(self.evaluator_user):
            evaluation.score = 90
            evaluation.action_submit()
