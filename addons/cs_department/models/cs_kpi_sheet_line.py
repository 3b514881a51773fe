# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo import models


class CsKpiSheetLine(models.Model):
    _inherit = "cs.kpi.sheet.line"

    def _cs_callback_groups(self, campaign, lines, extra_domain, aggregates):
        """Group the rated callbacks done in ``campaign``'s period by representative.

        The callbacks count for the representative of their ticket; each line's
        employee is that representative through his user. One ``_read_group``.
        """
        users = lines.employee_id.user_id
        if not users:
            return {}
        company = campaign.company_id
        domain = [
            ("state", "=", "done"),
            ("satisfaction", ">", 0),
            ("representative_id", "in", users.ids),
            ("company_id", "=", company.id),
            # The period's days start at midnight in the company's time zone.
            ("done_date", ">=", company._cs_day_start_utc(campaign.date_from)),
            (
                "done_date",
                "<",
                company._cs_day_start_utc(campaign.date_to + timedelta(days=1)),
            ),
            *extra_domain,
        ]
        groups = (
            self.env["cs.callback"]
            .sudo()
            ._read_group(domain, ["representative_id"], aggregates)
        )
        return {user.id: values for user, *values in groups}

    def _cs_measure_callbacks(self, extra_domain, aggregates, value_of):
        """``{line_id: value_of(aggregates of the line's user) or None}``."""
        result = {}
        lines_sudo = self.sudo()
        for campaign in lines_sudo.campaign_id:
            lines = lines_sudo.filtered(lambda line, c=campaign: line.campaign_id == c)
            groups = self._cs_callback_groups(campaign, lines, extra_domain, aggregates)
            for line in lines:
                values = groups.get(line.employee_id.user_id.id)
                result[line.id] = value_of(campaign, values) if values else None
        return result

    def _measure_source_cs_callback_satisfaction(self):
        """Average satisfaction (0-100) of the rated callbacks done in the period
        on the tickets of each line's employee; ``None`` without any."""
        return self._cs_measure_callbacks(
            [], ["satisfaction:avg"], lambda campaign, values: values[0]
        )

    def _measure_source_cs_complaint_followup_pass_rate(self):
        """Share (%) of the rated complaint follow-ups done in the period on the
        tickets of each line's employee that reach the company's satisfaction
        threshold; ``None`` without any."""

        def pass_rate(campaign, values):
            scores = values[0]
            threshold = campaign.company_id.cs_satisfaction_threshold
            passed = sum(1 for score in scores if score >= threshold)
            return passed * 100.0 / len(scores)

        return self._cs_measure_callbacks(
            [("reason", "=", "complaint_followup")],
            ["satisfaction:array_agg"],
            pass_rate,
        )

    # ---- equipment work orders and the CS warehouse ----
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
