# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import tagged
from odoo.tests.common import TransactionCase

# The libraries and templates a department fills in; cs_kpi ships only examples.
LIBRARY_MODELS = (
    "cs.kpi.indicator",
    "cs.kpi.competency",
    "cs.kpi.template",
    "cs.kpi.goal",
)


@tagged("post_install", "-at_install")
class TestGenericData(TransactionCase):
    """cs_kpi is an engine: generic defaults, no department's data."""

    def test_default_grade_bands(self):
        """Default grade bands A/B/C/D for templates without their own."""
        bands = self.env["cs.kpi.grade.band"].search([("template_id", "=", False)])
        self.assertEqual(
            sorted((b.min_score, b.name) for b in bands),
            [(0, "D"), (70, "C"), (80, "B"), (90, "A")],
        )

    def test_no_department_data_in_cs_kpi(self):
        """cs_kpi owns no library record but its demo examples.

        Without a department module installed, the libraries hold nothing else: no
        record of the customer-service manual comes with the engine.
        """
        Data = self.env["ir.model.data"]
        for model in LIBRARY_MODELS:
            owned = Data.search([("module", "=", "cs_kpi"), ("model", "=", model)])
            self.assertEqual(
                [name for name in owned.mapped("name") if "_example" not in name],
                [],
                model,
            )
        department = self.env["ir.module.module"].search(
            [("name", "=", "cs_department"), ("state", "=", "installed")]
        )
        if department:
            return
        for model in LIBRARY_MODELS:
            records = self.env[model].with_context(active_test=False).search([])
            owned = Data.search(
                [
                    ("module", "=", "cs_kpi"),
                    ("model", "=", model),
                    ("res_id", "in", records.ids),
                ]
            )
            self.assertEqual(len(records), len(owned), model)
            self.assertFalse(
                records.filtered(lambda rec: "Teamwork" in rec.display_name), model
            )

    def test_example_template_is_marked(self):
        """The demo template says it is an example and applies to no job."""
        template = self.env.ref("cs_kpi.cs_kpi_template_example", False)
        if not template:
            self.skipTest("cs_kpi installed without demo data")
        self.assertIn("Example", template.name)
        self.assertFalse(template.job_ids)
        self.assertEqual(template.weight_total, 100)
