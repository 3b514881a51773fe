# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import logging
from math import ceil

from odoo import Command
from odoo.tests import tagged

from .common import KpiCommon

# The ORM inserts and updates rows in chunks of 100 (INSERT_BATCH_SIZE and
# UPDATE_BATCH_SIZE in odoo/models.py): one more query per extra 100 rows of a
# table, for the INSERT and for the UPDATE of its stored computed fields. That
# is the only growth allowed; nothing may grow per employee.
ROWS_PER_QUERY = 100
_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestQueryCount(KpiCommon):
    """Generation and computation use a number of queries independent of size."""

    def _campaign_of_size(self, size):
        department = self.env["hr.department"].create({"name": f"Scale {size}"})
        self.env["hr.employee"].create(
            [
                {
                    "name": f"Scale {size} employee {index}",
                    "department_id": department.id,
                    "job_id": self.job_agent.id,
                }
                for index in range(size)
            ]
        )
        return self._new_campaign(
            name=f"Scale {size}", department_ids=[Command.set(department.ids)]
        )

    def _count(self, function):
        self.env.flush_all()
        start = self.cr.sql_log_count
        function()
        self.env.flush_all()
        return self.cr.sql_log_count - start

    def _chunks(self, size):
        """INSERT/UPDATE chunks of the tables written for ``size`` employees."""
        rows_per_sheet = {
            "sheet": 1,
            "line": len(self.template.line_ids),
            "item": len(self.template.competency_line_ids),
            "evaluation": len(self.template.line_ids.evaluator_ids),
        }
        return sum(
            ceil(size * rows / ROWS_PER_QUERY) for rows in rows_per_sheet.values()
        )

    def test_query_count_does_not_grow(self):
        """10 and 60 employees: same queries, but for the ORM's 100-row chunks."""
        self.env["cs.kpi.goal"].create(
            {"name": "Job goal", "job_id": self.job_agent.id, "target": 1, "actual": 1}
        )
        warm = self._campaign_of_size(3)
        warm.action_generate_sheets()  # warm the caches (ir.model, templates...)
        warm.action_open()
        warm.action_compute()
        small = self._campaign_of_size(10)
        generate_small = self._count(small.action_generate_sheets)
        small.action_open()
        compute_small = self._count(small.action_compute)
        large = self._campaign_of_size(60)
        tolerance = 2 * (self._chunks(60) - self._chunks(10))
        with self.assertQueryCount(generate_small + tolerance):
            generate_large = self._count(large.action_generate_sheets)
        self.assertEqual(len(large.sheet_ids), 60)
        large.action_open()
        with self.assertQueryCount(compute_small):
            compute_large = self._count(large.action_compute)
        _logger.info(
            "cs_kpi queries: generate 10 -> %s, 60 -> %s (100-row chunk allowance "
            "%s); compute 10 -> %s, 60 -> %s",
            generate_small,
            generate_large,
            tolerance,
            compute_small,
            compute_large,
        )
        measured = large.sheet_ids.line_ids.filtered(
            lambda line: line.indicator_id == self.ind_goal
        )
        self.assertEqual(set(measured.mapped("actual")), {100.0})
        self.assertLessEqual(tolerance, 6)
        self.assertLess(generate_small + tolerance, 60)

    def test_workflow_steps_query_count(self):
        """Opening, reviewing and closing 10 or 60 sheets take the same queries.

        The precommit hooks run inside the count: field tracking posts its
        messages there, one per sheet if the sheets' state were tracked.
        """

        def steps(campaign):
            def run():
                campaign.action_open()
                campaign.action_review()
                campaign._close(force_reason="Query count")
                campaign.action_publish()
                self.env.cr.precommit.run()

            return run

        counts = []
        for size in (3, 10, 60):
            campaign = self._campaign_of_size(size)
            campaign.action_generate_sheets()
            self.env.cr.precommit.run()
            counts.append(self._count(steps(campaign)))
        _logger.info("cs_kpi queries: open..publish 10 -> %s, 60 -> %s", *counts[1:])
        self.assertEqual(set(campaign.sheet_ids.mapped("state")), {"done"})
        notes = "".join(campaign.sheet_ids[0].message_ids.mapped("body"))
        self.assertIn("the sheet is locked", notes)
        # the sheet's to-dos: one 100-row INSERT chunk more for 60 than for 10
        self.assertLessEqual(counts[2], counts[1] + 2)

    def test_request_evaluations_query_count(self):
        """Requesting evaluations on 10 or 60 employees takes the same queries."""
        evaluators = self.evaluator_user | self.hr_admin
        self.env.ref("cs_kpi.cs_kpi_group_employee").users |= self.hr_admin

        def request(campaign):
            wizard = self.env["cs.kpi.evaluation.request"].create(
                {
                    "campaign_id": campaign.id,
                    "evaluator_ids": [Command.set(evaluators.ids)],
                }
            )
            return lambda: wizard.action_request()

        counts = []
        for size in (3, 10, 60):
            campaign = self._campaign_of_size(size)
            campaign.action_generate_sheets()
            campaign.action_open()
            counts.append(self._count(request(campaign)))
        _logger.info("cs_kpi queries: request 10 -> %s, 60 -> %s", *counts[1:])
        # 60 x 2 = 120 new evaluations: one more 100-row INSERT chunk
        self.assertLessEqual(counts[2], counts[1] + 2)
        self.assertEqual(
            self.env["cs.kpi.evaluation"].search_count(
                [
                    ("campaign_id", "=", campaign.id),
                    ("evaluator_id", "=", self.hr_admin.id),
                ]
            ),
            60,
        )
