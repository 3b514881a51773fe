# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import io
import zipfile

from odoo.tests import tagged

from .common import KpiCommon


@tagged("post_install", "-at_install")
class TestReports(KpiCommon):
    """The XLSX campaign export and the printable sheet render."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._new_campaign()
        cls.campaign.action_generate_sheets()

    def test_xlsx_export(self):
        """One worksheet per department, a row per employee with KPI columns."""
        report = self.env.ref("cs_kpi.cs_kpi_campaign_xlsx_report")
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(self.hr_officer)
            ._render_xlsx(report.report_name, self.campaign.ids, {})
        )
        self.assertEqual(kind, "xlsx")
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            workbook = archive.read("xl/workbook.xml").decode()
            strings = archive.read("xl/sharedStrings.xml").decode()
        self.assertIn("KPI Test Service", workbook)
        for name in ("Boss", "Deep Agent", "KPI Test Agent", "Satisfaction"):
            self.assertIn(name, strings)
        for name in ("Weighted", "Rank in job"):
            self.assertIn(name, strings)
        self.assertNotIn("Satisfaction - Score", strings)

    def test_pdf_sheet(self):
        """The appraisal sheet renders with the employee and his indicators."""
        sheet = self.campaign.sheet_ids.filtered(lambda s: s.employee_id == self.lead)
        html = (
            self.env["ir.actions.report"]
            .with_user(self.hr_officer)
            ._render_qweb_html("cs_kpi.cs_kpi_sheet_pdf_report", sheet.ids)[0]
            .decode()
        )
        self.assertIn("Lead", html)
        self.assertIn("Satisfaction", html)
        self.assertIn("KPI score", html)
