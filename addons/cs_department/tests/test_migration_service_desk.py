# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import importlib.util
import json
import pathlib

from odoo.tests import tagged

from .common_reports import CsReportsCommon

TEAM_XMLID = "helpdesk_ticket_team_cs_demo"


@tagged("post_install", "-at_install")
class TestMigrationServiceDesk(CsReportsCommon):
    """18.0.2.3.0 renames the shipped "Acceptance" English names to "Service Desk"."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        path = (
            pathlib.Path(__file__).parents[1]
            / "migrations"
            / "18.0.2.3.0"
            / "post-migrate.py"
        )
        spec = importlib.util.spec_from_file_location("cs_post_migrate_2_3", path)
        cls.migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(cls.migration)
        # the names as shipped, before the demo team's xml id points to the
        # test company's team (created where the database has no demo data)
        cls.shipped = {
            (xmlid, field): new
            for (__, xmlid), fields in cls.migration.TEXTS.items()
            for field, (__, new) in fields.items()
        }
        cls.records = {
            xmlid: cls.env.ref(f"cs_department.{xmlid}", raise_if_not_found=False)
            for (__, xmlid) in cls.migration.TEXTS
        }
        data = cls.env["ir.model.data"].search(
            [("module", "=", "cs_department"), ("name", "=", TEAM_XMLID)]
        )
        if data:
            data.res_id = cls.team.id
        else:
            data.create(
                {
                    "module": "cs_department",
                    "name": TEAM_XMLID,
                    "model": "helpdesk.ticket.team",
                    "res_id": cls.team.id,
                    "noupdate": True,
                }
            )
        cls.env.registry.clear_cache()

    def _set(self, record, field, value):
        self.cr.execute(
            f'UPDATE "{record._table}" SET "{field}" = %s::jsonb WHERE id = %s',
            [json.dumps(value), record.id],
        )
        record.invalidate_recordset([field])

    def _value(self, record, field):
        self.cr.execute(
            f'SELECT "{field}" FROM "{record._table}" WHERE id = %s', [record.id]
        )
        return self.cr.fetchone()[0]

    def test_shipped_names_service_desk(self):
        """A fresh install has the names the migration gives an old database."""
        checked = 0
        for (xmlid, field), new in self.shipped.items():
            record = self.records[xmlid]
            if not record:  # demo data, not installed
                continue
            self.assertEqual(record.with_context(lang="en_US")[field], new)
            self.assertNotIn("cceptance", new)
            checked += 1
        self.assertGreaterEqual(checked, 18)

    def test_rename_keeps_chinese_and_own_names(self):
        """Old English names are renamed, the Chinese and a renamed one are kept."""
        old, new = self.migration.SUPERVISOR
        job = self.env.ref("cs_department.hr_job_cs_supervisor")
        self._set(job, "name", {"en_US": old, "zh_CN": "受理服务组主管"})
        template = self.env.ref("cs_department.cs_kpi_template_representative_quarter")
        self._set(template, "name", {"en_US": "Front desk reps", "zh_CN": "旧"})
        goal = self.env.ref("cs_department.cs_kpi_goal_sup_acceptance_quality")
        self._set(goal, "name", {"en_US": "Acceptance service quality"})
        employee = self.env["hr.employee"].create(
            {"name": "Desk Supervisor", "job_id": job.id, "company_id": self.company.id}
        )
        self.cr.execute(
            "UPDATE hr_employee SET job_title = %s WHERE id = %s", [old, employee.id]
        )
        team_old, team_new = self.migration.TEAM
        self._set(self.team, "name", {"en_US": team_old, "zh_CN": "受理服务组"})
        submission = self.env["cs.report.submission"].create(
            {
                "submitter_id": self.supervisor.id,
                "recipient_id": self.gm.id,
                "period_type": "month",
                "date_from": "2026-03-01",
                "date_to": "2026-03-31",
                "due_date": "2026-04-03",
                "team_id": self.team.id,
                "company_id": self.company.id,
            }
        )
        self.cr.execute(
            "UPDATE cs_report_submission SET name = %s WHERE id = %s",
            [f"Monthly report 2026-03-01 - 2026-03-31 ({team_old})", submission.id],
        )
        self.env.invalidate_all()

        self.migration.migrate(self.cr, "18.0.2.2.0")

        self.assertEqual(
            self._value(job, "name"), {"en_US": new, "zh_CN": "受理服务组主管"}
        )
        self.assertEqual(
            self._value(template, "name"), {"en_US": "Front desk reps", "zh_CN": "旧"}
        )
        self.assertEqual(self._value(goal, "name"), {"en_US": "Service desk quality"})
        self.assertEqual(
            self._value(self.team, "name"),
            {"en_US": team_new, "zh_CN": "受理服务组"},
        )
        self.assertEqual(employee.job_title, new)
        self.assertEqual(
            submission.name, f"Monthly report 2026-03-01 - 2026-03-31 ({team_new})"
        )
