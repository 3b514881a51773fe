# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import KpiCommon


@tagged("post_install", "-at_install")
class TestSheetEditing(KpiCommon):
    """What users meet in the sheet and campaign forms (found in browser QA)."""

    def _open_campaign(self):
        campaign = self._new_campaign()
        campaign.action_generate_sheets()
        campaign.action_open()
        return campaign

    def test_score_shows_while_typing(self):
        """Typing an actual or a rating marks it scored before the form is saved."""
        campaign = self._open_campaign()
        sheet = self._sheet(campaign, self.lead).with_user(self.boss_user)
        form = Form(sheet)
        with form.line_ids.edit(0) as line:
            self.assertEqual(line.indicator_id, self.ind_ratio)
            line.actual = 72
            self.assertTrue(line.is_measured)
            self.assertEqual(line.score, 90.0)
        with form.competency_line_ids.edit(0) as item:
            item.rating = 4
            self.assertTrue(item.is_rated)
        form.save()
        self.assertEqual(sheet.line_ids[0].score, 90.0)
        self.assertTrue(sheet.competency_line_ids[0].is_rated)

    def test_manager_only_scores(self):
        """A manager scores through the lines but cannot change the pass mark."""
        campaign = self._open_campaign()
        sheet = self._sheet(campaign, self.lead).with_user(self.boss_user)
        line = sheet.line_ids.filtered(lambda li: li.indicator_id == self.ind_direct)
        sheet.write({"line_ids": [Command.update(line.id, {"actual": 75})]})
        self.assertEqual(line.score, 75.0)
        for vals in ({"pass_mark": 10}, {"kpi_weight": 50}, {"published": True}):
            with self.assertRaises(AccessError):
                sheet.write(vals)
        self.assertEqual(sheet.pass_mark, 60.0)
        self.assertFalse(sheet.published)
        sheet.with_user(self.hr_officer).write({"pass_mark": 50})
        self.assertEqual(sheet.pass_mark, 50.0)

    def test_forced_close_counts_unrated_items_zero(self):
        """Closing by force counts unrated items 0, in the totals and ranks."""
        campaign = self._open_campaign()
        self._score_everything(campaign)
        sheet = self._sheet(campaign, self.lead)
        core, attitude = sheet.competency_line_ids.sorted(lambda i: i.kind != "core")
        attitude.with_user(self.hr_officer).write({"rating": False})
        self.assertFalse(attitude.is_rated)
        self.assertEqual(sheet.competency_score, 80.0)  # the rated core item only
        campaign.action_review()
        wizard = Form(
            self.env["cs.kpi.campaign.close"]
            .with_user(self.hr_officer)
            .with_context(default_campaign_id=campaign.id)
        )
        wizard.reason = "The attitude form of Lead was lost."
        wizard.save().action_force_close()
        self.assertEqual(core.rating, 4)
        self.assertEqual(sheet.competency_score, 40.0)  # core 80, attitude 0
        sheets = campaign.sheet_ids
        best = max(sheets, key=lambda s: s.total_score)
        self.assertEqual(best.rank, 1)
        self.assertEqual(
            campaign.average_score,
            round(sum(sheets.mapped("total_score")) / len(sheets), 2),
        )

    def test_user_without_email_runs_a_campaign(self):
        """HR without an email address can generate sheets and force the closing."""
        email = self.hr_officer.email
        self.hr_officer.email = False
        campaign = self._new_campaign()
        campaign.action_generate_sheets()
        self.assertTrue(campaign.sheet_ids)
        self.assertIn(
            "appraisal sheets generated", "".join(campaign.message_ids.mapped("body"))
        )
        # the managers' to-do notifications are mailed from HR's address
        self.hr_officer.email = email
        campaign.action_open()
        self.hr_officer.email = False
        campaign.action_review()
        wizard = Form(
            self.env["cs.kpi.campaign.close"]
            .with_user(self.hr_officer)
            .with_context(default_campaign_id=campaign.id)
        )
        wizard.reason = "Nobody scored in time."
        wizard.save().action_force_close()
        self.assertEqual(campaign.state, "done")

    def test_publish_counts_unpublished_sheets(self):
        """The campaign counts its unpublished sheets; publishing clears them."""
        campaign = self._open_campaign()
        self._score_everything(campaign)
        campaign.action_review()
        campaign.action_close()
        self.assertEqual(campaign.unpublished_count, campaign.sheet_count)
        campaign.with_user(self.hr_officer).action_publish()
        campaign.invalidate_recordset(["unpublished_count"])
        self.assertEqual(campaign.unpublished_count, 0)
