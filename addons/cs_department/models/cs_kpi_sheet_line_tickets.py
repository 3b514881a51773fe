# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""KPI data sources of the tickets: the customers' ratings and the SLA
deadlines kept, of a representative (his tickets) and of the people a leader
leads (the team of ``cs_kpi_sheet_line_team``), and the indicators mixing the
callbacks' satisfaction with the ratings."""

from odoo import models

from .cs_kpi_sheet_line import SATISFACTION
from .helpdesk_ticket_sla import rating_to_score

TEAM_SATISFACTION = "cs_team_callback_satisfaction"


class CsKpiSheetLine(models.Model):
    _inherit = "cs.kpi.sheet.line"

    def _cs_closed_tickets_domain(self, campaign):
        """The tickets closed (not cancelled) in ``campaign``'s period, its
        days in the campaign's time zone."""
        start, stop = campaign._period_datetimes()
        return [
            ("closed_date", ">=", start),
            ("closed_date", "<", stop),
            ("stage_id.closed", "=", True),
            ("stage_id.cs_cancel", "=", False),
        ]

    # ---- customer ratings ----
    def _cs_rated_domain(self, campaign):
        # rating 0 is "not rated": an unrated ticket never counts as 0
        return [
            *self._cs_closed_tickets_domain(campaign),
            ("rating_last_value", ">", 0),
        ]

    def _measure_source_cs_ticket_rating(self, campaign):
        """Average customer rating (0-100: 1 -> 0, 3 -> 50, 5 -> 100) of the
        tickets closed in the period whose representative is each line's
        employee, the customer's last rating of each; ``None`` without any
        rated ticket. One grouped query."""
        return self._cs_measure_by_user(
            campaign,
            "helpdesk.ticket",
            "cs_representative_id",
            self._cs_rated_domain(campaign),
            ["rating_last_value:avg"],
            lambda values: rating_to_score(values[0]),
        )

    def _measure_source_cs_team_ticket_rating(self, campaign):
        """Average customer rating (0-100) of the tickets closed in the period
        whose representative is one of the people each line's employee leads;
        ``None`` without any rated ticket. One ``_read_group``."""
        return self._cs_measure_by_team(
            campaign,
            "helpdesk.ticket",
            "cs_representative_id",
            "cs_representative_id",
            self._cs_rated_domain(campaign),
            ["rating_last_value:sum", "__count"],
            lambda values: rating_to_score(
                sum(total for total, __ in values) / sum(count for __, count in values)
            ),
        )

    # ---- SLA deadlines ----
    def _cs_sla_domain(self, campaign):
        return [
            *self._cs_closed_tickets_domain(campaign),
            ("ticket_sla_ids", "!=", False),
        ]

    @staticmethod
    def _cs_on_time_share(values):
        flags = [late for (group,) in values for late in group]
        return sum(1 for late in flags if not late) * 100.0 / len(flags)

    def _measure_source_cs_ticket_sla_rate(self, campaign):
        """Share (%) of the tickets closed in the period, whose representative
        is each line's employee and that have an SLA, closed with every SLA
        deadline kept; ``None`` without any. One grouped query."""
        return self._cs_measure_by_user(
            campaign,
            "helpdesk.ticket",
            "cs_representative_id",
            self._cs_sla_domain(campaign),
            ["cs_sla_late:array_agg"],
            lambda values: self._cs_on_time_share([values]),
        )

    def _measure_source_cs_team_ticket_sla_rate(self, campaign):
        """Share (%) of the tickets with an SLA closed in the period by the
        people each line's employee leads that kept every SLA deadline;
        ``None`` without any. One ``_read_group``."""
        return self._cs_measure_by_team(
            campaign,
            "helpdesk.ticket",
            "cs_representative_id",
            "cs_representative_id",
            self._cs_sla_domain(campaign),
            ["cs_sla_late:array_agg"],
            self._cs_on_time_share,
        )

    # ---- satisfaction: callbacks and ratings, weighted on the indicator ----
    def _cs_mix_ratings(self, campaign, values, rating_method):
        """``values`` (the callbacks' satisfaction by line) mixed with the
        ratings (``rating_method``) on the lines whose indicator weighs them
        (``cs_rating_weight`` %, the callbacks the rest). When one side has no
        data for a person, the other alone counts."""
        weights = dict(
            zip(
                self._ids,
                self.sudo().mapped(lambda line: line.indicator_id.cs_rating_weight),
                strict=True,
            )
        )
        mixed = self.browse(line_id for line_id in self._ids if weights[line_id])
        if not mixed:
            return values
        ratings = getattr(mixed, rating_method)(campaign)
        result = dict(values)
        for line_id in mixed._ids:
            weight = weights[line_id] / 100.0
            callbacks, rating = values.get(line_id), ratings.get(line_id)
            if rating is None or weight == 0:
                continue
            if callbacks is None or weight == 1:
                result[line_id] = rating
            else:
                result[line_id] = weight * rating + (1 - weight) * callbacks
        return result

    def _cs_measure_callback_sources(self, campaign):
        values = super()._cs_measure_callback_sources(campaign)
        satisfaction = self.filtered(lambda line: line.source == SATISFACTION)
        return {
            **values,
            **satisfaction._cs_mix_ratings(
                campaign,
                {line_id: values.get(line_id) for line_id in satisfaction._ids},
                "_measure_source_cs_ticket_rating",
            ),
        }

    def _measure_source_cs_team_callback_satisfaction(self, campaign):
        return self._cs_mix_ratings(
            campaign,
            super()._measure_source_cs_team_callback_satisfaction(campaign),
            "_measure_source_cs_team_ticket_rating",
        )
