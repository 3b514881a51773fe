# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import Form, new_test_user, tagged

from .common import KpiCommon


@tagged("post_install", "-at_install")
class TestPeriodOnchange(KpiCommon):
    """Friction met in the HR flows: periods typed, first export, grades of
    unscored sheets, the score history."""

    def test_out_of_range_period_refused_where_typed(self):
        """A quarter number of 5 warns on the form and does not keep the dates
        of another quarter under it."""
        campaign_model = self.env["cs.kpi.campaign"].with_user(self.hr_officer)
        form = Form(campaign_model)
        form.name = "Q3 appraisal"
        form.year = 2026
        form.period_type = "quarter"
        form.period_number = 3
        self.assertEqual(str(form.date_from), "2026-07-01")
        with self.assertLogs("odoo.tests.form.onchange", "WARNING") as logs:
            form.period_number = 5
        self.assertIn("A quarter is numbered 1 to 4", logs.output[0])
        # Back to a valid quarter, with its own dates.
        self.assertIn(form.period_number, (1, 2, 3, 4))
        quarter_start = {1: "01", 2: "04", 3: "07", 4: "10"}[form.period_number]
        self.assertEqual(str(form.date_from), f"2026-{quarter_start}-01")
        form.period_number = 4
        with self.assertLogs("odoo.tests.form.onchange", "WARNING"):
            form.period_type = "half_year"
        self.assertIn(form.period_number, (1, 2))

    def test_xlsx_export_skips_the_layout_wizard(self):
        """An administrator's first export downloads the spreadsheet instead of
        asking him to configure the document layout of PDF reports."""
        admin = new_test_user(
            self.env,
            login="kpi_settings_admin",
            groups="base.group_system,cs_kpi.cs_kpi_group_hr_admin",
        )
        self.env.company.external_report_layout_id = False
        campaign = self._new_campaign()
        action = campaign.with_user(admin).action_export_xlsx()
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["report_type"], "xlsx")

    def test_unscored_sheet_has_no_grade(self):
        """A sheet nothing was scored on yet reads no grade, not a D."""
        campaign = self._new_campaign()
        campaign.action_generate_sheets()
        sheet = self._sheet(campaign, self.lead)
        self.assertFalse(sheet.grade)
        campaign.action_open()
        self.assertFalse(sheet.grade)
        self.assertFalse(sheet.passed)
        line = sheet.line_ids.filtered(lambda li: li.measure_type == "manual")[:1]
        line.with_user(self.hr_officer).actual = 50
        self.assertTrue(sheet.grade)

    def test_score_history_plots_appraised_periods_only(self):
        """Q1 and Q3 appraised, Q2 not: the history has two points, no 0."""
        for number in (1, 3):
            campaign = self._new_campaign(name=f"Q{number}", period_number=number)
            campaign.action_generate_sheets()
        action = self.lead.with_user(self.hr_officer).action_open_kpi_sheets()
        # What the graph view asks, with the action's context over its own.
        sheets = self.env["cs.kpi.sheet"].with_context(
            **{"fill_temporal": True, **action["context"]}
        )
        groups = sheets.read_group(
            action["domain"], ["total_score:avg"], ["date_from:quarter"], lazy=False
        )
        self.assertEqual(len(groups), 2)
        self.assertTrue(all(group["__count"] for group in groups))
