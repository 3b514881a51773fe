# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import io
import zipfile
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import KpiCommon


@tagged("post_install", "-at_install")
class TestExplain(KpiCommon):
    """The explanation hook (_explain_source_<key>) on the goal pass rate, the
    Explain action and the XLSX export's basis."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Goal = cls.env["cs.kpi.goal"]
        cls.goals = Goal.create(
            [
                {
                    "name": name,
                    "employee_id": cls.lead.id,
                    "target": 10,
                    "actual": actual,
                    "date_from": date(2026, 1, 1),
                    "date_to": date(2026, 3, 31),
                }
                for name, actual in (("Passed", 12), ("Failed", 8), ("Also", 10))
            ]
        )
        # another quarter's goal and another employee's: not his basis
        Goal.create(
            [
                {
                    "name": "Q2",
                    "employee_id": cls.lead.id,
                    "target": 10,
                    "actual": 1,
                    "date_from": date(2026, 4, 1),
                    "date_to": date(2026, 6, 30),
                },
                {
                    "name": "Deep's",
                    "employee_id": cls.deep.id,
                    "target": 10,
                    "actual": 1,
                    "date_from": date(2026, 1, 1),
                    "date_to": date(2026, 3, 31),
                },
            ]
        )
        cls.campaign = cls._new_campaign()
        cls.campaign.action_generate_sheets()
        cls.campaign.action_open()
        cls.campaign.with_user(cls.hr_officer).action_compute()

    def _goal_line(self, employee):
        return self._sheet(self.campaign, employee).line_ids.filtered(
            lambda line: line.indicator_id == self.ind_goal
        )

    def test_goal_pass_rate_explained(self):
        """The goals each explanation lists give back the line's pass rate."""
        lines = self.campaign.sheet_ids.line_ids.filtered(
            lambda line: line.source == "goal_pass_rate"
        )
        explanations = lines._explain()
        self.assertEqual(set(explanations), set(lines.ids))
        for line in lines:
            model, domain, __ = explanations[line.id]
            goals = self.env[model].search(domain)
            if line.is_measured:
                self.assertTrue(goals)
                rate = 100.0 * len(goals.filtered("passed")) / len(goals)
                self.assertAlmostEqual(rate, line.actual, places=2)
            else:
                self.assertFalse(goals)
        line = self._goal_line(self.lead)
        model, domain, sentence = explanations[line.id]
        self.assertEqual(self.env[model].search(domain), self.goals)
        self.assertEqual(
            sentence,
            "66.67 = share of the 3 assessed goals of the period that passed (2).",
        )

    def test_action_explain(self):
        """Explain opens the goals with the sentence above them, as the user:
        the HR officer sees them all, an outsider cannot open the line."""
        line = self._goal_line(self.lead)
        action = line.with_user(self.hr_officer).action_explain()
        self.assertEqual(action["res_model"], "cs.kpi.goal")
        self.assertEqual(
            self.env["cs.kpi.goal"].with_user(self.hr_officer).search(action["domain"]),
            self.goals,
        )
        self.assertTrue(action["context"]["cs_kpi_explain"].startswith("66.67 = "))
        # dates travel as strings in the action
        self.assertNotIn(
            date, {type(leaf[2]) for leaf in action["domain"] if len(leaf) == 3}
        )
        with self.assertRaises(AccessError):
            line.with_user(self.outsider_user).action_explain()

    def test_xlsx_basis_sheet(self):
        """The export's Basis worksheet: per computed line, its record count
        and formula."""
        report = self.env.ref("cs_kpi.cs_kpi_campaign_xlsx_report")
        content, __ = (
            self.env["ir.actions.report"]
            .with_user(self.hr_officer)
            ._render_xlsx(report.report_name, self.campaign.ids, {})
        )
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            workbook = archive.read("xl/workbook.xml").decode()
            strings = archive.read("xl/sharedStrings.xml").decode()
        self.assertIn('name="Basis"', workbook)
        self.assertIn("Formula", strings)
        self.assertIn(
            "66.67 = share of the 3 assessed goals of the period that passed (2).",
            strings,
        )
