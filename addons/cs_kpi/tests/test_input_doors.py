# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What an integrator sends to the appraisal models over JSON-RPC: a
campaign with its own dates, endless names and reasons, wrong types."""

from contextlib import contextmanager
from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import KpiCommon

HUGE_NAME = "x" * 1000000
HUGE_TEXT = "x" * 10001


@contextmanager
def refused(test, exception, regex):
    """``assertRaisesRegex``, the attempt rolled back as a refused call of a
    client is (Odoo's ``assertRaises`` does so, not ``assertRaisesRegex``)."""
    with test.assertRaisesRegex(exception, regex), test.env.cr.savepoint():
        yield


@tagged("post_install", "-at_install")
class TestCampaignInputDoors(KpiCommon):
    """A campaign created with explicit dates gets the deadline of those
    dates; its name is one line of at most 256 characters."""

    def _campaigns(self):
        return self.env["cs.kpi.campaign"].search_count([])

    def test_explicit_dates_deadline_follows(self):
        """An HR officer's campaign sent with its own dates is created, its
        deadline 15 days after the end it was sent (not the default period's)."""
        campaign = self._new_campaign(
            name="Q3 by RPC", date_from="2026-07-01", date_to="2026-09-30"
        )
        self.assertEqual(campaign.date_from, date(2026, 7, 1))
        self.assertEqual(campaign.date_to, date(2026, 9, 30))
        self.assertEqual(campaign.date_deadline, date(2026, 10, 15))
        # the period chosen, without dates, still gives its own deadline
        default = self._new_campaign(name="Q2", period_number=2)
        self.assertEqual(default.date_to, date(2026, 6, 30))
        self.assertEqual(default.date_deadline, date(2026, 7, 15))

    @mute_logger("odoo.sql_db")
    def test_explicit_deadline_kept_or_refused(self):
        """An explicit deadline is kept; one before the period starts is
        still refused and nothing is created."""
        campaign = self._new_campaign(
            name="Q3 own deadline",
            date_from="2026-07-01",
            date_to="2026-09-30",
            date_deadline="2026-10-31",
        )
        self.assertEqual(campaign.date_deadline, date(2026, 10, 31))
        count = self._campaigns()
        with self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self._new_campaign(
                name="Q3 early deadline",
                date_from="2026-07-01",
                date_to="2026-09-30",
                date_deadline="2026-06-30",
            )
        self.assertEqual(self._campaigns(), count)

    def test_campaign_name_length(self):
        """A campaign name of a megabyte is refused; 256 characters are fine."""
        count = self._campaigns()
        with refused(
            self,
            ValidationError,
            "Name is too long: 1,000,000 characters, at most 256",
        ):
            self._new_campaign(name=HUGE_NAME)
        self.assertEqual(self._campaigns(), count)
        campaign = self._new_campaign(name="n" * 256)
        with refused(self, ValidationError, "Name is too long"):
            campaign.with_user(self.hr_officer).write({"name": "n" * 257})
        self.assertEqual(campaign.name, "n" * 256)

    def test_force_close_reason_length(self):
        """An endless reason for forcing the closing is refused first; the
        campaign is untouched."""
        campaign = self._new_campaign()
        wizard = (
            self.env["cs.kpi.campaign.close"]
            .with_user(self.hr_officer)
            .create({"campaign_id": campaign.id, "reason": HUGE_TEXT})
        )
        with refused(self, UserError, "Reason is too long"):
            wizard.action_force_close()
        self.assertEqual(campaign.state, "draft")
        self.assertFalse(campaign.forced_close)


@tagged("post_install", "-at_install")
class TestKpiInputDoors(KpiCommon):
    """Goals, indicators, sheet comments and acknowledgements: typed values."""

    def test_goal_assess_wrong_type(self):
        """A manager's ``action_assess("abc")`` is refused naming the field;
        the goal stays unassessed (a text passed the goal)."""
        goal = (
            self.env["cs.kpi.goal"]
            .with_user(self.boss_user)
            .create(
                {"name": "Judged", "employee_id": self.lead.id, "measure": "judgement"}
            )
        )
        for passed in ("abc", 1, None, [True]):
            with (
                self.subTest(passed=passed),
                refused(self, ValidationError, "Passed must be true or false"),
            ):
                goal.action_assess(passed=passed)
        self.assertFalse(goal.is_assessed or goal.passed)

    def test_names_length(self):
        """Indicator, template and goal names and codes are bounded too."""
        Indicator = self.env["cs.kpi.indicator"].with_user(self.hr_admin)
        count = Indicator.search_count([])
        with refused(self, ValidationError, "Name is too long"):
            Indicator.create({"name": HUGE_NAME, "code": "T-LONG"})
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            # a code of a megabyte would overflow its unique index
            Indicator.create({"name": "Long code", "code": HUGE_NAME})
        self.assertEqual(Indicator.search_count([]), count)
        with refused(self, ValidationError, "Code is too long"):
            self.ind_direct.with_user(self.hr_admin).write({"code": "c" * 257})
        self.assertEqual(self.ind_direct.code, "T-REP")
        with refused(self, ValidationError, "Name is too long"):
            self.template.with_user(self.hr_admin).write({"name": HUGE_NAME})
        self.assertEqual(self.template.name, "Test quarterly")
        with refused(self, ValidationError, "Target \\(as stated\\) is too long"):
            self.env["cs.kpi.goal"].with_user(self.boss_user).create(
                {"name": "Calls", "employee_id": self.lead.id, "target_text": HUGE_NAME}
            )
        self.assertFalse(
            self.env["cs.kpi.goal"].search([("employee_id", "=", self.lead.id)])
        )

    def test_acknowledge_comment_length(self):
        """An employee's endless acknowledgement comment is refused first; the
        sheet stays unacknowledged."""
        campaign = self._new_campaign()
        campaign.action_generate_sheets()
        sheet = self._sheet(campaign, self.lead)
        wizard = (
            self.env["cs.kpi.sheet.acknowledge"]
            .with_user(self.lead_user)
            .create({"sheet_id": sheet.id, "comment": HUGE_TEXT})
        )
        with refused(self, UserError, "Comment is too long"):
            wizard.action_acknowledge()
        self.assertFalse(sheet.acknowledged or sheet.acknowledge_comment)
