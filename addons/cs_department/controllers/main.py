# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import json

from werkzeug.urls import url_decode

from odoo import fields
from odoo.http import content_disposition, request, route

from odoo.addons.report_xlsx.controllers.main import ReportController

SERVICE_REPORT = "cs_department.service_report_xlsx"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class CsReportController(ReportController):
    @route()
    def report_download(self, data, context=None, token=None, readonly=True):
        """The periodic report generated from the wizard (for a period, not a
        record) downloads under its period's and team's name, as a submitted
        one does, rather than under the report action's name."""
        response = super().report_download(
            data, context=context, token=token, readonly=readonly
        )
        url, report_type = json.loads(data)[:2]
        path, _sep, query = url.partition("?")
        if (
            report_type == "xlsx"
            and path.rpartition("/report/xlsx/")[2] == SERVICE_REPORT
            and response.headers.get("Content-Type") == XLSX_TYPE
        ):
            options = json.loads(url_decode(query).get("options") or "{}")
            team = request.env["helpdesk.ticket.team"].browse(
                options.get("team_id") or []
            )
            name = request.env["cs.report.submission"]._cs_report_title(
                options.get("period_type"),
                fields.Date.to_date(options.get("date_from")),
                fields.Date.to_date(options.get("date_to")),
                team.exists(),
            )
            response.headers["Content-Disposition"] = content_disposition(
                f"{name}.xlsx"
            )
        return response
