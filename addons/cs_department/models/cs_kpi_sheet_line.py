# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

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
        # the period's days in the campaign's time zone, not in UTC
        start, stop = campaign._period_datetimes()
        domain = [
            ("state", "=", "done"),
            ("satisfaction", ">", 0),
            ("representative_id", "in", users.ids),
            ("company_id", "=", campaign.company_id.id),
            ("done_date", ">=", start),
            ("done_date", "<", stop),
            *extra_domain,
        ]
        groups = (
            self.env["cs.callback"]
            .sudo()
            ._read_group(domain, ["representative_id"], aggregates)
        )
        return {user.id: values for user, *values in groups}

    def _cs_measure_callbacks(self, campaign, extra_domain, aggregates, value_of):
        """``{line_id: value_of(aggregates of the line's user) or None}``."""
        lines = self.sudo()
        groups = self._cs_callback_groups(campaign, lines, extra_domain, aggregates)
        result = {}
        for line in lines:
            values = groups.get(line.employee_id.user_id.id)
            result[line.id] = value_of(campaign, values) if values else None
        return result

    def _measure_source_cs_callback_satisfaction(self, campaign):
        """Average satisfaction (0-100) of the rated callbacks done in the period
        on the tickets of each line's employee; ``None`` without any."""
        return self._cs_measure_callbacks(
            campaign, [], ["satisfaction:avg"], lambda campaign, values: values[0]
        )

    def _measure_source_cs_complaint_followup_pass_rate(self, campaign):
        """Share (%) of the rated complaint follow-ups done in the period on the
        tickets of each line's employee that reach the company's satisfaction
        threshold; ``None`` without any."""

        def pass_rate(campaign, values):
            scores = values[0]
            threshold = campaign.company_id.cs_satisfaction_threshold
            passed = sum(1 for score in scores if score >= threshold)
            return passed * 100.0 / len(scores)

        return self._cs_measure_callbacks(
            campaign,
            [("reason", "=", "complaint_followup")],
            ["satisfaction:array_agg"],
            pass_rate,
        )
