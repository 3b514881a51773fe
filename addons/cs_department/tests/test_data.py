# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestShippedData(TransactionCase):
    """The manual's templates, forms and goals are installed by cs_department."""

    def _template(self, name):
        return self.env.ref(f"cs_department.cs_kpi_template_{name}")

    def test_quarter_templates_weights(self):
        """Manager 50/20/10/10/10, supervisor 40/20/10/10/10/10, default rep 100."""
        manager = self._template("manager_quarter")
        self.assertEqual(manager.line_ids.mapped("weight"), [50, 20, 10, 10, 10])
        supervisor = self._template("supervisor_quarter")
        self.assertEqual(supervisor.line_ids.mapped("weight"), [40, 20, 10, 10, 10, 10])
        representative = self._template("representative_quarter")
        self.assertEqual(representative.weight_total, 100)
        # a default, said once in the description, not in the name
        self.assertNotIn("default", representative.name.lower())
        self.assertIn("Default template", representative.note)
        for template in manager | supervisor | representative:
            self.assertTrue(
                all(template.line_ids.indicator_id.mapped("assessment_method"))
            )

    def test_engineer_default_template(self):
        """The engineer is appraised on his work orders and by the others."""
        engineer = self._template("engineer_quarter")
        self.assertEqual(
            engineer.job_ids, self.env.ref("cs_department.hr_job_cs_engineer")
        )
        self.assertEqual(engineer.line_ids.mapped("weight"), [50, 30, 20])
        self.assertEqual(
            engineer.line_ids.indicator_id.mapped("source"),
            ["cs_work_order_quality", "cs_work_order_on_time_rate", "manual"],
        )
        self.assertEqual(
            engineer.line_ids.indicator_id.mapped("measure_type"),
            ["computed", "computed", "evaluation"],
        )
        self.assertIn("Default template", engineer.note)
        self.assertNotIn(
            "manual cut off",
            " ".join(
                self.env["cs.kpi.indicator"].search([]).mapped("scoring_standard")
            ),
        )

    def test_half_year_forms(self):
        """Core/reference/attitude items exactly as the manual lists them."""
        manager = self._template("manager_half_year")
        supervisor = self._template("supervisor_half_year")
        counts = {
            kind: len(
                manager.competency_line_ids.filtered(lambda c, k=kind: c.kind == k)
            )
            for kind in ("core", "reference", "attitude")
        }
        self.assertEqual(counts, {"core": 4, "reference": 8, "attitude": 9})
        counts = {
            kind: len(
                supervisor.competency_line_ids.filtered(lambda c, k=kind: c.kind == k)
            )
            for kind in ("core", "reference", "attitude")
        }
        self.assertEqual(counts, {"core": 5, "reference": 3, "attitude": 5})
        # accountability is reference for the manager, core for the supervisor
        accountability = self.env.ref("cs_department.cs_kpi_competency_accountability")
        self.assertEqual(
            manager.competency_line_ids.filtered(
                lambda c: c.competency_id == accountability
            ).kind,
            "reference",
        )
        self.assertEqual((manager.scale_min, manager.scale_max), (1, 5))
        self.assertEqual(manager.competency_weight, 100)

    def test_defaults_and_goals(self):
        """Pass mark 60 and the job goals exist, on the CS jobs."""
        self.assertEqual(self._template("manager_quarter").pass_mark, 60)
        goal = self.env.ref("cs_department.cs_kpi_goal_mgr_six_sigma")
        self.assertEqual(goal.target, 3)
        self.assertEqual(goal.job_id, self.env.ref("cs_department.hr_job_cs_manager"))
        self.assertEqual(goal.category, "learning")
        self.assertEqual(
            self.env.ref("cs_department.cs_kpi_indicator_sup_mbo").source,
            "goal_pass_rate",
        )

    def test_manual_records_owned_by_cs_department(self):
        """Every record of the manual has its external id in cs_department."""
        names = [
            "cs_kpi_indicator_mgr_external_satisfaction",
            "cs_kpi_competency_teamwork",
            "cs_kpi_template_manager_quarter",
            "cs_kpi_goal_mgr_customer_satisfaction",
        ]
        data = self.env["ir.model.data"].search([("name", "in", names)])
        self.assertEqual(set(data.mapped("module")), {"cs_department"})
        self.assertEqual(len(data), len(names))
