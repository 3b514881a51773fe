# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""KPI data sources of the people a manager or supervisor leads, and the
representatives' change orders and traffic callbacks."""

from collections import defaultdict

from odoo import api, models
from odoo.tools import SQL

from .cs_kpi_sheet_line_reports import FINISHED_STATES


class CsKpiSheetLine(models.Model):
    _inherit = "cs.kpi.sheet.line"

    # ---- the team of a leader ----
    def _cs_team_users(self, campaign):
        """``{line_id: set of user ids}``: the users of every employee below
        each line's employee through ``parent_id``, recursively (himself
        excluded), in ``campaign``'s company. One ``search_read`` of the
        company's employees, the tree walked in Python."""
        rows = (
            self.env["hr.employee"]
            .sudo()
            .search_read(
                [("company_id", "=", campaign.company_id.id)],
                ["parent_id", "user_id"],
                load=None,
            )
        )
        children = defaultdict(list)
        user_of = {}
        for row in rows:
            user_of[row["id"]] = row["user_id"]
            if row["parent_id"]:
                children[row["parent_id"]].append(row["id"])
        result = {}
        for line in self.sudo():
            leader = line.employee_id.id
            seen = {leader}
            todo = list(children.get(leader, ()))
            users = set()
            while todo:
                employee = todo.pop()
                if employee in seen:  # a cycle in the hierarchy
                    continue
                seen.add(employee)
                if user_of.get(employee):
                    users.add(user_of[employee])
                todo.extend(children.get(employee, ()))
            users.discard(line.employee_id.user_id.id)
            result[line.id] = users
        return result

    def _cs_measure_by_team(
        self, campaign, model, member_field, author_field, domain, aggregates, value_of
    ):
        """``{line_id: value_of(list of aggregates) or None}`` over the records
        of ``model`` in ``campaign``'s company matching ``domain`` whose
        ``member_field`` is a user of the line's team and whose author is not
        the line's own user (nobody produces a figure he is appraised on).
        ``author_field`` is a field, or a tuple of fields of which the first
        one set names the author. One ``_read_group`` by (member, author)."""
        author_fields = (
            (author_field,) if isinstance(author_field, str) else tuple(author_field)
        )
        teams = self._cs_team_users(campaign)
        members = set().union(*teams.values()) if teams else set()
        groups = defaultdict(list)
        if members:
            for member, *row in (
                self.env[model]
                .sudo()
                ._read_group(
                    [
                        (member_field, "in", list(members)),
                        ("company_id", "=", campaign.company_id.id),
                        *domain,
                    ],
                    [member_field, *author_fields],
                    aggregates,
                )
            ):
                authors, values = row[: len(author_fields)], row[len(author_fields) :]
                author = next((user for user in authors if user), authors[0])
                groups[member.id].append((author.id, values))
        result = {}
        for line in self.sudo():
            leader = line.employee_id.user_id.id
            values = [
                values
                for member in teams[line.id]
                for author, values in groups.get(member, ())
                if author != leader
            ]
            result[line.id] = value_of(values) if values else None
        return result

    def _cs_team_callbacks(self, campaign, extra_domain):
        """Average satisfaction of the rated callbacks done in the period on
        the tickets of each line's team whose satisfaction the leader did not
        record (recorder unknown, on callbacks older than its recording: not
        assigned to the leader)."""
        return self._cs_measure_by_team(
            campaign,
            "cs.callback",
            "representative_id",
            ("recorded_by_id", "user_id"),
            self._cs_callback_domain(campaign, extra_domain),
            ["satisfaction:sum", "__count"],
            lambda values: (
                sum(total for total, __ in values) / sum(count for __, count in values)
            ),
        )

    def _measure_source_cs_team_callback_satisfaction(self, campaign):
        """Average satisfaction (0-100) of the callbacks done in the period on
        the tickets of the people each line's employee leads, except those
        whose satisfaction he recorded himself; ``None`` without any."""
        return self._cs_team_callbacks(campaign, [])

    def _measure_source_cs_team_complaint_satisfaction(self, campaign):
        """Average satisfaction (0-100) of the complaint follow-ups done in the
        period on the tickets of the people each line's employee leads, except
        those whose satisfaction he recorded himself; ``None`` without any."""
        return self._cs_team_callbacks(
            campaign, [("reason", "=", "complaint_followup")]
        )

    def _measure_source_cs_team_quality_pass_rate(self, campaign):
        """Share (%) of the spot checks dated in the period of the people each
        line's employee leads, not made by himself, whose score reaches the
        company's pass score; ``None`` without any."""
        pass_score = campaign.sudo().company_id.cs_quality_pass_score

        def pass_rate(values):
            scores = [score for (group_scores,) in values for score in group_scores]
            return (
                sum(1 for score in scores if score >= pass_score) * 100.0 / len(scores)
            )

        return self._cs_measure_by_team(
            campaign,
            "cs.quality.check",
            "representative_id",
            "supervisor_id",
            self._cs_quality_check_domain(campaign),
            ["score:array_agg"],
            pass_rate,
        )

    # ---- a representative's own work ----
    def _measure_source_cs_change_order_quality(self, campaign):
        """Share (%) of each line's employee's change orders requested in the
        period and finished that were neither rejected nor corrected and were
        activated within their delay; ``None`` without any."""

        return self._cs_change_order_rate(
            campaign,
            [("state", "in", FINISHED_STATES)],
            self._cs_change_order_accurate_in_time,
        )

    @api.model
    def _cs_traffic_anomaly_domain(self, campaign):
        """The traffic anomalies ``cs_traffic_callback_rate`` counts in
        ``campaign``, whoever's callback they have: of its period."""
        return [
            ("company_id", "=", campaign.company_id.id),
            ("period_start", ">=", campaign.date_from),
            ("period_start", "<=", campaign.date_to),
        ]

    def _measure_source_cs_traffic_callback_rate(self, campaign):
        """Share (%) of the traffic anomalies of the period whose callback is
        assigned to each line's employee that were called back by the
        callback's scheduled day (in the campaign's time zone); ``None``
        without any. One grouped query."""
        lines = self.sudo()
        users = lines.employee_id.user_id
        counts = {}
        if users:
            Anomaly = self.env["cs.traffic.anomaly"].sudo()
            query = Anomaly._search(self._cs_traffic_anomaly_domain(campaign))
            callback = query.join(
                Anomaly._table, "callback_id", "cs_callback", "id", "callback"
            )

            def col(name):
                return SQL.identifier(callback, name)

            query.add_where(SQL("%s IN %s", col("user_id"), tuple(users.ids)))
            counts = self._cs_counts_by_user(
                query,
                col("user_id"),
                SQL(
                    "%s = 'done' AND %s < "
                    "((%s + 1)::timestamp AT TIME ZONE %s) AT TIME ZONE 'UTC'",
                    col("state"),
                    col("done_date"),
                    col("scheduled_date"),
                    campaign._cs_tz().zone,
                ),
            )
        return lines._cs_rate_by_user(counts)

    # ---- the complaint rate of a person and the people he leads ----
    @api.model
    def _cs_complaint_domain(self, campaign):
        """The complaints ``cs_complaint_rate`` counts in ``campaign``,
        whoever accepted them: created in its period (its days in its time
        zone)."""
        start, stop = campaign._period_datetimes()
        return [
            ("company_id", "=", campaign.company_id.id),
            ("cs_request_kind", "=", "complaint"),
            ("create_date", ">=", start),
            ("create_date", "<", stop),
        ]

    def _cs_complaint_rate_members(self, campaign):
        """``{line_id: set of user ids}``: each line's employee's user and
        those of the people he leads, whose complaints count for him."""
        teams = self._cs_team_users(campaign)
        for line in self:
            if line.employee_id.user_id:
                teams[line.id].add(line.employee_id.user_id.id)
        return teams

    @api.model
    def _cs_complaint_rate_customers(self, campaign):
        """The company's active customers of ``campaign``'s period (the
        service report's definition)."""
        return (
            self.env["cs.service.report"]
            .sudo()
            ._cs_active_customers(
                {
                    "company": campaign.company_id,
                    "date_from": campaign.date_from,
                    "date_to": campaign.date_to,
                }
            )
        )

    def _measure_source_cs_complaint_rate(self, campaign):
        """Complaints per 100 active customers: the complaints created in the
        period (days in the campaign's time zone) that each line's employee or
        the people he leads accepted, over the company's active customers of
        the period (the service report's definition, USAGE.md); ``None``
        without active customers. One ``_read_group`` of the complaints and
        one count of the customers."""
        lines = self.sudo()
        teams = lines._cs_complaint_rate_members(campaign)
        members = set().union(*teams.values()) if teams else set()
        customers = self._cs_complaint_rate_customers(campaign)
        complaints = {}
        if members and customers:
            complaints = {
                user.id: count
                for user, count in self.env["helpdesk.ticket"]
                .sudo()
                ._read_group(
                    [
                        ("cs_representative_id", "in", list(members)),
                        *self._cs_complaint_domain(campaign),
                    ],
                    ["cs_representative_id"],
                    ["__count"],
                )
            }
        return {
            line.id: (
                sum(complaints.get(user, 0) for user in teams[line.id])
                * 100.0
                / customers
                if customers
                else None
            )
            for line in lines
        }
