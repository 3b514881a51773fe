# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_reports import CsReportsCommon


@tagged("post_install", "-at_install")
class TestQualityCheck(CsReportsCommon):
    """Spot checks: supervisors record their own, the checked person reads."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Check = cls.env["cs.quality.check"].with_user(cls.supervisor)
        cls.check = Check.create(
            {"representative_id": cls.rep.id, "score": 85, "date": "2026-03-02"}
        )
        cls.check_other = Check.create(
            {"representative_id": cls.reps[1].id, "score": 60, "date": "2026-03-02"}
        )

    def test_supervisor_records_in_his_name(self):
        """The checker is who records the check: no value nor default_* key
        of a client names another one."""
        self.assertEqual(self.check.supervisor_id, self.supervisor)
        Check = self.env["cs.quality.check"].with_user(self.supervisor)
        with self.assertRaises(AccessError):
            Check.with_context(default_supervisor_id=self.supervisor2.id).create(
                {"representative_id": self.rep.id, "score": 70}
            )
        check = Check.with_context(default_supervisor_id=self.supervisor.id).create(
            {"representative_id": self.rep.id, "score": 70}
        )
        self.assertEqual(check.supervisor_id, self.supervisor)
        with self.assertRaises(AccessError):
            check.write({"supervisor_id": self.supervisor2.id})
        self.assertEqual(check.supervisor_id, self.supervisor)
        self.assertEqual(
            Check.search_count([("supervisor_id", "=", self.supervisor2.id)]), 0
        )
        with self.assertRaises(AccessError):
            self.env["cs.quality.check"].with_user(self.supervisor).create(
                {
                    "representative_id": self.rep.id,
                    "supervisor_id": self.supervisor2.id,
                    "score": 70,
                }
            )

    def test_representative_reads_only_his_own(self):
        Check = self.env["cs.quality.check"].with_user(self.rep)
        self.assertEqual(
            Check.search([("company_id", "=", self.company.id)]), self.check
        )
        self.assertEqual(self.check.with_user(self.rep).score, 85)

    def test_representative_cannot_produce_or_alter(self):
        check = self.check.with_user(self.rep)
        with self.assertRaises(AccessError):
            check.write({"score": 100})
        with self.assertRaises(AccessError):
            check.unlink()
        with self.assertRaises(AccessError):
            self.env["cs.quality.check"].with_user(self.rep).create(
                {"representative_id": self.rep.id, "score": 100}
            )
        with self.assertRaises(AccessError):
            self.env["cs.quality.check"].with_user(self.rep).with_context(
                default_representative_id=self.rep.id
            ).create({"representative_id": self.reps[1].id, "score": 100})
        self.assertEqual(self.check.score, 85)
        self.assertEqual(
            self.env["cs.quality.check"].search_count(
                [("company_id", "=", self.company.id)]
            ),
            2,
        )

    def test_nobody_checks_himself(self):
        with self.assertRaises(AccessError):
            self.env["cs.quality.check"].with_user(self.supervisor).create(
                {"representative_id": self.supervisor.id, "score": 100}
            )
        # a check of a supervisor by another one: he cannot touch it
        check = (
            self.env["cs.quality.check"]
            .with_user(self.supervisor2)
            .create({"representative_id": self.supervisor.id, "score": 50})
        )
        with self.assertRaises(AccessError):
            check.with_user(self.supervisor).write({"score": 100})
        self.assertEqual(check.score, 50)

    def test_other_supervisor_cannot_alter(self):
        with self.assertRaises(AccessError):
            self.check.with_user(self.supervisor2).write({"score": 10})
        with self.assertRaises(AccessError):
            self.check.with_user(self.supervisor2).unlink()
        self.assertEqual(self.check.score, 85)
        self.check.with_user(self.manager).write({"score": 90})
        self.assertEqual(self.check.score, 90)

    @mute_logger("odoo.sql_db")
    def test_score_bounds(self):
        for score in (-1, 101):
            with self.assertRaises(IntegrityError), self.env.cr.savepoint():
                self.check.with_user(self.supervisor).write({"score": score})
                self.check.flush_recordset()
        self.env.invalidate_all()
        self.assertEqual(self.check.score, 85)

    @freeze_time("2026-03-10 16:30:00")
    def test_weekly_todo(self):
        employee = self.env["hr.employee"].create(
            {
                "name": "Supervisor",
                "user_id": self.supervisor.id,
                "company_id": self.company.id,
            }
        )
        Check = self.env["cs.quality.check"]
        Check._cron_weekly_todo()
        Check._cron_weekly_todo()
        todo = employee.activity_ids
        self.assertEqual(len(todo), 1)
        self.assertEqual(todo.user_id, self.supervisor)
        # Wednesday 11 March in Shanghai: due on Sunday 15 March
        self.assertEqual(str(todo.date_deadline), "2026-03-15")
