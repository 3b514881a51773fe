# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import KpiCommon


@tagged("post_install", "-at_install")
class TestAccess(KpiCommon):
    """Record rules: own sheets, the team at any depth, HR, evaluators."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._new_campaign()
        cls.campaign.action_generate_sheets()
        cls.campaign.action_open()
        cls.campaign.sheet_ids.write({"published": True})
        sheets = {sheet.employee_id: sheet for sheet in cls.campaign.sheet_ids}
        cls.boss_sheet = sheets[cls.boss]
        cls.lead_sheet = sheets[cls.lead]
        cls.deep_sheet = sheets[cls.deep]
        cls.outsider_sheet = sheets[cls.outsider]

    def test_employee_reads_only_his_sheet(self):
        """An employee reading a colleague's sheet gets an AccessError."""
        Sheet = self.env["cs.kpi.sheet"].with_user(self.outsider_user)
        self.assertEqual(Sheet.search([]), self.outsider_sheet)
        self.outsider_sheet.with_user(self.outsider_user).read(["total_score"])
        with self.assertRaises(AccessError):
            self.lead_sheet.with_user(self.outsider_user).read(["total_score"])
        with self.assertRaises(AccessError):
            self.lead_sheet.line_ids.with_user(self.outsider_user).read(["score"])

    def test_unpublished_sheet_is_hidden(self):
        """Before publication the employee does not see his own sheet."""
        self.outsider_sheet.published = False
        with self.assertRaises(AccessError):
            self.outsider_sheet.with_user(self.outsider_user).read(["total_score"])

    def test_employee_cannot_score_himself(self):
        """An employee cannot write his lines, even published."""
        line = self.outsider_sheet.line_ids[0].with_user(self.outsider_user)
        with self.assertRaises(AccessError):
            line.actual = 100

    def test_manager_sees_team_at_any_depth(self):
        """The manager reads and scores his direct and deep reports only."""
        Sheet = self.env["cs.kpi.sheet"].with_user(self.boss_user)
        self.assertEqual(
            Sheet.search([]), self.boss_sheet | self.lead_sheet | self.deep_sheet
        )
        deep = self.deep_sheet.with_user(self.boss_user)
        self.assertEqual(deep.employee_id, self.deep)
        line = deep.line_ids.filtered(lambda li: li.measure_type == "manual")[0]
        line.actual = 50
        self.assertTrue(line.is_measured)
        with self.assertRaises(AccessError):
            self.outsider_sheet.with_user(self.boss_user).read(["total_score"])
        with self.assertRaises(AccessError):
            self.boss_sheet.line_ids[0].with_user(self.boss_user).actual = 100

    def test_middle_employee_is_not_a_manager(self):
        """Without the manager role, the lead does not see his report's sheet."""
        with self.assertRaises(AccessError):
            self.deep_sheet.with_user(self.lead_user).read(["total_score"])

    def test_evaluator_limited_to_his_evaluations(self):
        """The evaluator sees his evaluations, not the lines or sheets rated."""
        Evaluation = self.env["cs.kpi.evaluation"].with_user(self.evaluator_user)
        mine = Evaluation.search([])
        self.assertEqual(mine, self.campaign.sheet_ids.evaluation_ids)
        self.assertEqual(mine.evaluator_id, self.evaluator_user)
        self.assertEqual(mine.indicator_id, self.ind_eval)
        line = mine[0].line_id
        Line = self.env["cs.kpi.sheet.line"].with_user(self.evaluator_user)
        self.assertFalse(Line.search([]))
        with self.assertRaises(AccessError):
            line.read(["actual"])
        with self.assertRaises(AccessError):
            mine[0].sheet_id.read(["total_score"])
        with self.assertRaises(AccessError):
            mine[0].evaluator_id = self.outsider_user
        other = self.env["cs.kpi.evaluation"].create(
            {"line_id": line.id, "evaluator_id": self.outsider_user.id}
        )
        self.assertNotIn(other, Evaluation.search([]))
        with self.assertRaises(AccessError):
            other.with_user(self.evaluator_user).score = 10

    def test_only_hr_runs_campaigns(self):
        """Employees and managers cannot create or generate campaigns."""
        with self.assertRaises(AccessError):
            self._new_campaign(user=self.boss_user)
        with self.assertRaises(AccessError):
            self.campaign.with_user(self.boss_user).action_generate_sheets()
        with self.assertRaises(AccessError):
            self.campaign.with_user(self.outsider_user).action_compute()
        self.campaign.with_user(self.hr_officer).action_compute()
