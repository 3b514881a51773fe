# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo import fields, models

from .cs_kpi_indicator import _back_to_manual


class CsKpiIndicator(models.Model):
    _inherit = "cs.kpi.indicator"

    source = fields.Selection(
        selection_add=[
            ("cs_work_order_on_time_rate", "Work orders done on time (%)"),
            ("cs_work_order_quality", "Average quality rating of the work orders"),
        ],
        ondelete={
            "cs_work_order_on_time_rate": _back_to_manual,
            "cs_work_order_quality": _back_to_manual,
        },
    )


class CsKpiSheetLine(models.Model):
    _inherit = "cs.kpi.sheet.line"

    def _cs_work_order_figures(self):
        """Technical service quality of each line's engineer, in one batch.

        Returns ``{line_id: (on_time_rate, average_quality) or None}``: over
        the work orders done in the line's campaign period (days bounded at
        midnight in the company's time zone) by the user of the line's
        employee, the share (%) done by their scheduled end (scheduled date
        plus duration) and the average customer rating of the rated ones
        (``None`` when none is rated). ``None`` for an engineer without any
        done work order. One ``_read_group`` per campaign, whatever the
        number of lines and work orders.
        """
        result = {}
        lines_sudo = self.sudo()
        WorkOrder = self.env["cs.work.order"].sudo()
        for campaign in lines_sudo.campaign_id:
            lines = lines_sudo.filtered(lambda line, c=campaign: line.campaign_id == c)
            users = lines.employee_id.user_id
            company = campaign.company_id
            groups = {}
            if users:
                domain = [
                    ("state", "=", "done"),
                    ("engineer_id", "in", users.ids),
                    ("company_id", "=", company.id),
                    ("done_date", ">=", company._cs_day_start_utc(campaign.date_from)),
                    (
                        "done_date",
                        "<",
                        company._cs_day_start_utc(campaign.date_to + timedelta(days=1)),
                    ),
                ]
                groups = {
                    user.id: (count, on_time, ratings)
                    for user, count, on_time, ratings in WorkOrder._read_group(
                        domain,
                        ["engineer_id"],
                        [
                            "__count",
                            "done_on_time:array_agg",
                            "quality_rating:array_agg",
                        ],
                    )
                }
            for line in lines:
                figures = groups.get(line.employee_id.user_id.id)
                if not figures:
                    result[line.id] = None
                    continue
                count, on_time, ratings = figures
                rated = [rating for rating in ratings if rating]
                result[line.id] = (
                    100.0 * sum(1 for flag in on_time if flag) / count,
                    sum(rated) / len(rated) if rated else None,
                )
        return result

    def _measure_source_cs_work_order_on_time_rate(self):
        """Share (%) of the work orders done in the period by each line's
        engineer that were done by their scheduled end; ``None`` without any."""
        return {
            line_id: figures and figures[0]
            for line_id, figures in self._cs_work_order_figures().items()
        }

    def _measure_source_cs_work_order_quality(self):
        """Average customer quality rating (0-100) of the rated work orders
        done in the period by each line's engineer; ``None`` without any."""
        return {
            line_id: figures and figures[1]
            for line_id, figures in self._cs_work_order_figures().items()
        }
