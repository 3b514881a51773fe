# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CsDepartmentCommon


@tagged("post_install", "-at_install")
class TestJobDescription(CsDepartmentCommon):
    """Job descriptions of the manual are shipped, printable and protected."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.job_manager = cls.env.ref("cs_department.hr_job_cs_manager")
        cls.job_supervisor = cls.env.ref("cs_department.hr_job_cs_supervisor")
        cls.job_representative = cls.env.ref("cs_department.hr_job_cs_representative")
        cls.job_engineer = cls.env.ref("cs_department.hr_job_cs_engineer")

    def test_seed_jobs_complete(self):
        """Every duty, authority and goal of the manual is loaded on install."""
        expected = {
            self.job_manager: (13, 4, 9),
            self.job_supervisor: (12, 3, 10),
            self.job_representative: (9, 2, 1),
        }
        for job, (duties, authorities, goals) in expected.items():
            self.assertEqual(len(job.cs_duty_ids), duties, job.name)
            self.assertEqual(len(job.cs_authority_ids), authorities, job.name)
            self.assertEqual(len(job.cs_goal_ids), goals, job.name)
            self.assertTrue(job.cs_education and job.cs_abilities, job.name)
        self.assertEqual(
            self.job_manager.cs_goal_ids.filtered(
                lambda goal: goal.category == "learning"
            ).target_text,
            "3 a year",
        )
        # one source: the job's goals are its KPI goals, not duty items
        self.assertEqual(self.job_manager.cs_goal_ids._name, "cs.kpi.goal")
        self.assertFalse(self.env["cs.job.duty"].search([("kind", "=", "goal")]))
        self.assertTrue(self.job_engineer.cs_is_default_description)
        self.assertFalse(self.job_manager.cs_is_default_description)

    def test_reporting_line(self):
        """Representative reports to the supervisor, who reports to the manager."""
        self.assertEqual(
            self.job_representative.cs_reports_to_job_id, self.job_supervisor
        )
        self.assertEqual(self.job_supervisor.cs_reports_to_job_id, self.job_manager)
        self.assertIn(self.job_supervisor, self.job_manager.cs_subordinate_job_ids)
        self.assertEqual(
            self.job_manager.department_id,
            self.env.ref("cs_department.hr_department_customer_service"),
        )

    def test_duties_grouped_in_manual_order(self):
        """Duties come grouped customer, internal, learning, each in sequence."""
        sections = self.job_manager._cs_duties_by_category("goal")
        self.assertEqual(
            [label for label, _items in sections],
            ["Customer Relations", "Internal Management", "Learning and Innovation"],
        )
        customer = sections[0][1]
        self.assertEqual(
            customer.mapped("sequence"), sorted(customer.mapped("sequence"))
        )
        self.assertEqual(customer[0].name, "Customer satisfaction")

    def test_pdf_renders_duties(self):
        """The printable job description contains the purpose, duties and goals."""
        report = self.env["ir.actions.report"].with_user(self.manager)
        html = report._render_qweb_html(
            "cs_department.report_job_description", self.job_supervisor.ids
        )[0].decode()
        self.assertIn("Service Desk Supervisor", html)
        self.assertIn("spot-check each group member", html)
        self.assertIn("Right to guide and appraise subordinates.", html)
        self.assertIn("average quarterly pass rate 95%", html)
        self.assertIn("Internal Management", html)

    def test_manager_edits_description(self):
        """The department manager maintains job descriptions."""
        duty = self.job_representative.cs_duty_ids[0].with_user(self.manager)
        duty.name = "Accept consultations online."
        self.assertEqual(duty.name, "Accept consultations online.")
        self.job_representative.with_user(self.manager).cs_purpose = "Serve customers."

    def test_representative_cannot_edit_description(self):
        """A representative reads his job description but cannot change it."""
        duty = self.job_representative.cs_duty_ids[0].with_user(self.representative)
        self.assertTrue(duty.name)
        with self.assertRaises(AccessError):
            duty.name = "Nothing to do."
        with self.assertRaises(AccessError):
            self.job_representative.with_user(self.representative).cs_purpose = "x"

    def test_plain_employee_cannot_read_duties(self):
        """A plain employee has no access to the structured job description."""
        with self.assertRaises(AccessError):
            self.env["cs.job.duty"].with_user(self.employee).search([])
