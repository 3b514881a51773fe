# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import re

from odoo import models


class CsKpiCampaignXlsx(models.AbstractModel):
    """Campaign results: one worksheet per department, one row per employee."""

    _name = "report.cs_kpi.campaign_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "KPI Campaign XLSX Export"

    def _fetch(self, campaigns):
        """Sheets and lines of ``campaigns`` in two reads (no query per employee)."""
        sheets = self.env["cs.kpi.sheet"].search_read(
            [("campaign_id", "in", campaigns.ids)],
            [
                "campaign_id",
                "employee_id",
                "department_id",
                "job_id",
                "kpi_score",
                "competency_score",
                "total_score",
                "grade",
                "rank",
                "rank_job",
                "passed",
                "state",
            ],
            order="department_id, rank, total_score desc, id",
        )
        lines = self.env["cs.kpi.sheet.line"].search_read(
            [("campaign_id", "in", campaigns.ids)],
            ["sheet_id", "indicator_id", "weight", "actual", "score", "weighted_score"],
            order="sequence, id",
        )
        by_sheet = {}
        for line in lines:
            by_sheet.setdefault(line["sheet_id"][0], []).append(line)
        return sheets, by_sheet

    def _worksheet_name(self, name, used):
        name = re.sub(r"[\[\]:*?/\\]", " ", name or self.env._("No department"))[:28]
        base, index = name, 2
        while name.lower() in used:
            name = f"{base[:25]} {index}"
            index += 1
        used.add(name.lower())
        return name

    def generate_xlsx_report(self, workbook, data, objs):
        bold = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        number = workbook.add_format({"num_format": "0.00"})
        title = workbook.add_format({"bold": True, "font_size": 14})
        sheets, lines_by_sheet = self._fetch(objs)
        by_department = {}
        for sheet in sheets:
            key = sheet["department_id"] and sheet["department_id"][1]
            by_department.setdefault(key, []).append(sheet)
        used = set()
        for department, rows in by_department.items():
            worksheet = workbook.add_worksheet(self._worksheet_name(department, used))
            indicators = []
            for row in rows:
                for line in lines_by_sheet.get(row["id"], []):
                    if line["indicator_id"][1] not in indicators:
                        indicators.append(line["indicator_id"][1])
            worksheet.write(0, 0, department or self.env._("No department"), title)
            header = [self.env._("Campaign"), self.env._("Employee"), self.env._("Job")]
            for indicator in indicators:
                header += [
                    f"{indicator} - {self.env._('Weight')}",
                    f"{indicator} - {self.env._('Actual')}",
                    f"{indicator} - {self.env._('Score')}",
                    f"{indicator} - {self.env._('Weighted')}",
                ]
            header += [
                self.env._("KPI score"),
                self.env._("Ability and attitude score"),
                self.env._("Total score"),
                self.env._("Grade"),
                self.env._("Rank in department"),
                self.env._("Rank in job"),
                self.env._("Passed"),
            ]
            worksheet.write_row(2, 0, header, bold)
            worksheet.freeze_panes(3, 2)
            worksheet.set_column(0, 2, 24)
            worksheet.set_column(3, len(header), 12)
            for row_index, row in enumerate(rows, start=3):
                values = [
                    row["campaign_id"][1],
                    row["employee_id"][1],
                    row["job_id"] and row["job_id"][1] or "",
                ]
                lines = {
                    line["indicator_id"][1]: line
                    for line in lines_by_sheet.get(row["id"], [])
                }
                for indicator in indicators:
                    line = lines.get(indicator)
                    values += (
                        [
                            line["weight"],
                            line["actual"],
                            line["score"],
                            line["weighted_score"],
                        ]
                        if line
                        else ["", "", "", ""]
                    )
                values += [
                    row["kpi_score"],
                    row["competency_score"],
                    row["total_score"],
                    row["grade"] or "",
                    row["rank"] or "",
                    row["rank_job"] or "",
                    self.env._("Yes") if row["passed"] else self.env._("No"),
                ]
                for col, value in enumerate(values):
                    if isinstance(value, float):
                        worksheet.write_number(row_index, col, value, number)
                    else:
                        worksheet.write(row_index, col, value)
