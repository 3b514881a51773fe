# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What an integrator sends to the appraisal models over JSON-RPC: a
campaign with its own dates, endless names and reasons, wrong types."""

from datetime import date

from psycopg2 import IntegrityError

from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import KpiCommon


@tagged("post_install", "-at_install")
class TestCampaignInputDoors(KpiCommon):
    """A campaign created with explicit dates gets the deadline of those
    dates."""

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
