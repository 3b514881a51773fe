# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class CsServiceReportXlsx(models.AbstractModel):
    """The department's periodic report: a summary and one sheet per subject.

    Driven by ``data`` (``period_type``, ``date_from``, ``date_to``,
    ``team_id``, ``company_id``); the figures come from ``cs.service.report``.
    """

    _name = "report.cs_department.service_report_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Customer Service Periodic Report XLSX"

    def _formats(self, workbook):
        header = {"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True}
        return {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "subtitle": workbook.add_format({"bold": True, "font_size": 12}),
            "header": workbook.add_format(dict(header, valign="vcenter")),
            "label": workbook.add_format({"border": 1}),
            "count": workbook.add_format({"num_format": "#,##0", "border": 1}),
            "decimal": workbook.add_format({"num_format": "#,##0.00", "border": 1}),
            "percent": workbook.add_format({"num_format": "0.00%", "border": 1}),
        }

    def _title(self, worksheet, scope, subject, fmt):
        team = scope["team"].name or self.env._("Whole department")
        worksheet.write(0, 0, subject, fmt["title"])
        worksheet.write(
            1,
            0,
            self.env._(
                "%(start)s to %(end)s, %(team)s",
                start=scope["date_from"],
                end=scope["date_to"],
                team=team,
            ),
        )
        worksheet.set_column(0, 0, 36)
        worksheet.set_column(1, 5, 16)
        worksheet.freeze_panes(4, 1)
        # printed: landscape, as wide as one page, the header rows repeated
        worksheet.set_landscape()
        worksheet.fit_to_pages(1, 0)
        worksheet.repeat_rows(3)

    def _write_value(self, worksheet, row, col, value, style):
        """A figure's cell: empty for ``None`` (nothing measured, such as the
        satisfaction when nobody rated), never 0."""
        if value is None:
            worksheet.write_blank(row, col, None, style)
        else:
            worksheet.write_number(row, col, value or 0, style)

    def _write_block(self, worksheet, row, rows, fmt):
        """Figure / value rows; returns the next free row."""
        worksheet.write_row(
            row, 0, [self.env._("Figure"), self.env._("Value")], fmt["header"]
        )
        for label, value, kind in rows:
            row += 1
            worksheet.write(row, 0, label, fmt["label"])
            self._write_value(worksheet, row, 1, value, fmt[kind])
        return row + 2

    def _write_table(self, worksheet, row, title, headers, rows, kinds, fmt):
        """A titled table of ``rows`` under ``headers``, each column in the
        format of its kind (``label``, ``count``, ``decimal``, ``percent``);
        returns the next free row."""
        worksheet.write(row, 0, title, fmt["subtitle"])
        row += 1
        worksheet.write_row(row, 0, headers, fmt["header"])
        for values in rows:
            row += 1
            for col, (value, kind) in enumerate(zip(values, kinds, strict=True)):
                if kind == "label":
                    worksheet.write(row, col, value, fmt["label"])
                else:
                    self._write_value(worksheet, row, col, value, fmt[kind])
        return row + 2

    def _write_counts(self, worksheet, row, title, rows, total, fmt):
        """A count table with its share of ``total``; returns the next row."""
        return self._write_table(
            worksheet,
            row,
            title,
            [title, self.env._("Count"), self.env._("Share")],
            [(label, count, count / total if total else 0) for label, count in rows],
            ("label", "count", "percent"),
            fmt,
        )

    # ---- one method per sheet ----
    def _sheet_summary(self, workbook, scope, figures, previous, fmt):
        worksheet = workbook.add_worksheet(self.env._("Summary"))
        self._title(worksheet, scope, self.env._("Customer service report"), fmt)
        report = self.env["cs.service.report"]
        now = report._cs_headlines(figures)
        before = report._cs_headlines(previous)
        headers = [
            self.env._("Figure"),
            self.env._("This period"),
            self.env._("Previous period"),
            self.env._("Change"),
            self.env._("Change (%)"),
        ]
        worksheet.write_row(3, 0, headers, fmt["header"])
        row = 3
        for (label, value, kind), (_label, old, _kind) in zip(now, before, strict=True):
            row += 1
            worksheet.write(row, 0, label, fmt["label"])
            self._write_value(worksheet, row, 1, value, fmt[kind])
            self._write_value(worksheet, row, 2, old, fmt[kind])
            change = None if None in (value, old) else value - old
            self._write_value(worksheet, row, 3, change, fmt[kind])
            if old and value is not None:
                worksheet.write_number(row, 4, (value - old) / old, fmt["percent"])
            else:
                worksheet.write(row, 4, "", fmt["label"])
        # The chart draws the counts only: the amounts and rates of the other
        # rows are on other scales. Its data is a copy of the count rows in
        # hidden columns (G:I), so that the axis fits the counts.
        counts = [
            (label, value, old)
            for (label, value, kind), (_label, old, _kind) in zip(
                now, before, strict=True
            )
            if kind == "count"
        ]
        worksheet.write_row(3, 6, headers[:3], fmt["header"])
        for index, (label, value, old) in enumerate(counts, start=4):
            worksheet.write(index, 6, label, fmt["label"])
            worksheet.write_number(index, 7, value or 0, fmt["count"])
            worksheet.write_number(index, 8, old or 0, fmt["count"])
        worksheet.set_column(6, 8, None, None, {"hidden": True})
        last = 3 + len(counts)
        chart = workbook.add_chart({"type": "column"})
        chart.show_hidden_data()
        sheet_name = worksheet.get_name()
        for col, name in ((7, headers[1]), (8, headers[2])):
            chart.add_series(
                {
                    "name": name,
                    "categories": [sheet_name, 4, 6, last, 6],
                    "values": [sheet_name, 4, col, last, col],
                }
            )
        chart.set_title(
            {"name": self.env._("Counts: this period and the previous one")}
        )
        chart.set_legend({"position": "bottom"})
        chart.set_y_axis({"min": 0, "major_gridlines": {"visible": True}})
        chart.set_size({"width": 760, "height": 340})
        worksheet.insert_chart(row + 2, 0, chart)
        return worksheet

    def _sheet_complaints(self, workbook, scope, figures, fmt):
        data = figures["complaints"]
        worksheet = workbook.add_worksheet(self.env._("Complaints"))
        self._title(worksheet, scope, self.env._("Complaints"), fmt)
        row = self._write_block(
            worksheet,
            3,
            [
                (self.env._("Complaints"), data["count"], "count"),
                (self.env._("Closed complaints"), data["closed"], "count"),
                (
                    self.env._("Handling time, median (h)"),
                    data["handling_median"],
                    "decimal",
                ),
                (
                    self.env._("Handling time, 90th percentile (h)"),
                    data["handling_p90"],
                    "decimal",
                ),
                (self.env._("Escalations"), data["escalations"], "count"),
                (
                    self.env._("Escalated complaints"),
                    data["escalated_tickets"],
                    "count",
                ),
                (self.env._("Rated follow-ups"), data["followups_rated"], "count"),
                (
                    self.env._("Follow-up satisfaction"),
                    data["followup_satisfaction"],
                    "decimal",
                ),
                (
                    self.env._("Follow-up pass rate"),
                    data["followup_pass_rate"],
                    "percent",
                ),
                (
                    self.env._("Active customers with a service line"),
                    data["active_customers"],
                    "count",
                ),
                (self.env._("Complaint rate"), data["complaint_rate"], "percent"),
                (
                    self.env._("Closed complaints with an SLA"),
                    data["sla_closed"],
                    "count",
                ),
                (
                    self.env._("Closed within the SLA"),
                    data["sla_on_time"],
                    "count",
                ),
                (
                    self.env._("On-time share (SLA)"),
                    data["sla_on_time_rate"],
                    "percent",
                ),
            ],
            fmt,
        )
        for title, key in (
            (self.env._("Reason"), "by_reason"),
            (self.env._("Channel"), "by_channel"),
            (self.env._("Representative"), "by_representative"),
        ):
            row = self._write_counts(
                worksheet, row, title, data[key], data["count"], fmt
            )
        return worksheet

    def _sheet_consultations(self, workbook, scope, figures, fmt):
        data = figures["consultations"]
        worksheet = workbook.add_worksheet(self.env._("Consultations"))
        self._title(worksheet, scope, self.env._("Consultations"), fmt)
        row = self._write_block(
            worksheet,
            3,
            [
                (self.env._("Consultations"), data["count"], "count"),
                (self.env._("Closed consultations"), data["closed"], "count"),
                (
                    self.env._("Resolved at first contact"),
                    data["first_contact"],
                    "count",
                ),
                (
                    self.env._("First-contact resolution"),
                    data["first_contact_rate"],
                    "percent",
                ),
            ],
            fmt,
        )
        for title, key in (
            (self.env._("Category"), "by_category"),
            (self.env._("Channel"), "by_channel"),
        ):
            row = self._write_counts(
                worksheet, row, title, data[key], data["count"], fmt
            )
        return worksheet

    def _sheet_business_changes(self, workbook, scope, figures, fmt):
        data = figures["business_changes"]
        worksheet = workbook.add_worksheet(self.env._("Business changes"))
        self._title(worksheet, scope, self.env._("Business changes"), fmt)
        row = self._write_block(
            worksheet,
            3,
            [
                (self.env._("Change orders"), data["count"], "count"),
                (self.env._("Expedited orders"), data["expedited"], "count"),
                (self.env._("Activated orders"), data["activated"], "count"),
                (self.env._("Lead time, average (h)"), data["lead_time"], "decimal"),
                (self.env._("Late change orders"), data["late"], "count"),
                (self.env._("Rejected orders"), data["rejected"], "count"),
                (
                    self.env._("Closed business-change tickets with an SLA"),
                    data["sla_closed"],
                    "count",
                ),
                (
                    self.env._("Closed within the SLA"),
                    data["sla_on_time"],
                    "count",
                ),
                (
                    self.env._("On-time share (SLA)"),
                    data["sla_on_time_rate"],
                    "percent",
                ),
            ],
            fmt,
        )
        total = sum(count for _label, count in data["by_change_type"])
        self._write_counts(
            worksheet,
            row,
            self.env._("Change type"),
            data["by_change_type"],
            total,
            fmt,
        )
        return worksheet

    def _sheet_traffic(self, workbook, scope, figures, fmt):
        data = figures["traffic"]
        worksheet = workbook.add_worksheet(self.env._("Traffic"))
        self._title(worksheet, scope, self.env._("Traffic"), fmt)
        worksheet.write(
            2,
            0,
            self.env._("Weekly traffic records")
            if data["granularity"] == "week"
            else self.env._("Monthly traffic records"),
        )
        row = self._write_block(
            worksheet,
            3,
            [
                (self.env._("Traffic records"), data["records"], "count"),
                (self.env._("Customers with traffic"), data["customers"], "count"),
                (self.env._("Traffic amount"), data["amount"], "decimal"),
                (self.env._("Traffic anomalies"), data["anomalies"], "count"),
                (self.env._("Traffic drops"), data["drops"], "count"),
                (self.env._("Traffic rises"), data["rises"], "count"),
                (self.env._("Anomalies with a callback"), data["callbacks"], "count"),
                (self.env._("Called back"), data["called_back"], "count"),
                (
                    self.env._("Called back on time"),
                    data["called_back_on_time"],
                    "count",
                ),
                (self.env._("Called back late"), data["called_back_late"], "count"),
                (
                    self.env._("Callbacks overdue"),
                    data["callbacks_overdue"],
                    "count",
                ),
                (
                    self.env._("Anomalies called back on time"),
                    data["on_time_rate"],
                    "percent",
                ),
            ],
            fmt,
        )
        row = self._write_table(
            worksheet,
            row,
            self.env._("Traffic by service type and segment"),
            [
                self.env._("Service type"),
                self.env._("Segment"),
                self.env._("Customers"),
                self.env._("Volume"),
                self.env._("Unit"),
                self.env._("Amount"),
            ],
            data["by_type_segment"],
            ("label", "label", "count", "decimal", "label", "decimal"),
            fmt,
        )
        self._write_table(
            worksheet,
            row,
            self.env._("Anomalies by direction and segment"),
            [self.env._("Direction"), self.env._("Segment"), self.env._("Count")],
            data["by_direction_segment"],
            ("label", "label", "count"),
            fmt,
        )
        return worksheet

    def _sheet_engineer_services(self, workbook, scope, figures, fmt):
        data = figures["engineer_services"]
        worksheet = workbook.add_worksheet(self.env._("Engineer services"))
        self._title(worksheet, scope, self.env._("Engineer services"), fmt)
        row = self._write_block(
            worksheet,
            3,
            [
                (self.env._("Work orders done"), data["done"], "count"),
                (self.env._("Done on time"), data["on_time"], "count"),
                (
                    self.env._("Work orders done on time"),
                    data["on_time_rate"],
                    "percent",
                ),
                (self.env._("Rated work orders"), data["rated"], "count"),
                (
                    self.env._("Work order quality rating"),
                    data["quality"],
                    "decimal",
                ),
            ],
            fmt,
        )
        headers = [
            self.env._("Done"),
            self.env._("On time"),
            self.env._("On-time share"),
            self.env._("Rated"),
            self.env._("Average rating"),
        ]
        kinds = ("label", "count", "count", "percent", "count", "decimal")
        for title, key in (
            (self.env._("Kind"), "by_kind"),
            (self.env._("Engineer"), "by_engineer"),
        ):
            row = self._write_table(
                worksheet, row, title, [title, *headers], data[key], kinds, fmt
            )
        self._write_table(
            worksheet,
            row,
            self.env._("Equipment"),
            [
                self.env._("Equipment"),
                self.env._("Unit"),
                self.env._("Installed"),
                self.env._("Returned"),
            ],
            data["equipment"],
            ("label", "label", "decimal", "decimal"),
            fmt,
        )
        return worksheet

    def generate_xlsx_report(self, workbook, data, objs):
        if not data or not data.get("date_from"):
            # Printed from a submission: its own period and scope.
            data = objs[:1]._cs_report_data()
        fmt = self._formats(workbook)
        scope, figures, previous = self.env["cs.service.report"]._cs_compute(data)
        self._sheet_summary(workbook, scope, figures, previous, fmt)
        for subject in self.env["cs.service.report"]._cs_subjects():
            getattr(self, f"_sheet_{subject}")(workbook, scope, figures, fmt)
