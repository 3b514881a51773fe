# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.tests import new_test_user, tagged

from .common import GROUP, assert_explains, mean, share
from .common_work_order import CsWorkOrderCommon


@tagged("post_install", "-at_install")
class TestWarehouseAccount(CsWorkOrderCommon):
    """Monthly in / out / balance of the CS warehouse (company in UTC+8)."""

    def _product(self, name="Test Account Modem", cost=100.0):
        return self.env["product.product"].create(
            {"name": name, "is_storable": True, "standard_price": cost}
        )

    def _receive(self, product, quantity):
        self.env["cs.department.demo"].with_user(self.stock_user)._receive_stock(
            [(product.id, quantity, False)]
        )

    def _move(self, lines, **vals):
        order = self._draft(lines, **vals)
        self._schedule(order)
        self._validate(order.sudo().picking_ids)
        return order

    def _rows(self, product):
        rows = (
            self.env["cs.warehouse.account.report"]
            .with_user(self.supervisor)
            .search_read(
                [("product_id", "=", product.id)],
                [
                    "date",
                    "opening_qty",
                    "received_qty",
                    "delivered_qty",
                    "returned_qty",
                    "other_out_qty",
                    "closing_qty",
                    "opening_value",
                    "received_value",
                    "delivered_value",
                    "returned_value",
                    "closing_value",
                ],
            )
        )
        return {row.pop("date"): row for row in rows}

    def test_crafted_month(self):
        product = self._product()
        # February: 10 in. March: 5 in, 3 delivered, 1 returned reusable and
        # 1 returned faulty (both still in the warehouse). The delivery of 2 at
        # 00:30 on 1 April in Shanghai (16:30 UTC on 31 March) is April's.
        with freeze_time("2026-02-15 04:00:00"):
            self._receive(product, 10)
        with freeze_time("2026-03-02 04:00:00"):
            self._receive(product, 5)
            self._move([{"product_id": product.id, "quantity": 3}])
        with freeze_time("2026-03-31 15:30:00"):
            self._move(
                [
                    {"direction": "in", "product_id": product.id, "reusable": True},
                    {"direction": "in", "product_id": product.id},
                ],
                kind="repair",
            )
        with freeze_time("2026-03-31 16:30:00"):
            self._move([{"product_id": product.id, "quantity": 2}])
        rows = self._rows(product)
        march = rows[date(2026, 3, 1)]
        self.assertEqual(
            march,
            dict(
                march,
                opening_qty=10,
                received_qty=5,
                delivered_qty=3,
                returned_qty=2,
                other_out_qty=0,
                closing_qty=14,
                opening_value=1000,
                received_value=500,
                delivered_value=300,
                returned_value=200,
                closing_value=1400,
            ),
        )
        april = rows[date(2026, 4, 1)]
        self.assertEqual(
            (april["opening_qty"], april["delivered_qty"], april["closing_qty"]),
            (14, 2, 12),
        )
        self.assertEqual(rows[date(2026, 2, 1)]["closing_qty"], 10)
        # A month without movement carries the balance.
        may = rows[date(2026, 5, 1)]
        self.assertEqual((may["opening_qty"], may["closing_qty"]), (12, 12))
        # The last month's closing is the warehouse's stock (faulty included).
        last = rows[max(rows)]
        on_hand = self._qty(product, self.stock) + self._qty(product, self.faulty)
        self.assertEqual(last["closing_qty"], on_hand)
        # Pivot: totals of a month over products.
        groups = (
            self.env["cs.warehouse.account.report"]
            .with_user(self.manager)
            .read_group(
                [("product_id", "=", product.id), ("date", "=", "2026-03-01")],
                ["received_qty:sum", "closing_qty:sum"],
                ["date:month"],
            )
        )
        self.assertEqual((groups[0]["received_qty"], groups[0]["closing_qty"]), (5, 14))

    def test_query_count_constant(self):
        """Reading the account takes the same queries for few or many moves."""
        counts = []
        products = self.env["product.product"]
        for size in (2, 8):
            with freeze_time("2026-01-10 04:00:00"):
                for index in range(size):
                    product = self._product(f"Test Bulk {size}-{index}", cost=1.0)
                    products |= product
                    self._receive(product, 3)
            Report = self.env["cs.warehouse.account.report"].with_user(self.supervisor)
            for _attempt in range(2):  # the first one warms the caches up
                self.env.invalidate_all()
                start = self.cr.sql_log_count
                Report.read_group(
                    [("product_id", "in", products.ids)],
                    ["received_qty:sum", "closing_qty:sum", "closing_value:sum"],
                    ["product_id", "date:month"],
                    lazy=False,
                )
                rows = Report.search_read(
                    [("product_id", "in", products.ids)],
                    ["product_id", "date", "closing_qty"],
                )
            counts.append(self.cr.sql_log_count - start)
            self.assertEqual(len({row["product_id"][0] for row in rows}), len(products))
        self.assertEqual(counts[0], counts[1])


@tagged("post_install", "-at_install")
class TestWorkOrderKpiSource(CsWorkOrderCommon):
    """Technical service quality of the engineers in Q1 2026 (UTC+8)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hr_officer = new_test_user(
            cls.env, login="cs_t_wo_hr", groups="cs_kpi.cs_kpi_group_hr_officer"
        )
        cls.extra_engineers = [
            new_test_user(cls.env, login=f"cs_t_wo_eng{i}", groups=GROUP % "engineer")
            for i in range(3)
        ]
        cls.job = cls.env["hr.job"].create({"name": "CS Test Engineer"})
        cls.ind_time = cls.env.ref("cs_department.cs_kpi_indicator_work_order_on_time")
        cls.ind_quality = cls.env.ref(
            "cs_department.cs_kpi_indicator_work_order_quality"
        )
        cls.env["cs.kpi.template"].create(
            {
                "name": "CS test engineers",
                "period_type": "quarter",
                "job_ids": [Command.set(cls.job.ids)],
                "kpi_weight": 100,
                "competency_weight": 0,
                "line_ids": [
                    Command.create({"indicator_id": cls.ind_time.id, "weight": 50}),
                    Command.create({"indicator_id": cls.ind_quality.id, "weight": 50}),
                ],
            }
        )
        engineers = [cls.engineer, cls.engineer_other, *cls.extra_engineers]
        cls.env["hr.employee"].create(
            [
                {"name": user.name, "user_id": user.id, "job_id": cls.job.id}
                for user in engineers
            ]
        )
        # (engineer, scheduled, done, rating): scheduled for 2 hours.
        for user, scheduled, done, rating in [
            (cls.engineer, datetime(2026, 1, 5, 2), datetime(2026, 1, 5, 3), 90),
            (cls.engineer, datetime(2026, 2, 5, 2), datetime(2026, 2, 6, 3), 70),
            # done at 23:59 on 31 March in Shanghai: in the quarter, unrated
            (cls.engineer, datetime(2026, 3, 31, 15), datetime(2026, 3, 31, 15, 59), 0),
            # done at 00:00 on 1 April in Shanghai: next quarter
            (cls.engineer, datetime(2026, 3, 31, 15), datetime(2026, 3, 31, 16), 10),
            # done at 00:00 on 1 January in Shanghai: in the quarter
            (
                cls.engineer_other,
                datetime(2025, 12, 31, 15),
                datetime(2025, 12, 31, 16),
                60,
            ),
        ] + [
            (user, datetime(2026, 3, 1), datetime(2026, 3, 1, 1), 80)
            for user in cls.extra_engineers
        ]:
            cls.env["cs.work.order"].create(
                {
                    "partner_id": cls.customer.id,
                    "engineer_id": user.id,
                    "scheduled_date": scheduled,
                    "duration": 2.0,
                    "state": "done",
                    "done_date": done,
                    "quality_rating": rating,
                }
            )

    def _campaign(self):
        return self._open_q1_campaign("CS engineers Q1")

    def _line(self, campaign, user, indicator):
        return campaign.sheet_ids.line_ids.filtered(
            lambda line: (
                line.employee_id.user_id == user and line.indicator_id == indicator
            )
        )

    def test_explain(self):
        """The done work orders each explanation lists make the on-time rate
        and the quality of the line."""
        lines = self._campaign().sheet_ids.line_ids
        assert_explains(
            self,
            lines.filtered(lambda line: line.indicator_id == self.ind_time),
            lambda records, line: share(records, "done_on_time"),
        )
        assert_explains(
            self,
            lines.filtered(lambda line: line.indicator_id == self.ind_quality),
            lambda records, line: mean(records.mapped("quality_rating")),
        )

    def test_measure(self):
        campaign = self._campaign()
        time_line = self._line(campaign, self.engineer, self.ind_time)
        quality_line = self._line(campaign, self.engineer, self.ind_quality)
        # 3 done in the quarter, 2 on time; ratings 90 and 70 (0 = not rated).
        self.assertAlmostEqual(time_line.actual, 200 / 3, places=2)
        self.assertEqual(quality_line.actual, 80)
        other = self._line(campaign, self.engineer_other, self.ind_quality)
        self.assertEqual(other.actual, 60)
        # Done an hour after the start of a two-hour slot: on time.
        self.assertEqual(
            self._line(campaign, self.engineer_other, self.ind_time).actual, 100
        )

    def test_query_count_constant(self):
        campaign = self._campaign()
        lines = campaign.sheet_ids.line_ids.filtered(
            lambda line: line.indicator_id == self.ind_time
        )
        Line = self.env["cs.kpi.sheet.line"].with_user(self.hr_officer)
        counts = []
        # the first call also fills the rule and group caches
        for subset in (lines[:1], lines[:2], lines):
            self.env.flush_all()
            self.env.invalidate_all()
            start = self.cr.sql_log_count
            values = Line.browse(subset.ids)._measure_source_cs_work_order_on_time_rate(
                campaign
            )
            counts.append(self.cr.sql_log_count - start)
            self.assertEqual(set(values), set(subset.ids))
        self.assertEqual(counts[1], counts[2])
