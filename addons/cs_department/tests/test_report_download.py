# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import io
import json
from urllib.parse import quote, unquote

import openpyxl

from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestReportDownload(HttpCase):
    """The workbook generated from the wizard downloads under the name of its
    period and team, like a submitted report, not as "Periodic report
    (XLSX).xlsx"."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supervisor = new_test_user(
            cls.env,
            login="cs_dl_sup",
            groups="cs_department.cs_department_group_supervisor",
        )
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {"name": "Download Team", "user_id": cls.supervisor.id}
        )

    def _download(self, action):
        """POST ``/report/download`` as the web client does for ``action``."""
        url = f"/report/xlsx/{action['report_name']}"
        if action.get("data"):
            url += "?options={}&context={}".format(
                quote(json.dumps(action["data"])), quote(json.dumps({}))
            )
        else:
            url += "/" + ",".join(map(str, action["context"]["active_ids"]))
        return self.url_open(
            "/report/download",
            data={
                "data": json.dumps([url, "xlsx"]),
                "context": json.dumps({}),
                "token": "dummy",
                "csrf_token": http.Request.csrf_token(self),
            },
        )

    @staticmethod
    def _filename(response):
        disposition = response.headers["Content-Disposition"]
        return unquote(disposition.partition("filename*=UTF-8''")[2])

    def _wizard_action(self, team):
        wizard = (
            self.env["cs.report.generate"]
            .with_user(self.supervisor)
            .create(
                {
                    "period_type": "month",
                    "reference_date": "2026-11-15",
                    "team_id": team.id,
                }
            )
        )
        return wizard.action_generate()

    def test_wizard_download_name(self):
        self.authenticate("cs_dl_sup", "cs_dl_sup")
        response = self._download(self._wizard_action(self.team))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            self._filename(response),
            "Monthly report 2026-11-01 - 2026-11-30 (Download Team).xlsx",
        )
        book = openpyxl.load_workbook(io.BytesIO(response.content))
        self.assertIn("Summary", book.sheetnames)
        # the whole department: no team in the name
        response = self._download(self._wizard_action(self.team.browse()))
        self.assertEqual(
            self._filename(response), "Monthly report 2026-11-01 - 2026-11-30.xlsx"
        )

    def test_wizard_download_name_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["cs_department"], ["zh_CN"])
        self.supervisor.lang = "zh_CN"
        self.authenticate("cs_dl_sup", "cs_dl_sup")
        response = self._download(self._wizard_action(self.team))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            self._filename(response),
            "按月报告 2026-11-01 - 2026-11-30 (Download Team).xlsx",
        )

    def test_submission_keeps_its_name(self):
        """A submission's workbook (a record) still downloads under its name."""
        submission = self.env["cs.report.submission"].create(
            {
                "submitter_id": self.supervisor.id,
                "recipient_id": self.env.ref("base.user_admin").id,
                "period_type": "month",
                "date_from": "2026-10-01",
                "date_to": "2026-10-31",
                "due_date": "2026-11-03",
            }
        )
        self.authenticate("cs_dl_sup", "cs_dl_sup")
        action = self.env.ref("cs_department.cs_service_report_xlsx").report_action(
            submission, config=False
        )
        response = self._download(action)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self._filename(response), f"{submission.name}.xlsx")
        self.assertEqual(submission.name, "Monthly report 2026-10-01 - 2026-10-31")
