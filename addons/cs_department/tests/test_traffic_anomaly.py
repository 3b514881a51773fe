# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import GROUP
from .common_traffic import MONTHS, TODAY, CsTrafficCommon


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestTrafficSegments(CsTrafficCommon):
    """Small, medium and large customers from their average monthly volume."""

    def test_segment_thresholds(self):
        """Thresholds and months of the settings decide; older months do not count."""
        just_small = self._customer("JustSmall", self._monthly(999, 999, 999))
        at_small = self._customer("AtSmall", self._monthly(500, 1000, 1500))
        just_medium = self._customer("JustMedium", self._monthly(0, 9999.99, 19999.98))
        at_large = self._customer("AtLarge", self._monthly(90000, 10000, 10000, 10000))
        partial = self._customer("Partial", self._monthly(3000, 0))
        segments = {
            partner: partner.cs_traffic_segment
            for partner in just_small | at_small | just_medium | at_large | partial
        }
        self.assertEqual(
            segments,
            {
                just_small: "small",
                at_small: "medium",
                just_medium: "medium",
                at_large: "large",
                partial: "medium",  # missing months count as zero: 3000 / 3
            },
        )
        self.assertEqual(partial.cs_traffic_avg_volume, 1000)
        # Two months only, other thresholds: the monthly job recomputes all.
        self.company.write(
            {"cs_traffic_segment_months": 2, "cs_traffic_small_max": 5001}
        )
        self.env["res.partner"]._cs_recompute_traffic_segments_all()
        self.assertEqual(just_medium.cs_traffic_segment, "large")
        self.assertEqual(just_small.cs_traffic_avg_volume, 999)
        self.assertEqual(partial.cs_traffic_segment, "small")

    def test_segment_searchable_and_groupable(self):
        """Representatives filter and group customers by segment."""
        small = self._customer("S1", self._monthly(10, 10, 10))
        large = self._customer("L1", self._monthly(20000, 20000, 20000))
        Partner = self.env["res.partner"].with_user(self.representative)
        self.assertEqual(
            Partner.search(
                [
                    ("cs_traffic_segment", "=", "small"),
                    ("id", "in", (small | large).ids),
                ]
            ),
            small,
        )
        groups = dict(
            Partner._read_group(
                [("id", "in", (small | large).ids)], ["cs_traffic_segment"], ["__count"]
            )
        )
        self.assertEqual(groups, {"small": 1, "large": 1})

    def test_weekly_records_do_not_count(self):
        """The segment averages monthly records only."""
        weekly = self._customer(
            "Weekly",
            {date(2026, 6, 1): 5000, date(2026, 6, 8): 5000},
            granularity="week",
        )
        self.assertEqual(weekly.cs_traffic_segment, "small")
        self.assertEqual(weekly.cs_traffic_avg_volume, 0)


@tagged("post_install", "-at_install")
class TestTrafficAnomaly(CsTrafficCommon):
    """Weekly detection: one callback per small customer and period."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time(TODAY):
            cls.drop = cls._customer("Drop", cls._monthly(100, 120, 80, 40))
            cls.rise = cls._customer("Rise", cls._monthly(200, 200, 200, 320))
            cls.steady = cls._customer("Steady", cls._monthly(300, 310, 290, 280))
            cls.slight = cls._customer("Slight", cls._monthly(100, 100, 100, 75))
            cls.silent = cls._customer("Silent", cls._monthly(90, 90, 90, 0))
            cls.large = cls._customer("Large", cls._monthly(30000, 30000, 30000, 9000))
            cls.newcomer = cls._customer("Newcomer", cls._monthly(50))
            # No June record at all: no data, not compared.
            cls.missing = cls._customer("Missing", dict.fromkeys(MONTHS[2:5], 90))
            # An incomplete July is never compared.
            cls.july = cls._customer(
                "July", {**cls._monthly(100, 100, 100, 100), date(2026, 7, 1): 1}
            )

    def _detect(self, user=None, when=TODAY):
        with freeze_time(when):
            Anomaly = self.env["cs.traffic.anomaly"].with_user(user or self.supervisor)
            Anomaly.action_cs_detect_anomalies()
        return self.env["cs.callback"].search([("reason", "=", "traffic_anomaly")])

    def test_expected_customers_and_figures(self):
        """Exactly the small customers beyond the thresholds, with their figures."""
        callbacks = self._detect()
        self.assertEqual(callbacks.partner_id, self.drop | self.rise | self.silent)
        anomalies = self.env["cs.traffic.anomaly"].search([])
        figures = {
            a.partner_id.name: (a.volume, a.trailing_avg, a.change_pct, a.direction)
            for a in anomalies
        }
        self.assertEqual(
            figures,
            {
                "Drop": (40, 100, -60, "drop"),
                "Rise": (320, 200, 60, "rise"),
                "Silent": (0, 90, -100, "drop"),
                "Large": (9000, 30000, -70, "drop"),
            },
        )
        large = anomalies.filtered(lambda a: a.partner_id == self.large)
        self.assertEqual(large.segment, "large")
        self.assertFalse(large.callback_id)
        drop = anomalies.filtered(lambda a: a.partner_id == self.drop).callback_id
        self.assertEqual(drop.state, "todo")
        self.assertEqual(drop.scheduled_date, date(2026, 7, 15))
        self.assertIn("40.00", drop.notes)
        self.assertIn("100.00", drop.notes)
        self.assertIn("-60.0%", drop.notes)
        self.assertIn("2026-06-01", drop.notes)
        # Spread evenly over the default team's representatives (not its supervisor).
        self.assertEqual(set(callbacks.mapped("user_id")), {self.representative})

    def test_idempotent_and_recovered(self):
        """Rerunning calls nobody twice; a recovered customer is not flagged again."""
        first = self._detect()
        self.assertEqual(len(first), 3)
        self.assertEqual(self._detect(), first)
        # July comes in: "Drop" recovers, "Rise" stays high (its trailing
        # average rose with it), "Silent" is still silent.
        with freeze_time("2026-08-03 04:00:00"):
            for partner, volume in (
                (self.drop, 100),
                (self.rise, 330),
                (self.silent, 0),
            ):
                self.Record.create(
                    {
                        "service_line_id": partner.cs_service_line_ids.id,
                        "period_start": "2026-07-01",
                        "volume": volume,
                    }
                )
        second = self._detect(when="2026-08-03 04:00:00") - first
        # "July" had 1 in July against 100 before: its new period is flagged.
        self.assertEqual(second.partner_id, self.silent | self.july)
        self.assertEqual(self._detect(when="2026-08-04 04:00:00") - first, second)

    def test_latest_period_in_the_users_time_zone(self):
        """Before midnight in Shanghai July is running; after, it is complete."""
        line = self.drop.cs_service_line_ids
        with freeze_time("2026-07-31 12:00:00"):
            self.Record.create(
                {"service_line_id": line.id, "period_start": "2026-07-01", "volume": 5}
            )
        self._detect(when="2026-07-31 15:30:00")  # 23:30 in Shanghai
        periods = set(self.env["cs.traffic.anomaly"].search([]).mapped("period_start"))
        self.assertEqual(periods, {date(2026, 6, 1)})
        self._detect(when="2026-07-31 16:30:00")  # 00:30 on 1 August
        drop = self.env["cs.traffic.anomaly"].search(
            [("period_start", "=", "2026-07-01"), ("partner_id", "=", self.drop.id)]
        )
        self.assertEqual((drop.volume, drop.trailing_avg), (5, 80))

    def test_assignment_latest_ticket_team_and_spread(self):
        """The team of the latest ticket calls; else the default team, evenly."""
        rep_b = new_test_user(
            self.env, login="cs_t_rep_b", groups=GROUP % "representative"
        )
        self.team.user_ids = [Command.link(rep_b.id)]
        self._create_ticket(
            partner=self.rise, team=self.team_other, user=self.representative_other
        )
        callbacks = self._detect()
        by_partner = {cb.partner_id: cb.user_id for cb in callbacks}
        self.assertEqual(by_partner[self.rise], self.representative_other)
        self.assertEqual(
            {by_partner[self.drop], by_partner[self.silent]},
            {self.representative, rep_b},
        )
        self.assertEqual(callbacks.mapped("company_id"), self.company)
        # The callback shows in the representative's own list.
        own = (
            self.env["cs.callback"]
            .with_user(self.representative_other)
            .search([("reason", "=", "traffic_anomaly")])
        )
        self.assertEqual(own.partner_id, self.rise)

    def test_assignee_neither_postpones_nor_hands_over(self):
        """A representative's traffic callbacks measure his callback rate: he
        makes the call, but neither postpones, hands over nor requalifies it."""
        callback = self._detect().filtered(lambda cb: cb.partner_id == self.drop)
        self.assertEqual(callback.user_id, self.representative)
        mine = callback.with_user(self.representative)
        for vals in (
            {"scheduled_date": date(2026, 7, 31)},
            {"user_id": self.colleague.id},
            {"reason": "other"},
            {"scheduled_date": date(2026, 7, 31), "notes": "Later"},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                mine.write(vals)
        # nor adds one of his own
        Callback = self.env["cs.callback"].with_user(self.representative)
        with self.assertRaises(AccessError):
            Callback.create({"partner_id": self.drop.id, "reason": "traffic_anomaly"})
        self.assertRecordValues(
            callback,
            [
                {
                    "scheduled_date": date(2026, 7, 15),
                    "user_id": self.representative.id,
                    "reason": "traffic_anomaly",
                    "state": "todo",
                }
            ],
        )
        self.assertEqual(
            self.env["cs.callback"].search_count(
                [("reason", "=", "traffic_anomaly"), ("partner_id", "=", self.drop.id)]
            ),
            1,
        )
        # He calls, notes and closes it; his supervisor reschedules the others.
        with freeze_time(TODAY):
            mine.write({"outcome": "resolved", "notes": "Moved to fibre"})
            mine.action_done()
        self.assertEqual(callback.state, "done")
        other = self.env["cs.callback"].search(
            [("reason", "=", "traffic_anomaly"), ("partner_id", "=", self.rise.id)]
        )
        other.with_user(self.supervisor).write(
            {"scheduled_date": date(2026, 7, 20), "user_id": self.colleague.id}
        )
        self.assertEqual(other.user_id, self.colleague)

    def test_detection_for_supervisors_only(self):
        """Representatives run no detection and read no analysis."""
        with self.assertRaises(AccessError):
            self._detect(user=self.representative)
        with self.assertRaises(AccessError):
            self.env["cs.traffic.anomaly"].with_user(self.representative).search([])
        self.assertFalse(self.env["cs.traffic.anomaly"].search([]))
        self._detect(user=self.manager)
        with self.assertRaises(AccessError):
            self.env["cs.traffic.anomaly"].with_user(self.manager).search([]).write(
                {"change_pct": 0}
            )

    def test_cron(self):
        """The weekly job runs as the scheduler does."""
        with freeze_time(TODAY):
            self.env["cs.traffic.anomaly"]._cron_detect_traffic_anomalies()
        self.assertEqual(
            self.env["cs.traffic.anomaly"]
            .search([("callback_id", "!=", False)])
            .partner_id,
            self.drop | self.rise | self.silent,
        )


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestTrafficScale(CsTrafficCommon):
    """The job and the segments run a constant number of queries."""

    def _generate(self, size):
        """``size`` steady small customers, and two that drop."""
        for index in range(size):
            self._customer(f"Gen{size}-{index}", self._monthly(100, 100, 100, 100))
        for index in range(2):
            self._customer(f"GenDrop{size}-{index}", self._monthly(100, 100, 100, 10))
        self.env.flush_all()

    def _queries(self, method):
        self.env.invalidate_all()
        count = self.cr.sql_log_count
        method()
        self.env.flush_all()
        return self.cr.sql_log_count - count

    def _run(self, size):
        self._generate(size)
        Anomaly = self.env["cs.traffic.anomaly"]
        segments = self._queries(
            self.env["res.partner"]._cs_recompute_traffic_segments_all
        )
        before = Anomaly.search_count([("callback_id", "!=", False)])
        detect = self._queries(Anomaly._cron_detect_traffic_anomalies)
        self.assertEqual(
            Anomaly.search_count([("callback_id", "!=", False)]), before + 2
        )
        return segments, detect

    def test_query_count_constant(self):
        """5 then 40 more customers: the same number of queries for both passes."""
        self._run(1)  # warm the caches up
        small = self._run(5)
        large = self._run(40)
        self.assertEqual(small, large)
