# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a hostile integrator sends through the product's doors (JSON-RPC
methods, wizards, plain create and write): wrong types, NaN and infinities,
absurd magnitudes and endless texts are refused with a message naming the
field, and nothing changes."""

from contextlib import contextmanager

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common_traffic import TODAY, CsTrafficCommon

NAN, INF = float("nan"), float("inf")


@contextmanager
def refused(test, exception, regex):
    """``assertRaisesRegex``, the attempt rolled back as a refused call of a
    client is (Odoo's ``assertRaises`` does so, not ``assertRaisesRegex``)."""
    with test.assertRaisesRegex(exception, regex), test.env.cr.savepoint():
        yield


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestTrafficInputDoors(CsTrafficCommon):
    """Traffic volumes and amounts are finite numbers from 0 to 1e12 on every
    path: the API's creations and updates, create and write."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.record = cls.Record.create(
            {
                "service_line_id": cls.line_ip.id,
                "period_start": "2026-05-01",
                "volume": 900,
                "amount": 90,
            }
        )
        cls.api = cls.Record.with_user(cls.supervisor)

    def _row(self, **vals):
        """The API row of the existing record (an update), changed by ``vals``."""
        row = {
            "line_number": "T9-IP-0001",
            "period_start": "2026-05-01",
            "granularity": "month",
            "volume": 900,
            "amount": 90,
        }
        row.update(vals)
        return row

    def _assert_unchanged(self):
        self.env.invalidate_all()
        self.assertEqual(self.Record.search_count([]), 1)
        self.assertEqual(
            (self.record.volume, self.record.amount, self.record.source),
            (900, 90, "manual"),
        )

    def test_upsert_update_refuses_non_finite(self):
        """An update with NaN or an infinity is refused before its SQL."""
        for field in ("volume", "amount"):
            for value in (NAN, INF, -INF, "NaN", "Infinity"):
                with (
                    self.subTest(field=field, value=value),
                    refused(
                        self,
                        ValidationError,
                        f"Row 1: {field} .* is not a finite number",
                    ),
                ):
                    self.api.cs_upsert_traffic([self._row(**{field: value})])
        self._assert_unchanged()

    def test_upsert_create_refuses_non_finite(self):
        """A new period with NaN or an infinity is refused, not a server error."""
        for field in ("volume", "amount"):
            for value in (NAN, INF, "nan"):
                row = self._row(period_start="2026-06-01", **{field: value})
                with (
                    self.subTest(field=field, value=value),
                    refused(self, ValidationError, "is not a finite number"),
                ):
                    self.api.cs_upsert_traffic([row])
        self._assert_unchanged()

    def test_upsert_refuses_absurd_figures(self):
        """Volumes and amounts above 1e12 are refused, updated or created."""
        for start in ("2026-05-01", "2026-06-01"):
            for field in ("volume", "amount"):
                row = self._row(period_start=start, **{field: 1e300})
                with (
                    self.subTest(start=start, field=field),
                    refused(
                        self,
                        ValidationError,
                        f"{field} 1e\\+300 is above the limit of 1,000,000,000,000",
                    ),
                ):
                    self.api.cs_upsert_traffic([row])
        self._assert_unchanged()

    def test_create_and_write_refuse_non_finite(self):
        """The model's own create and write refuse them too."""
        for value in (NAN, INF, 1e300):
            with self.subTest(value=value):
                with refused(self, ValidationError, "Traffic of line"):
                    self.api.create(
                        {
                            "service_line_id": self.line_ip.id,
                            "period_start": "2026-06-01",
                            "volume": value,
                        }
                    )
                for field in ("volume", "amount"):
                    with refused(self, ValidationError, "T9-IP-0001"):
                        self.record.with_user(self.supervisor).write({field: value})
        self._assert_unchanged()

    def test_upsert_refuses_wrong_types(self):
        """A list as granularity, a boolean or a list as volume: refused rows."""
        bad_rows = {
            "Row 1: unknown granularity": self._row(granularity=["month"]),
            "Row 1: unknown granularity {": self._row(granularity={"month": 1}),
            "Row 1: bad volume True": self._row(volume=True),
            "Row 1: bad volume \\[1\\]": self._row(volume=[1]),
            "Row 1: bad amount {": self._row(amount={"x": 1}),
        }
        for reason, row in bad_rows.items():
            with (
                self.subTest(reason=reason),
                refused(self, ValidationError, reason),
            ):
                self.api.cs_upsert_traffic([row])
        self._assert_unchanged()

    def test_service_line_as_text_refused(self):
        """A service line given as a text is refused, naming the field."""
        with refused(
            self, ValidationError, "Service Line must be the id of a record, not 'abc'"
        ):
            self.api.create(
                {
                    "service_line_id": "abc",
                    "period_start": "2026-06-01",
                    "volume": 1,
                }
            )
        with refused(self, ValidationError, "Service Line must be the id"):
            self.record.with_user(self.supervisor).write({"service_line_id": "abc"})
        with refused(self, ValidationError, "unknown keys service_line_id"):
            self.api.cs_upsert_traffic([self._row(service_line_id="abc")])
        self._assert_unchanged()
        self.assertEqual(self.record.service_line_id, self.line_ip)

