# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import re

from odoo import models

#: Excel's limit on the length of a worksheet name.
MAX_SHEET_NAME = 31


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
        """A valid, unique worksheet name for the department ``name``.

        Excel's rules (xlsxwriter refuses the workbook otherwise): at most 31
        characters, none of ``[]:*?/\\``, no apostrophe at either end, unique
        without regard to case, not the reserved "History". ``used`` holds the
        lower-cased names already given and is updated.
        """

        def clean(text):
            return re.sub(r"[\[\]:*?/\\]", " ", text).strip(" '")

        base = clean(name or "") or clean(self.env._("No department")) or "Sheet"
        candidate, index = base[:MAX_SHEET_NAME].rstrip(" '"), 2
        while candidate.lower() in used or candidate.lower() == "history":
            suffix = f" ({index})"
            candidate = base[: MAX_SHEET_NAME - len(suffix)].rstrip(" '") + suffix
            index += 1
        used.add(candidate.lower())
        return candidate

    def _formats(self, workbook):
        header = {"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True}
        return {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "job": workbook.add_format({"bold": True, "font_size": 12}),
            "header": workbook.add_format(dict(header, valign="vcenter")),
            "indicator": workbook.add_format(
                dict(header, align="center", valign="vcenter")
            ),
            "number": workbook.add_format({"num_format": "0.00"}),
        }

    def _write_job_block(self, worksheet, row, job, rows, lines_by_sheet, fmt):
        """One job of a department: title, two header rows, one row per employee.

        Employees of a job share a template, so each indicator gets its own four
        columns (weight, actual, score, weighted) under its merged name.
        Returns the next free row.
        """
        indicators = []
        for sheet in rows:
            for line in lines_by_sheet.get(sheet["id"], []):
                if line["indicator_id"][1] not in indicators:
                    indicators.append(line["indicator_id"][1])
        # names are text typed by users: written as strings, never as formulas
        worksheet.write_string(row, 0, job or self.env._("No job"), fmt["job"])
        row += 1
        fixed = [self.env._("Campaign"), self.env._("Employee")]
        totals = [
            self.env._("KPI score"),
            self.env._("Ability and attitude score"),
            self.env._("Total score"),
            self.env._("Grade"),
            self.env._("Rank in department"),
            self.env._("Rank in job"),
            self.env._("Passed"),
        ]
        parts = [
            self.env._("Weight"),
            self.env._("Actual"),
            self.env._("Score"),
            self.env._("Weighted"),
        ]
        for col, label in enumerate(fixed):
            worksheet.merge_range(row, col, row + 1, col, label, fmt["header"])
        col = len(fixed)
        for indicator in indicators:
            worksheet.merge_range(row, col, row, col + 3, "", fmt["indicator"])
            worksheet.write_string(row, col, indicator, fmt["indicator"])
            worksheet.write_row(row + 1, col, parts, fmt["header"])
            col += 4
        for label in totals:
            worksheet.merge_range(row, col, row + 1, col, label, fmt["header"])
            col += 1
        worksheet.set_row(row, 45)
        row += 2
        for sheet in rows:
            lines = {
                line["indicator_id"][1]: line
                for line in lines_by_sheet.get(sheet["id"], [])
            }
            values = [sheet["campaign_id"][1], sheet["employee_id"][1]]
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
                sheet["kpi_score"],
                sheet["competency_score"],
                sheet["total_score"],
                sheet["grade"] or "",
                sheet["rank"] or "",
                sheet["rank_job"] or "",
                self.env._("Yes") if sheet["passed"] else self.env._("No"),
            ]
            for col, value in enumerate(values):
                if isinstance(value, float):
                    worksheet.write_number(row, col, value, fmt["number"])
                elif isinstance(value, int):
                    worksheet.write_number(row, col, value)
                else:
                    worksheet.write_string(row, col, str(value))
            row += 1
        return row + 1

    def generate_xlsx_report(self, workbook, data, objs):
        fmt = self._formats(workbook)
        sheets, lines_by_sheet = self._fetch(objs)
        by_department = {}
        for sheet in sheets:
            department = sheet["department_id"] and sheet["department_id"][1]
            job = sheet["job_id"] and sheet["job_id"][1]
            by_department.setdefault(department, {}).setdefault(job, []).append(sheet)
        used = set()
        for department, jobs in by_department.items():
            worksheet = workbook.add_worksheet(self._worksheet_name(department, used))
            worksheet.write_string(
                0, 0, department or self.env._("No department"), fmt["title"]
            )
            worksheet.set_column(0, 1, 22)
            worksheet.set_column(2, 200, 11)
            worksheet.freeze_panes(0, 2)
            row = 2
            for job, rows in jobs.items():
                row = self._write_job_block(
                    worksheet, row, job, rows, lines_by_sheet, fmt
                )
        self._write_basis(workbook, objs, fmt, used)

    def _write_basis(self, workbook, campaigns, fmt, used):
        """The "Basis" worksheet: per computed line the user may read, its
        employee, indicator and actual, the number of records it was measured
        from and the formula in words (``cs.kpi.sheet.line._explain``)."""
        lines = self.env["cs.kpi.sheet.line"].search(
            [
                ("campaign_id", "in", campaigns.ids),
                ("measure_type", "=", "computed"),
                ("source", "!=", "manual"),
            ],
            order="campaign_id, employee_id, sequence, id",
        )
        explanations = lines.sudo()._explain()
        counts = {}
        by_model = {}
        for line_id, (model, domain, _sentence) in explanations.items():
            by_model.setdefault(model, {})[line_id] = domain
        for model, domains in by_model.items():
            counts.update(lines.sudo()._explain_count(model, domains))
        worksheet = workbook.add_worksheet(
            self._worksheet_name(self.env._("Basis"), used)
        )
        headers = [
            self.env._("Campaign"),
            self.env._("Employee"),
            self.env._("Indicator"),
            self.env._("Actual"),
            self.env._("Records"),
            self.env._("Formula"),
        ]
        worksheet.write_row(0, 0, headers, fmt["header"])
        worksheet.set_column(0, 2, 24)
        worksheet.set_column(3, 4, 10)
        worksheet.set_column(5, 5, 100)
        worksheet.freeze_panes(1, 0)
        row = 1
        for line in lines:
            explanation = explanations.get(line.id)
            # names are text typed by users: written as strings, never as formulas
            worksheet.write_string(row, 0, line.campaign_id.display_name)
            worksheet.write_string(row, 1, line.employee_id.display_name)
            worksheet.write_string(row, 2, line.indicator_id.display_name)
            if line.is_measured:
                worksheet.write_number(row, 3, line.actual, fmt["number"])
            if explanation:
                worksheet.write_number(row, 4, counts[line.id])
                worksheet.write_string(row, 5, explanation[2])
            row += 1
