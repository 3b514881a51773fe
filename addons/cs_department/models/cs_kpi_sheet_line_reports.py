# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models
from odoo.tools import SQL

#: States of a change order whose handling is finished (rejected included).
FINISHED_STATES = ["activated", "notified", "done", "rejected"]


class CsKpiSheetLine(models.Model):
    _inherit = "cs.kpi.sheet.line"

    def _measure_source_cs_report_timeliness(self, campaign):
        """Share (%) of each line's employee's reports due in the period that
        were submitted on time; a report still not submitted once its due
        date has passed counts as late, one not yet due does not count."""

        return self._cs_measure_by_user(
            campaign,
            "cs.report.submission",
            "submitter_id",
            self._cs_report_timeliness_domain(campaign),
            ["__count", "on_time:array_agg"],
            lambda values: sum(1 for flag in values[1] if flag) * 100.0 / values[0],
        )

    @api.model
    def _cs_quality_check_domain(self, campaign):
        """The spot checks the quality sources count in ``campaign``,
        whoever's: dated in its period."""
        return [("date", ">=", campaign.date_from), ("date", "<=", campaign.date_to)]

    @api.model
    def _cs_report_timeliness_domain(self, campaign):
        """The report submissions ``cs_report_timeliness`` counts in
        ``campaign``, whoever's (``cs.report.submission._cs_timeliness_domain``)."""
        return self.env["cs.report.submission"]._cs_timeliness_domain(
            campaign.date_from, campaign.date_to, campaign.company_id._cs_today()
        )

    def _measure_source_cs_quality_check_score(self, campaign):
        """Average score (0-100) of the spot checks of each line's employee's
        service dated in the period; ``None`` without any."""
        return self._cs_measure_by_user(
            campaign,
            "cs.quality.check",
            "representative_id",
            self._cs_quality_check_domain(campaign),
            ["score:avg"],
            lambda values: values[0],
        )

    def _cs_requested_in_period(self, campaign):
        # the period's days in the campaign's time zone, not in UTC
        start, stop = campaign._period_datetimes()
        return [("requested_date", ">=", start), ("requested_date", "<", stop)]

    def _cs_change_order_rate(self, campaign, domain, good):
        """``{line_id: share (%) or None}``: among each line's employee's change
        orders requested in ``campaign``'s period and matching ``domain``, the
        share that ``good(column, campaign)`` (an SQL condition) holds for;
        one grouped query whatever the number of lines and orders."""
        lines = self.sudo()
        return lines._cs_rate_by_user(
            lines._cs_change_order_counts(campaign, domain, good)
        )

    def _cs_change_order_counts(self, campaign, domain, good):
        """``{user_id: (total, ok)}`` of ``_cs_change_order_rate``: each line's
        employee's change orders (``_cs_change_order_domain``) and among them
        those ``good`` holds for; one grouped query."""
        users = self.sudo().employee_id.user_id
        Order = self.env["cs.change.order"].sudo()
        if not users:
            return {}
        query = Order._search(
            [
                ("user_id", "in", users.ids),
                *self._cs_change_order_domain(campaign, domain),
            ]
        )

        def col(name):
            return SQL.identifier(Order._table, name)

        return self._cs_counts_by_user(query, col("user_id"), good(col, campaign))

    @api.model
    def _cs_change_order_domain(self, campaign, domain):
        """The change orders a change-order source counts in ``campaign``,
        whoever's: of its company, matching ``domain``, requested in its
        period."""
        return [
            ("company_id", "=", campaign.company_id.id),
            *domain,
            *self._cs_requested_in_period(campaign),
        ]

    def _cs_counts_by_user(self, query, user_column, good):
        """``{user_id: (total, ok)}``: the rows of ``query`` grouped by
        ``user_column`` (SQL), ``ok`` counting those where ``good`` (an SQL
        condition) holds; one query."""
        rows = self.env.execute_query(
            SQL(
                "%s GROUP BY %s",
                query.select(
                    user_column,
                    SQL("COUNT(*)"),
                    SQL("COUNT(*) FILTER (WHERE %s)", good),
                ),
                user_column,
            )
        )
        return {user_id: (total, ok) for user_id, total, ok in rows}

    def _cs_rate_by_user(self, counts):
        """``{line_id: ok * 100 / total or None}`` from ``counts``, ``{user_id:
        (total, ok)}`` of each line's employee's user."""
        result = {}
        for line in self:
            total, ok = counts.get(line.employee_id.user_id.id, (0, 0))
            result[line.id] = ok * 100.0 / total if total else None
        return result

    @staticmethod
    def _cs_change_order_accurate(col, campaign):
        """SQL: the order was never rejected nor corrected."""
        return SQL(
            "%s != 'rejected' AND COALESCE(%s, 0) = 0",
            col("state"),
            col("correction_count"),
        )

    @staticmethod
    def _cs_change_order_in_time(col, campaign):
        """SQL: the order was activated by its due time, the delay of its
        business-change SLA rule (expedited or normal, the tickets' rule); an
        order without a rule has no deadline to miss."""
        return SQL(
            "%s <= COALESCE(%s, %s)",
            col("activation_date"),
            col("due_date"),
            col("activation_date"),
        )

    @classmethod
    def _cs_change_order_accurate_in_time(cls, col, campaign):
        """SQL: the order is accurate and was activated within its delay."""
        return SQL(
            "%s AND %s",
            cls._cs_change_order_accurate(col, campaign),
            cls._cs_change_order_in_time(col, campaign),
        )

    def _measure_source_cs_change_order_accuracy(self, campaign):
        """Share (%) of each line's employee's change orders requested in the
        period and finished (activated, notified, done or rejected) that were
        neither rejected nor corrected; ``None`` without any."""
        return self._cs_change_order_rate(
            campaign,
            [("state", "in", FINISHED_STATES)],
            self._cs_change_order_accurate,
        )

    def _measure_source_cs_change_order_timeliness(self, campaign):
        """Share (%) of each line's employee's change orders requested in the
        period and activated that were activated by their due time (their
        business-change SLA rule's delay)."""
        return self._cs_change_order_rate(
            campaign,
            [("activation_date", "!=", False)],
            self._cs_change_order_in_time,
        )
