# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import KpiCommon


@tagged("post_install", "-at_install")
class TestScoringOrm(KpiCommon):
    """Every scoring method and every refusal, through the ORM."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Indicator = cls.env["cs.kpi.indicator"]
        cls.ind_lower = Indicator.create(
            {
                "name": "Complaint rate",
                "code": "T-LOW",
                "scoring_method": "target_ratio",
                "higher_is_better": False,
                "target": 2,
            }
        )
        cls.ind_linear = Indicator.create(
            {
                "name": "Linear",
                "code": "T-LIN",
                "scoring_method": "linear",
                "floor": 60,
                "target": 80,
            }
        )
        cls.ind_bands = Indicator.create(
            {
                "name": "Bands",
                "code": "T-BND",
                "scoring_method": "bands",
                "band_ids": [
                    Command.create({"threshold": 95, "score": 100}),
                    Command.create({"threshold": 85, "score": 80}),
                ],
            }
        )
        cls.ind_pass = Indicator.create(
            {
                "name": "Pass",
                "code": "T-PF",
                "scoring_method": "pass_fail",
                "target": 3,
            }
        )
        cls.campaign = cls._new_campaign()
        cls.campaign.action_generate_sheets()
        cls.campaign.action_open()
        cls.sheet = cls.campaign.sheet_ids.filtered(lambda s: s.employee_id == cls.lead)

    def _line(self, indicator, weight=25, **vals):
        line = self.env["cs.kpi.sheet.line"].create(
            dict(
                sheet_id=self.sheet.id,
                indicator_id=indicator.id,
                weight=weight,
                target=indicator.target,
                floor=indicator.floor,
                **vals,
            )
        )
        return line

    def test_each_method(self):
        """direct, ratio (both ways, capped), linear, bands and pass/fail score."""
        cases = [
            (self.ind_direct, {"actual": 87.456}, 87.46),
            (self.ind_ratio, {"actual": 60}, 75.0),
            (self.ind_ratio, {"actual": 100}, 100.0),
            (self.ind_lower, {"actual": 4}, 50.0),
            (self.ind_lower, {"actual": 1}, 100.0),
            (self.ind_linear, {"actual": 75}, 75.0),
            (self.ind_linear, {"actual": 50}, 0.0),
            (self.ind_bands, {"actual": 90}, 80.0),
            (self.ind_bands, {"actual": 50}, 0.0),
            (self.ind_pass, {"actual": 3}, 100.0),
            (self.ind_pass, {"actual": 2}, 0.0),
        ]
        for indicator, vals, expected in cases:
            with self.subTest(indicator=indicator.name, vals=vals):
                line = self._line(indicator, **vals)
                self.assertTrue(line.is_measured)
                self.assertEqual(line.score, expected)
                self.assertEqual(
                    line.weighted_score, round(expected * 25 / 100 + 1e-9, 2)
                )

    def test_unmeasured_line_scores_zero(self):
        """A line without actual is not scored and weighs 0."""
        line = self._line(self.ind_direct)
        self.assertFalse(line.is_measured)
        self.assertEqual(line.score, 0)
        line.actual = 0
        self.assertTrue(line.is_measured)

    def test_half_up_rounding_on_sheet(self):
        """Weighted scores and totals round half-up to two decimals."""
        line = self._line(self.ind_direct, weight=10, actual=12.345)
        self.assertEqual(line.score, 12.35)
        self.assertEqual(line.weighted_score, 1.24)  # 1.235 -> 1.24

    def test_score_out_of_range(self):
        """A direct score or an evaluation outside 0-100 is refused."""
        line = self.sheet.line_ids.filtered(
            lambda li: li.indicator_id == self.ind_direct
        )
        with self.assertRaises(ValidationError):
            line.with_user(self.boss_user).actual = 120
        with self.assertRaises(ValidationError):
            line.actual = -1
        evaluation = self.sheet.evaluation_ids.with_user(self.evaluator_user)
        # bounded in the database (CHECK constraint), refused when flushed
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            evaluation.score = 101
            evaluation.flush_recordset()

    def test_rating_outside_scale(self):
        """A rating outside the template's scale (1-5) is refused."""
        item = self.sheet.competency_line_ids[0].with_user(self.boss_user)
        with self.assertRaises(ValidationError):
            item.rating = 6
        with self.assertRaises(ValidationError):
            item.rating = 0
        item.rating = 5
        # only rated sections count while scoring: core 5/5 -> 100
        self.assertEqual(self.sheet.competency_score, 100.0)

    def test_template_weights_must_sum_to_100(self):
        """An active template with weights != 100 is refused; drafts may wait."""
        Template = self.env["cs.kpi.template"].with_user(self.hr_admin)
        vals = {
            "name": "Bad",
            "job_ids": [Command.set(self.job_none.ids)],
            "line_ids": [
                Command.create({"indicator_id": self.ind_ratio.id, "weight": 60}),
                Command.create({"indicator_id": self.ind_direct.id, "weight": 30}),
            ],
        }
        with self.assertRaises(ValidationError):
            Template.create(vals)
        draft = Template.create(dict(vals, active=False))
        with self.assertRaises(ValidationError):
            draft.active = True
        draft.write(
            {
                "active": True,
                "line_ids": [Command.update(draft.line_ids[1].id, {"weight": 40})],
            }
        )
        self.assertEqual(draft.weight_total, 100)
        # moving weight between two lines in one save is fine
        draft.write(
            {
                "line_ids": [
                    Command.update(draft.line_ids[0].id, {"weight": 50}),
                    Command.update(draft.line_ids[1].id, {"weight": 50}),
                ]
            }
        )
        # a line changed on its own is checked with its template at flush
        with self.assertRaises(ValidationError):
            draft.line_ids[0].weight = 70
            self.env.cr.flush()
        with self.assertRaises(ValidationError):
            draft.write({"kpi_weight": 90})
        with self.assertRaises(AccessError):
            draft.with_user(self.hr_officer).name = "HR officers do not configure"

    def test_indicator_consistency(self):
        """Computed indicators need a source; band scoring needs bands."""
        Indicator = self.env["cs.kpi.indicator"].with_user(self.hr_admin)
        with self.assertRaises(ValidationError):
            Indicator.create({"name": "X", "code": "X1", "measure_type": "computed"})
        with self.assertRaises(ValidationError):
            Indicator.create({"name": "X", "code": "X2", "scoring_method": "bands"})
        with self.assertRaises(ValidationError):
            Indicator.create({"name": "X", "code": "X3", "source": "goal_pass_rate"})
