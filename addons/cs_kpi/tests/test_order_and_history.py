# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import KpiCommon


@tagged("post_install", "-at_install")
class TestOrderAndHistory(KpiCommon):
    """Manual's order of the items, score history chart, short refusals."""

    def test_items_follow_the_manual_order(self):
        """Core, then reference, then attitude items, then their sequence."""
        reference = self.env["cs.kpi.competency"].create(
            {"name": "Aaa reference T", "kind": "reference", "sequence": 1}
        )
        core_last = self.env["cs.kpi.competency"].create(
            {"name": "Zzz core T", "kind": "core", "sequence": 99}
        )
        self.template.with_user(self.hr_admin).write(
            {
                "competency_line_ids": [
                    Command.create({"competency_id": reference.id, "sequence": 1}),
                    Command.create({"competency_id": core_last.id, "sequence": 99}),
                ]
            }
        )
        expected = ["core", "core", "reference", "attitude"]
        self.template.invalidate_recordset(["competency_line_ids"])
        self.assertEqual(self.template.competency_line_ids.mapped("kind"), expected)
        campaign = self._new_campaign()
        campaign.action_generate_sheets()
        sheet = self._sheet(campaign, self.lead).with_user(self.hr_officer)
        items = sheet.competency_line_ids
        self.assertEqual(items.mapped("kind"), expected)
        self.assertEqual(items[:2].competency_id, self.comp_core | core_last)
        self.assertEqual(items[0].competency_id, self.comp_core)
        html = (
            self.env["ir.actions.report"]
            .with_user(self.hr_officer)
            ._render_qweb_html("cs_kpi.cs_kpi_sheet_pdf_report", sheet.ids)[0]
            .decode()
        )
        positions = [
            html.index(name)
            for name in ("Teamwork T", "Zzz core T", "Aaa reference T", "Punctual T")
        ]
        self.assertEqual(positions, sorted(positions))
        library = self.env["cs.kpi.competency"].search(
            [("id", "in", (reference | core_last | self.comp_attitude).ids)]
        )
        self.assertEqual(library.mapped("kind"), ["core", "reference", "attitude"])

    def test_score_history_is_a_line_chart(self):
        """The employee's appraisals open on a line chart over time, then a list."""
        action = self.lead.with_user(self.boss_user).action_open_kpi_sheets()
        self.assertEqual(action["domain"], [("employee_id", "=", self.lead.id)])
        view_types = [view_type for _view, view_type in action["views"]]
        self.assertEqual(view_types[:2], ["graph", "list"])
        graph_id = action["views"][0][0]
        history = self.env.ref("cs_kpi.cs_kpi_sheet_view_graph_history")
        self.assertEqual(graph_id, history.id)
        arch = (
            self.env["cs.kpi.sheet"]
            .with_user(self.boss_user)
            .get_views([(graph_id, "graph")])["views"]["graph"]["arch"]
        )
        self.assertIn('type="line"', arch)
        self.assertIn('name="date_from"', arch)

    def test_close_refusal_counts_the_other_sheets(self):
        """The refusal names five sheets and says how many more are unscored."""
        self.env["hr.employee"].create(
            [
                {
                    "name": f"Extra agent {index}",
                    "department_id": self.service.id,
                    "job_id": self.job_agent.id,
                }
                for index in range(3)
            ]
        )
        campaign = self._new_campaign()
        campaign.action_generate_sheets()
        self.assertEqual(len(campaign.sheet_ids), 7)
        campaign.action_open()
        campaign.action_review()
        with self.assertRaises(UserError) as refusal:
            campaign.with_user(self.hr_officer).action_close()
        message = str(refusal.exception)
        self.assertIn("and 2 more", message)
        self.assertEqual(campaign.state, "review")
        self._score_everything(campaign)
        sheet = self._sheet(campaign, self.deep)
        manual = sheet.line_ids.filtered(lambda li: li.measure_type == "manual")
        manual[0].write({"is_measured": False})
        with self.assertRaises(UserError) as refusal:
            campaign.with_user(self.hr_officer).action_close()
        message = str(refusal.exception)
        self.assertIn("Deep Agent", message)
        self.assertNotIn("more", message)
