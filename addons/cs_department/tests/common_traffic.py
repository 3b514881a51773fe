# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from .common import CsDepartmentCommon

#: The tests run on 15 July 2026: June is the latest complete month.
TODAY = "2026-07-15 04:00:00"
MONTHS = [date(2026, month, 1) for month in range(1, 8)]


class CsTrafficCommon(CsDepartmentCommon):
    """Traffic settings of the company and helpers building customers with
    lines and monthly traffic."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # One representative in the default team: the spread is then known.
        cls.team.user_ids -= cls.colleague
        cls.company.write(
            {
                "cs_default_team_id": cls.team.id,
                "cs_traffic_segment_months": 3,
                "cs_traffic_small_max": 1000.0,
                "cs_traffic_large_min": 10000.0,
                "cs_traffic_anomaly_granularity": "month",
                "cs_traffic_anomaly_window": 3,
                "cs_traffic_drop_threshold": 30.0,
                "cs_traffic_rise_threshold": 50.0,
            }
        )
        cls.Record = cls.env["cs.traffic.record"]
        # Start from no traffic at all (the demo data has some).
        cls.env["cs.traffic.anomaly"].search([]).unlink()
        cls.env["cs.callback"].search([("reason", "=", "traffic_anomaly")]).unlink()
        cls.Record.search([]).unlink()
        cls.line_ip = cls._line(cls.customer, "T9-IP-0001", "ip")
        cls.line_ld = cls._line(cls.customer, "T9-LD-0001", "long_distance")

    @classmethod
    def _line(cls, partner, number, service_type="ip"):
        return cls.env["cs.service.line"].create(
            {
                "name": number,
                "partner_id": partner.id,
                "service_type": service_type,
                "date_start": "2025-01-01",
            }
        )

    @classmethod
    def _customer(cls, name, volumes, service_type="ip", granularity="month"):
        """A customer with one line and ``volumes``: {period start: volume}."""
        partner = cls.env["res.partner"].create({"name": name, "is_company": True})
        line = cls._line(partner, f"T9-{name}", service_type)
        cls.Record.create(
            [
                {
                    "service_line_id": line.id,
                    "granularity": granularity,
                    "period_start": start,
                    "volume": volume,
                    "amount": volume / 10,
                }
                for start, volume in volumes.items()
            ]
        )
        return partner

    @classmethod
    def _monthly(cls, *volumes):
        """Volumes of consecutive months ending with June 2026."""
        return dict(zip(MONTHS[6 - len(volumes) : 6], volumes, strict=True))
