# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import io
from datetime import date

import xlsxwriter
from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.modules.module import get_module_path
from odoo.tests import tagged

from .common_traffic import TODAY, CsTrafficCommon

HEADER = "Line Number,Granularity,Period Start,Volume,Amount\n"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestTrafficImport(CsTrafficCommon):
    """Standard import of traffic files: all rows or none."""

    def _import(self, content, user=None, file_type="text/csv", name="t.csv"):
        wizard = (
            self.env["base_import.import"]
            .with_user(user or self.supervisor)
            .create(
                {
                    "res_model": "cs.traffic.record",
                    "file": content,
                    "file_type": file_type,
                    "file_name": name,
                }
            )
        )
        options = {
            "has_headers": True,
            "quoting": '"',
            "separator": ",",
            "date_format": "%Y-%m-%d",
            "float_decimal_separator": ".",
            "float_thousand_separator": "",
        }
        preview = wizard.parse_preview(options)
        self.assertFalse(preview.get("error"), preview.get("error"))
        fields = [match[-1] for match in preview["matches"].values()]
        return wizard.execute_import(fields, preview["headers"], options)

    def _csv(self, *rows):
        return (HEADER + "".join(f"{row}\n" for row in rows)).encode()

    def test_import_good_csv(self):
        """A good CSV creates one record per row, lines matched by number."""
        result = self._import(
            self._csv(
                "T9-IP-0001,Month,2026-05-01,800,80",
                "T9-IP-0001,Month,2026-06-01,600.5,60",
                "T9-LD-0001,Week,2026-06-29,120,18",
            )
        )
        self.assertFalse(result["messages"])
        records = self.Record.browse(result["ids"])
        self.assertEqual(len(records), 3)
        self.assertEqual(records.service_line_id, self.line_ip | self.line_ld)
        self.assertEqual(set(records.mapped("source")), {"import"})
        june = records.filtered(lambda rec: rec.period_start == date(2026, 6, 1))
        self.assertEqual(june.volume, 600.5)
        self.assertEqual(june.period_end, date(2026, 6, 30))
        self.assertEqual(june.partner_id, self.customer)
        # The segments are recomputed after the import.
        self.assertEqual(self.customer.cs_traffic_segment, "small")
        self.assertAlmostEqual(self.customer.cs_traffic_avg_volume, 466.83, 2)

    def test_import_good_xlsx(self):
        """An XLSX file with real date cells imports too."""
        stream = io.BytesIO()
        workbook = xlsxwriter.Workbook(stream, {"in_memory": True})
        sheet = workbook.add_worksheet()
        date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
        for col, header in enumerate(HEADER.strip().split(",")):
            sheet.write(0, col, header)
        sheet.write(1, 0, "T9-IP-0001")
        sheet.write(1, 1, "Month")
        sheet.write_datetime(1, 2, date(2026, 4, 1), date_format)
        sheet.write(1, 3, 2500)
        sheet.write(1, 4, 250)
        workbook.close()
        result = self._import(stream.getvalue(), file_type=XLSX, name="t.xlsx")
        self.assertFalse(result["messages"])
        record = self.Record.browse(result["ids"])
        self.assertEqual(record.period_start, date(2026, 4, 1))
        self.assertEqual(record.volume, 2500)

    def test_import_template(self):
        """The shipped template is offered and its columns map to the fields."""
        [template] = self.Record.get_import_templates()
        module, path = template["template"].strip("/").split("/", 1)
        with open(f"{get_module_path(module)}/{path}", "rb") as template_file:
            content = template_file.read()
        wizard = (
            self.env["base_import.import"]
            .with_user(self.supervisor)
            .create(
                {
                    "res_model": "cs.traffic.record",
                    "file": content,
                    "file_type": XLSX,
                    "file_name": "cs_traffic_record.xlsx",
                }
            )
        )
        preview = wizard.parse_preview({"has_headers": True})
        self.assertFalse(preview.get("error"))
        fields = {match[-1] for match in preview["matches"].values()}
        self.assertEqual(
            fields, {"line_number", "granularity", "period_start", "volume", "amount"}
        )

    def test_import_malformed_refused_whole(self):
        """Each malformed file is refused with the row and reason; nothing lands."""
        self.Record.create(
            {
                "service_line_id": self.line_ld.id,
                "period_start": "2026-03-01",
                "volume": 10,
            }
        )
        good = "T9-IP-0001,Month,2026-05-01,800,80"
        cases = {
            "unknown line": ("T9-NOPE,Month,2026-06-01,10,1", "Unknown line number"),
            "negative volume": ("T9-IP-0001,Month,2026-06-01,-5,1", "negative"),
            "bad date": ("T9-IP-0001,Month,2026-13-45,10,1", "2026-13-45"),
            "month not on the 1st": ("T9-IP-0001,Month,2026-06-03,10,1", "first day"),
            "future period": ("T9-IP-0001,Month,2026-09-01,10,1", "future"),
            "duplicate period": (good, "already has its traffic"),
            "existing period": ("T9-LD-0001,Month,2026-03-01,10,1", "already has"),
        }
        count = self.Record.search_count([])
        for case, (bad_row, reason) in cases.items():
            with self.subTest(case=case):
                result = self._import(
                    self._csv(good, bad_row, good.replace("05", "04"))
                )
                self.assertFalse(result.get("ids"), case)
                errors = [m for m in result["messages"] if m["type"] == "error"]
                self.assertTrue(errors, case)
                self.assertIn(reason, errors[0]["message"])
                if case != "bad date":
                    # The error names the second data row only.
                    self.assertEqual([m["rows"]["from"] for m in errors], [1], errors)
                self.assertEqual(self.Record.search_count([]), count)

    def test_import_representative_refused(self):
        """A representative reads traffic but cannot import it."""
        result = self._import(
            self._csv("T9-IP-0001,Month,2026-05-01,800,80"), user=self.representative
        )
        self.assertFalse(result.get("ids"))
        self.assertFalse(self.Record.search([]))


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestTrafficApi(CsTrafficCommon):
    """The JSON-RPC batch method of the switch and billing systems."""

    def _rows(self, *rows):
        return [
            dict(
                zip(
                    ("line_number", "period_start", "granularity", "volume", "amount"),
                    row,
                    strict=True,
                )
            )
            for row in rows
        ]

    def test_api_create_then_update(self):
        """A batch creates new periods and updates known ones, in one call."""
        api = self.Record.with_user(self.supervisor)
        result = api.cs_upsert_traffic(
            self._rows(
                ("T9-IP-0001", "2026-05-01", "month", 900, 90),
                ("T9-LD-0001", "2026-06-15", "day", 30, 4.5),
            )
        )
        self.assertEqual(result, {"created": 2, "updated": 0})
        result = api.cs_upsert_traffic(
            self._rows(
                ("T9-IP-0001", "2026-05-01", "month", 1200, 120),
                ("T9-IP-0001", "2026-06-01", "month", 300, 30),
            )
        )
        self.assertEqual(result, {"created": 1, "updated": 1})
        may = self.Record.search(
            [
                ("service_line_id", "=", self.line_ip.id),
                ("period_start", "=", "2026-05-01"),
            ]
        )
        self.assertEqual((may.volume, may.amount, may.source), (1200, 120, "api"))
        self.assertEqual(self.Record.search_count([]), 3)
        self.assertEqual(self.customer.cs_traffic_avg_volume, 500)

    def test_api_refuses_whole_batch(self):
        """One bad row refuses the batch with its row number; nothing changes."""
        api = self.Record.with_user(self.supervisor)
        api.cs_upsert_traffic(
            self._rows(("T9-IP-0001", "2026-05-01", "month", 900, 90))
        )
        bad_batches = {
            "Row 2: unknown line number": (
                ("T9-IP-0001", "2026-05-01", "month", 1, 1),
                ("T9-GONE", "2026-05-01", "month", 1, 1),
            ),
            "Row 1: negative volume": (("T9-IP-0001", "2026-06-01", "month", -1, 1),),
            "Row 2: same line and period as row 1": (
                ("T9-IP-0001", "2026-06-01", "month", 1, 1),
                ("T9-IP-0001", "2026-06-01", "month", 2, 1),
            ),
            "Row 1: a week starts on a Monday": (
                ("T9-IP-0001", "2026-06-02", "week", 1, 1),
            ),
            "Row 1: missing or bad period start date": (
                ("T9-IP-0001", "June", "month", 1, 1),
            ),
            "Row 1: unknown granularity": (("T9-IP-0001", "2026-06-01", "year", 1, 1),),
        }
        for reason, rows in bad_batches.items():
            with self.subTest(reason=reason):
                with self.assertRaisesRegex(ValidationError, reason):
                    api.cs_upsert_traffic(self._rows(*rows))
                record = self.Record.search([])
                self.assertEqual(len(record), 1)
                self.assertEqual(record.volume, 900)
        with self.assertRaises(ValidationError):
            api.cs_upsert_traffic([{"line_number": "T9-IP-0001", "speed": 1}])
        with self.assertRaises(ValidationError):
            api.cs_upsert_traffic([])

    def test_api_refused_to_representatives(self):
        """Representatives and outsiders cannot feed traffic."""
        for user in (self.representative, self.engineer, self.employee):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.Record.with_user(user).cs_upsert_traffic(
                    self._rows(("T9-IP-0001", "2026-05-01", "month", 900, 90))
                )
        self.assertFalse(self.Record.search([]))


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestTrafficAccess(CsTrafficCommon):
    """Who reads and writes traffic, and the figures nobody writes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.record = cls.Record.create(
            {
                "service_line_id": cls.line_ip.id,
                "period_start": "2026-06-01",
                "volume": 700,
                "amount": 70,
            }
        )

    def test_representative_reads_only(self):
        """A representative reads traffic and nothing else; data unchanged."""
        record = self.record.with_user(self.representative)
        self.assertEqual(record.volume, 700)
        with self.assertRaises(AccessError):
            record.write({"volume": 1})
        with self.assertRaises(AccessError):
            record.unlink()
        with self.assertRaises(AccessError):
            self.Record.with_user(self.representative).create(
                {"service_line_id": self.line_ip.id, "period_start": "2026-05-01"}
            )
        self.assertEqual(self.record.volume, 700)
        self.assertEqual(self.Record.search_count([]), 1)

    def test_outside_department_reads_nothing(self):
        """Engineers, finance and plain employees do not read traffic."""
        for user in (self.engineer, self.finance, self.employee):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.Record.with_user(user).search_read([], ["volume"])

    def test_supervisor_corrects(self):
        """A supervisor creates and corrects; the segment follows."""
        record = self.record.with_user(self.supervisor)
        record.volume = 15000
        self.assertEqual(self.customer.cs_traffic_segment, "medium")
        record.line_number = "T9-LD-0001"
        self.assertEqual(record.service_line_id, self.line_ld)
        self.assertEqual(record.volume_unit, "minute")
        record.unlink()
        self.assertFalse(self.customer.cs_traffic_segment)

    def test_figures_not_forged(self):
        """Computed figures, the source and the segment are not writable."""
        record = self.record.with_user(self.supervisor)
        forged = {
            "partner_id": self.key_customer.id,
            "period_end": "2026-12-31",
            "company_id": self.company.id,
            "service_type": "long_distance",
        }
        for field, value in forged.items():
            with self.subTest(field=field), self.assertRaises(AccessError):
                record.write({field: value})
        with self.assertRaises(AccessError):
            record.write({"source": "api"})
        for user in (self.supervisor, self.manager):
            with self.assertRaises(AccessError):
                self.customer.with_user(user).write({"cs_traffic_segment": "large"})
            with self.assertRaises(AccessError):
                self.customer.with_user(user).write({"cs_traffic_avg_volume": 1})
        self.assertEqual(self.record.partner_id, self.customer)
        self.assertEqual(self.record.period_end, date(2026, 6, 30))
        self.assertEqual(self.record.source, "manual")
        self.assertEqual(self.customer.cs_traffic_segment, "small")

    def test_other_company_invisible(self):
        """A record of another company is not readable."""
        other = self.env["res.company"].create({"name": "CS Other Company"})
        line = self.env["cs.service.line"].create(
            {
                "name": "T9-OTHER",
                "partner_id": self.customer.id,
                "company_id": other.id,
            }
        )
        self.Record.create(
            {"service_line_id": line.id, "period_start": "2026-06-01", "volume": 1}
        )
        visible = self.Record.with_user(self.manager).search([])
        self.assertEqual(visible, self.record)
