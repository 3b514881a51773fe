# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models
from odoo.osv import expression
from odoo.tools import SQL

SATISFACTION = "cs_callback_satisfaction"
FOLLOWUP_PASS_RATE = "cs_complaint_followup_pass_rate"
CALLBACK_SOURCES = (SATISFACTION, FOLLOWUP_PASS_RATE)


class CsKpiSheetLine(models.Model):
    _inherit = "cs.kpi.sheet.line"

    def _cs_measure_by_user(
        self, campaign, model, user_field, domain, aggregates, value_of, where=None
    ):
        """``{line_id: value_of(aggregates) or None}`` from one grouped query
        of ``model`` in ``campaign``, grouped by ``user_field`` (the person
        appraised) and restricted by ``domain`` (the period) and the
        ``odoo.tools.SQL`` condition ``where`` over the model's table.

        Each aggregate is a ``_read_group`` specification (``"field:avg"``,
        ``"__count"``...), whose value comes as ``_read_group`` gives it, or an
        ``odoo.tools.SQL`` expression over the model's table (e.g. a
        ``COUNT(*) FILTER (WHERE ...)``), whose value comes as PostgreSQL
        returns it. ``value_of`` gets the list of the values of a user who
        has records; a line whose user has none is ``None``.
        """
        lines = self.sudo()
        # only the user of the employees, not all their fields
        lines.employee_id.fetch(["user_id"])
        users = lines.employee_id.user_id
        groups = {}
        if users:
            records = self.env[model].sudo()
            query = records._search(
                [
                    (user_field, "in", users.ids),
                    ("company_id", "=", campaign.company_id.id),
                    *domain,
                ]
            )
            if where is not None:
                query.add_where(where)
            query.groupby = records._read_group_groupby(user_field, query)
            terms = [
                aggregate
                if isinstance(aggregate, SQL)
                else records._read_group_select(aggregate, query)
                for aggregate in aggregates
            ]
            rows = self.env.execute_query(query.select(query.groupby, *terms))
            columns = list(zip(*rows, strict=True)) or [()] * (1 + len(terms))
            values = [
                column
                if isinstance(aggregate, SQL)
                else records._read_group_postprocess_aggregate(aggregate, column)
                for aggregate, column in zip(aggregates, columns[1:], strict=True)
            ]
            groups = {
                user_id: list(row)
                for user_id, *row in zip(columns[0], *values, strict=True)
            }
        result = {}
        for employee, employee_lines in lines.grouped("employee_id").items():
            values = groups.get(employee.user_id.id)
            result.update(
                dict.fromkeys(employee_lines._ids, value_of(values) if values else None)
            )
        return result

    @api.model
    def _cs_callback_domain(self, campaign, extra_domain=()):
        """The callbacks the callback sources count in ``campaign``, whoever's
        (the measurement and the explanation add the person): done and rated
        in its period (its days in the campaign's time zone, not in UTC)."""
        start, stop = campaign._period_datetimes()
        return [
            ("state", "=", "done"),
            ("satisfaction_rated", "=", True),
            ("done_date", ">=", start),
            ("done_date", "<", stop),
            *extra_domain,
        ]

    def _cs_measure_callbacks(self, campaign, extra_domain, aggregates, value_of):
        """``{line_id: value_of(campaign, aggregates) or None}`` over the rated
        callbacks done in ``campaign``'s period: they count for the
        representative of their ticket, each line's employee through his user,
        unless he recorded their satisfaction himself (recorder unknown, on
        callbacks older than its recording: counted)."""
        table = self.env["cs.callback"]._table
        return self._cs_measure_by_user(
            campaign,
            "cs.callback",
            "representative_id",
            self._cs_callback_domain(campaign, extra_domain),
            aggregates,
            lambda values: value_of(campaign, values),
            where=SQL(
                "%s IS DISTINCT FROM %s",
                SQL.identifier(table, "recorded_by_id"),
                SQL.identifier(table, "representative_id"),
            ),
        )

    @api.model
    def _measure_method(self, source):
        # both callback sources from one query of the callbacks
        if source in CALLBACK_SOURCES:
            return "_cs_measure_callback_sources"
        return super()._measure_method(source)

    def _cs_measure_callback_sources(self, campaign):
        """``{line_id: value or None}`` of the lines of both callback sources in
        ``self``, from one grouped query of the rated callbacks done in the
        period on the tickets of each line's employee:

        - ``cs_callback_satisfaction``: their average satisfaction (0-100);
        - ``cs_complaint_followup_pass_rate``: the share (%) of the complaint
          follow-ups among them that reach the company's satisfaction
          threshold, counted by PostgreSQL.

        ``None`` without any callback (any follow-up for the pass rate).
        """
        threshold = campaign.company_id.cs_satisfaction_threshold
        followup = SQL(
            "%s = %s", SQL.identifier("cs_callback", "reason"), "complaint_followup"
        )
        passed = SQL(
            "%s >= %s", SQL.identifier("cs_callback", "satisfaction"), threshold
        )

        def figures(campaign, values):
            average, followups, passed = values
            return {
                SATISFACTION: average,
                FOLLOWUP_PASS_RATE: passed * 100.0 / followups if followups else None,
            }

        by_line = self._cs_measure_callbacks(
            campaign,
            [],
            [
                "satisfaction:avg",
                SQL("COUNT(*) FILTER (WHERE %s)", followup),
                SQL("COUNT(*) FILTER (WHERE %s AND %s)", followup, passed),
            ],
            figures,
        )
        return {
            line_id: by_line[line_id] and by_line[line_id][source]
            for line_id, source in zip(self._ids, self.mapped("source"), strict=True)
        }

    def _measure_source_cs_callback_satisfaction(self, campaign):
        """Average satisfaction (0-100) of the rated callbacks done in the period
        on the tickets of each line's employee; ``None`` without any."""
        return self._cs_measure_callback_sources(campaign)

    def _measure_source_cs_complaint_followup_pass_rate(self, campaign):
        """Share (%) of the rated complaint follow-ups done in the period on the
        tickets of each line's employee that reach the company's satisfaction
        threshold; ``None`` without any."""
        return self._cs_measure_callback_sources(campaign)

    @api.model
    def _cs_expense_domain(self, campaign):
        """The expense requests ``cs_expense_within_budget_rate`` counts in
        ``campaign``, whatever their department: approved (or paid) in its
        period (its days in the campaign's time zone, not in UTC)."""
        start, stop = campaign._period_datetimes()
        return [
            ("state", "in", ("approved", "paid")),
            ("company_id", "=", campaign.company_id.id),
            ("approved_date", ">=", start),
            ("approved_date", "<", stop),
        ]

    def _measure_source_cs_expense_within_budget_rate(self, campaign):
        """Share (%) of the expense requests approved in ``campaign``'s period,
        in the departments each line's employee manages, that fitted in the
        remaining amounts of their budget line and budget; ``None`` without any.

        One search of the managed departments and one ``_read_group``.
        """
        lines = self.sudo()
        departments = (
            self.env["hr.department"]
            .sudo()
            .search([("manager_id", "in", lines.employee_id.ids)])
        )
        groups = (
            self.env["cs.expense.request"]
            .sudo()
            ._read_group(
                [
                    ("department_id", "in", departments.ids),
                    *self._cs_expense_domain(campaign),
                ],
                ["department_id", "within_budget"],
                ["__count"],
            )
        )
        counts = {}
        for department, within, count in groups:
            manager = department.manager_id.id
            total, ok = counts.get(manager, (0, 0))
            counts[manager] = (total + count, ok + (count if within else 0))
        result = {}
        for line in lines:
            total, ok = counts.get(line.employee_id.id, (0, 0))
            result[line.id] = ok * 100.0 / total if total else None
        return result

    # ---- equipment work orders and the CS warehouse ----
    @api.model
    def _cs_work_order_domain(self, campaign):
        """The work orders the work-order sources count in ``campaign``,
        whoever's: done in its period (its days in its time zone)."""
        start, stop = campaign._period_datetimes()
        return [
            ("state", "=", "done"),
            ("company_id", "=", campaign.company_id.id),
            ("done_date", ">=", start),
            ("done_date", "<", stop),
        ]

    @api.model
    def _cs_signoff_domain(self, campaign):
        """The sign-offs ``cs_work_order_customer_rating`` counts in
        ``campaign``, whoever's: rated, of visits done in its period."""
        start, stop = campaign._period_datetimes()
        return [
            ("rated", "=", True),
            ("company_id", "=", campaign.company_id.id),
            ("done_date", ">=", start),
            ("done_date", "<", stop),
        ]

    def _cs_work_order_figures(self, campaign):
        """Technical service quality of each line's engineer in ``campaign``.

        Returns ``{line_id: (on_time_rate, average_quality) or None}``: over
        the work orders done in the campaign period (its days in the
        campaign's time zone) by the user of the line's employee, the share
        (%) done by their scheduled end (scheduled date plus duration) and the
        average customer rating of the rated ones (``None`` when none is
        rated: an unrated work order never counts as 0). ``None`` for an
        engineer without any done work order. Two ``_read_group``, whatever
        the number of lines and work orders.
        """
        lines = self.sudo()
        users = lines.employee_id.user_id
        groups = {}
        ratings = {}
        if users:
            domain = [
                ("engineer_id", "in", users.ids),
                *self._cs_work_order_domain(campaign),
            ]
            orders = self.env["cs.work.order"].sudo()
            groups = {
                user.id: (count, on_time)
                for user, count, on_time in orders._read_group(
                    domain, ["engineer_id"], ["__count", "done_on_time:array_agg"]
                )
            }
            # an unrated work order is no rating of 0
            ratings = dict(
                orders._read_group(
                    expression.AND([domain, [("quality_rated", "=", True)]]),
                    ["engineer_id"],
                    ["quality_rating:avg"],
                )
            )
        result = {}
        for line in lines:
            user = line.employee_id.user_id
            figures = groups.get(user.id)
            if not figures:
                result[line.id] = None
                continue
            count, on_time = figures
            result[line.id] = (
                100.0 * sum(1 for flag in on_time if flag) / count,
                ratings.get(user),
            )
        return result

    def _measure_source_cs_work_order_on_time_rate(self, campaign):
        """Share (%) of the work orders done in the period by each line's
        engineer that were done by their scheduled end; ``None`` without any."""
        return {
            line_id: figures and figures[0]
            for line_id, figures in self._cs_work_order_figures(campaign).items()
        }

    def _measure_source_cs_work_order_quality(self, campaign):
        """Average customer quality rating (0-100) of the rated work orders
        done in the period by each line's engineer; ``None`` without any."""
        return {
            line_id: figures and figures[1]
            for line_id, figures in self._cs_work_order_figures(campaign).items()
        }

    def _measure_source_cs_work_order_customer_rating(self, campaign):
        """Average rating (0-100) the customers gave in the portal to the
        visits done in the period by each line's engineer; ``None`` without
        any rated sign-off: a visit confirmed without a rating (or not
        signed off) never counts as 0. One ``_read_group``."""
        lines = self.sudo()
        users = lines.employee_id.user_id
        ratings = {}
        if users:
            ratings = dict(
                self.env["cs.work.order.signoff"]
                .sudo()
                ._read_group(
                    [
                        ("engineer_id", "in", users.ids),
                        *self._cs_signoff_domain(campaign),
                    ],
                    ["engineer_id"],
                    ["rating:avg"],
                )
            )
        return {line.id: ratings.get(line.employee_id.user_id) for line in lines}
