# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

#: Demo line -> monthly volume; the last month of the Jackson Group drops.
DEMO_MONTHLY = {
    "cs_service_line_deco_ip1_demo": 8200.0,
    "cs_service_line_deco_ip2_demo": 5100.0,
    "cs_service_line_deco_ld_demo": 3100.0,
    "cs_service_line_azure_ip_demo": 3000.0,
    "cs_service_line_azure_ld_demo": 1500.0,
    "cs_service_line_readymat_ip_demo": 420.0,
    "cs_service_line_readymat_ld_demo": 180.0,
    "cs_service_line_jackson_ip_demo": 600.0,
}
DEMO_DROP_LINE = "cs_service_line_jackson_ip_demo"
DEMO_WEEKLY = ("cs_service_line_deco_ip1_demo", "cs_service_line_azure_ip_demo")
#: Price per minute or MB of the demo traffic.
DEMO_RATE = {"ip": 0.02, "long_distance": 0.15}


class CsTrafficRecord(models.Model):
    _inherit = "cs.traffic.record"

    @api.model
    def _cs_load_demo_traffic(self):
        """A year of monthly traffic (and two months of weekly traffic) of the
        demo lines relative to today, then the segments and the anomaly job:
        the Jackson Group's last month drops and gets its callback."""
        today = fields.Date.context_today(self)
        month = today.replace(day=1)
        monday = today - relativedelta(days=today.weekday())
        vals_list = []
        for xmlid, base in DEMO_MONTHLY.items():
            line = self.env.ref(f"cs_department.{xmlid}", raise_if_not_found=False)
            if not line or self.search_count([("service_line_id", "=", line.id)]):
                continue
            rate = DEMO_RATE[line.service_type]
            for back in range(12, 0, -1):
                start = month - relativedelta(months=back)
                if line.date_start and start < line.date_start.replace(day=1):
                    continue
                volume = base * (1 + ((back * 7) % 5 - 2) / 40)
                if xmlid == DEMO_DROP_LINE and back == 1:
                    volume = base / 4
                vals_list.append(self._cs_demo_vals(line, "month", start, volume, rate))
            if xmlid in DEMO_WEEKLY:
                for back in range(8, 0, -1):
                    start = monday - relativedelta(weeks=back)
                    volume = base / 4.3 * (1 + ((back * 3) % 4 - 1.5) / 30)
                    vals_list.append(
                        self._cs_demo_vals(line, "week", start, volume, rate)
                    )
        self.create(vals_list)
        self.env["res.partner"]._cs_recompute_traffic_segments_all(today)
        self.env["cs.traffic.anomaly"]._cron_detect_traffic_anomalies(today)
        return True

    @api.model
    def _cs_demo_vals(self, line, granularity, start, volume, rate):
        return {
            "service_line_id": line.id,
            "granularity": granularity,
            "period_start": start,
            "volume": round(volume, 2),
            "amount": round(volume * rate, 2),
        }
