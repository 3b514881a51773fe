# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL

from ..models.helpdesk_ticket_sla import rating_to_score
from ..tools.report_period import previous_period


class CsServiceReport(models.AbstractModel):
    """The figures of the department's periodic reports.

    One method per subject (``_cs_figures_<subject>``), each a constant
    number of grouped queries whatever the number of tickets, customers or
    representatives; the XLSX report writes one sheet per subject.
    """

    _name = "cs.service.report"
    _description = "Customer Service Periodic Report Figures"

    # ---- scope ----
    @api.model
    def _cs_scope(self, data):
        """Normalised scope of ``data``: period, team, company and UTC bounds."""
        company = self.env["res.company"].browse(
            data.get("company_id") or self.env.company.id
        )
        date_from = fields.Date.to_date(data["date_from"])
        date_to = fields.Date.to_date(data["date_to"])
        return {
            "period_type": data.get("period_type") or "month",
            "date_from": date_from,
            "date_to": date_to,
            "team": self.env["helpdesk.ticket.team"].browse(data.get("team_id") or []),
            "company": company,
            "start": company._cs_day_start_utc(date_from),
            "end": company._cs_day_start_utc(date_to + timedelta(days=1)),
        }

    @api.model
    def _cs_previous_scope(self, scope):
        date_from, date_to = previous_period(scope["period_type"], scope["date_from"])
        return self._cs_scope(
            {
                "period_type": scope["period_type"],
                "date_from": date_from,
                "date_to": date_to,
                "team_id": scope["team"].id,
                "company_id": scope["company"].id,
            }
        )

    @api.model
    def _cs_ticket_domain(self, scope, kind):
        domain = [
            ("company_id", "=", scope["company"].id),
            ("cs_request_kind", "=", kind),
            ("create_date", ">=", scope["start"]),
            ("create_date", "<", scope["end"]),
        ]
        if scope["team"]:
            domain.append(("team_id", "=", scope["team"].id))
        return domain

    @api.model
    def _cs_select(self, model, domain, *columns):
        """One row of aggregates ``columns`` (SQL) over ``model``'s records
        matching ``domain`` (access rules included)."""
        query = self.env[model]._search(domain)
        return self.env.execute_query(query.select(*columns))[0]

    @api.model
    def _cs_col(self, model, column):
        return SQL.identifier(self.env[model]._table, column)

    @api.model
    def _cs_count_by(self, model, domain, field):
        """``[(label, count)]`` by ``field``, biggest first, in one query."""
        groups = self.env[model]._read_group(domain, [field], ["__count"])
        fld = self.env[model]._fields[field]
        if fld.type == "selection":
            labels = dict(fld._description_selection(self.env))
            rows = [
                (labels.get(key) or self.env._("Undefined"), n) for key, n in groups
            ]
        else:
            # Only labels: a visible ticket may name a record of another
            # company (a shared channel, a former colleague).
            rows = [
                (record.sudo().display_name or self.env._("Undefined"), n)
                for record, n in groups
            ]
        return sorted(rows, key=lambda row: (-row[1], row[0]))

    # ---- the figures shared by the workbook and the dashboard ----
    @api.model
    def _cs_complaint_totals(self, scope):
        """The complaints created in the period: how many, how many closed,
        and the median and 90th percentile of their handling time (hours,
        ``None`` without a closed one); one query."""
        model = "helpdesk.ticket"
        hours = SQL(
            "EXTRACT(EPOCH FROM (%s - %s)) / 3600.0",
            self._cs_col(model, "closed_date"),
            self._cs_col(model, "create_date"),
        )
        count, closed, median, p90 = self._cs_select(
            model,
            self._cs_ticket_domain(scope, "complaint"),
            SQL("COUNT(*)"),
            SQL("COUNT(%s)", self._cs_col(model, "closed_date")),
            SQL("PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY %s)", hours),
            SQL("PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY %s)", hours),
        )
        return {
            "count": count,
            "closed": closed,
            "handling_median": median,
            "handling_p90": p90,
        }

    @api.model
    def _cs_rated_callback_domain(self, scope, reason=None):
        """The callbacks done in the period whose satisfaction was given (an
        unrated one, 0, never counts), of ``reason`` when given."""
        domain = [
            ("company_id", "=", scope["company"].id),
            ("state", "=", "done"),
            ("satisfaction_rated", "=", True),
            ("done_date", ">=", scope["start"]),
            ("done_date", "<", scope["end"]),
        ]
        if reason:
            domain.append(("reason", "=", reason))
        if scope["team"]:
            domain.append(("team_id", "=", scope["team"].id))
        return domain

    @api.model
    def _cs_callback_satisfaction(self, scope, reason=None):
        """``(rated, average or None, passed)`` of the rated callbacks of the
        period (``_cs_rated_callback_domain``): how many, their average
        satisfaction and how many reach the company's threshold; one query."""
        satisfaction = self._cs_col("cs.callback", "satisfaction")
        rated, average, passed = self._cs_select(
            "cs.callback",
            self._cs_rated_callback_domain(scope, reason),
            SQL("COUNT(*)"),
            SQL("AVG(%s)", satisfaction),
            SQL(
                "COUNT(*) FILTER (WHERE %s >= %s)",
                satisfaction,
                scope["company"].cs_satisfaction_threshold,
            ),
        )
        # no rated callback: no satisfaction (empty), never 0
        return rated, float(average) if rated else None, passed

    @api.model
    def _cs_change_order_domain(self, scope):
        """The change orders requested in the period, cancelled ones left out."""
        domain = [
            ("company_id", "=", scope["company"].id),
            ("state", "!=", "cancel"),
            ("requested_date", ">=", scope["start"]),
            ("requested_date", "<", scope["end"]),
        ]
        if scope["team"]:
            domain.append(("ticket_id.team_id", "=", scope["team"].id))
        return domain

    @api.model
    def _cs_change_order_totals(self, scope):
        """The change orders of the period (``_cs_change_order_domain``): how
        many, expedited, activated, their average lead time (hours from the
        request to the activation, ``None`` without an activated one), those
        activated late or still running past their due time (their
        business-change SLA rule) and the rejected ones; one query."""
        model = "cs.change.order"
        col = lambda name: self._cs_col(model, name)
        count, expedited, activated, lead_time, late, rejected = self._cs_select(
            model,
            self._cs_change_order_domain(scope),
            SQL("COUNT(*)"),
            SQL("COUNT(*) FILTER (WHERE %s)", col("expedited")),
            SQL("COUNT(%s)", col("activation_date")),
            SQL(
                "AVG(%s) FILTER (WHERE %s IS NOT NULL)",
                col("lead_time"),
                col("activation_date"),
            ),
            SQL(
                "COUNT(*) FILTER (WHERE %s < COALESCE(%s, %s))",
                col("due_date"),
                col("activation_date"),
                fields.Datetime.now(),
            ),
            SQL("COUNT(*) FILTER (WHERE %s = 'rejected')", col("state")),
        )
        return {
            "count": count,
            "expedited": expedited,
            "activated": activated,
            "lead_time": float(lead_time) if activated else None,
            "late": late,
            "rejected": rejected,
        }

    @api.model
    def _cs_complaint_rate(self, complaints, customers):
        """Complaints per active customer (``_cs_active_customers``)."""
        return complaints / customers if customers else 0.0

    # ---- subjects ----
    @api.model
    def _cs_figures_complaints(self, scope):
        Ticket = "helpdesk.ticket"
        domain = self._cs_ticket_domain(scope, "complaint")
        totals = self._cs_complaint_totals(scope)
        escalations, escalated = self._cs_select(
            "cs.ticket.escalation",
            [("ticket_id", "any", domain)],
            SQL("COUNT(*)"),
            SQL(
                "COUNT(DISTINCT %s)", self._cs_col("cs.ticket.escalation", "ticket_id")
            ),
        )
        rated, average, passed = self._cs_callback_satisfaction(
            scope, "complaint_followup"
        )
        customers = self._cs_active_customers(scope)
        return {
            "count": totals["count"],
            "closed": totals["closed"],
            "by_reason": self._cs_count_by(Ticket, domain, "cs_complaint_reason"),
            "by_channel": self._cs_count_by(Ticket, domain, "channel_id"),
            "by_representative": self._cs_count_by(
                Ticket, domain, "cs_representative_id"
            ),
            "handling_median": totals["handling_median"] or 0.0,
            "handling_p90": totals["handling_p90"] or 0.0,
            "escalations": escalations,
            "escalated_tickets": escalated,
            "followups_rated": rated,
            "followup_satisfaction": average,
            "followup_pass_rate": passed / rated if rated else None,
            "active_customers": customers,
            "complaint_rate": self._cs_complaint_rate(totals["count"], customers),
            **self._cs_sla_figures(scope, "complaint"),
        }

    @api.model
    def _cs_closed_ticket_domain(self, scope, kind=None):
        """The tickets (of ``kind``) closed in the period, not cancelled."""
        domain = [
            ("company_id", "=", scope["company"].id),
            ("closed_date", ">=", scope["start"]),
            ("closed_date", "<", scope["end"]),
            ("stage_id.closed", "=", True),
            ("stage_id.cs_cancel", "=", False),
        ]
        if kind:
            domain.append(("cs_request_kind", "=", kind))
        if scope["team"]:
            domain.append(("team_id", "=", scope["team"].id))
        return domain

    @api.model
    def _cs_sla_figures(self, scope, kind):
        """``{"sla_closed", "sla_on_time", "sla_on_time_rate"}``: the tickets of
        ``kind`` closed in the period that have an SLA, those closed with every
        deadline kept, and their share (empty without any); one query."""
        closed, late = self._cs_select(
            "helpdesk.ticket",
            [
                *self._cs_closed_ticket_domain(scope, kind),
                ("ticket_sla_ids", "!=", False),
            ],
            SQL("COUNT(*)"),
            SQL(
                "COUNT(*) FILTER (WHERE %s)",
                self._cs_col("helpdesk.ticket", "cs_sla_late"),
            ),
        )
        return {
            "sla_closed": closed,
            "sla_on_time": closed - late,
            "sla_on_time_rate": (closed - late) / closed if closed else None,
        }

    @api.model
    def _cs_rating_figures(self, scope):
        """``(rated tickets, average rating 0-100 or None)`` of the tickets
        closed in the period that their customer rated (Satisfied 100, Not
        satisfied 50, Highly dissatisfied 0); unrated ones never count."""
        rating = self._cs_col("helpdesk.ticket", "rating_last_value")
        rated, average = self._cs_select(
            "helpdesk.ticket",
            [*self._cs_closed_ticket_domain(scope), ("rating_last_value", ">", 0)],
            SQL("COUNT(*)"),
            SQL("AVG(%s)", rating),
        )
        return rated, (None if average is None else rating_to_score(average))

    @api.model
    def _cs_active_customers(self, scope):
        """Customers with a service line active during the period (at least
        one day of it), counted once each."""
        [(count,)] = self.env["cs.service.line"]._read_group(
            [
                ("company_id", "=", scope["company"].id),
                ("state", "=", "active"),
                ("date_start", "<=", scope["date_to"]),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", scope["date_from"]),
            ],
            [],
            ["partner_id:count_distinct"],
        )
        return count

    @api.model
    def _cs_figures_consultations(self, scope):
        model = "helpdesk.ticket"
        domain = self._cs_ticket_domain(scope, "consultation")
        escalation = self.env["cs.ticket.escalation"]._search([])
        count, closed, first_contact = self._cs_select(
            model,
            domain,
            SQL("COUNT(*)"),
            SQL("COUNT(%s)", self._cs_col(model, "closed_date")),
            SQL(
                "COUNT(*) FILTER (WHERE %s IS NOT NULL AND %s IS NULL "
                "AND %s NOT IN (%s))",
                self._cs_col(model, "closed_date"),
                self._cs_col(model, "cs_transferred_from_department_id"),
                self._cs_col(model, "id"),
                escalation.select(SQL.identifier("cs_ticket_escalation", "ticket_id")),
            ),
        )
        return {
            "count": count,
            "closed": closed,
            "first_contact": first_contact,
            "first_contact_rate": first_contact / closed if closed else 0.0,
            "by_category": self._cs_count_by(model, domain, "category_id"),
            "by_channel": self._cs_count_by(model, domain, "channel_id"),
        }

    @api.model
    def _cs_figures_business_changes(self, scope):
        totals = self._cs_change_order_totals(scope)
        line_domain = [("order_id", "any", self._cs_change_order_domain(scope))]
        return dict(
            totals,
            **self._cs_sla_figures(scope, "business_change"),
            lead_time=totals["lead_time"] or 0.0,
            by_change_type=self._cs_count_by(
                "cs.change.order.line", line_domain, "change_type"
            ),
        )

    @api.model
    def _cs_rows(self, model, domain, group, *columns):
        """Rows ``(group, *columns)`` of ``model``'s records matching
        ``domain`` grouped by the SQL expression ``group``, in one query."""
        query = self.env[model]._search(domain)
        query.groupby = group
        return self.env.execute_query(query.select(group, *columns))

    @api.model
    def _cs_team_customers(self, scope):
        """SQL sub-query of the customers of the scope's team: those whose
        latest ticket is in it, and those without a ticket in any team when it
        is the company's default team (the team whose representatives call
        back their traffic anomalies, see ``cs.traffic.anomaly``)."""
        self.env["helpdesk.ticket"].flush_model(["partner_id", "team_id"])
        self.env["res.partner"].flush_model(["commercial_partner_id"])
        return SQL(
            """(SELECT p.id FROM res_partner p
                  LEFT JOIN (
                      SELECT DISTINCT ON (tp.commercial_partner_id)
                             tp.commercial_partner_id AS partner_id, t.team_id
                        FROM helpdesk_ticket t
                        JOIN res_partner tp ON tp.id = t.partner_id
                       WHERE t.team_id IS NOT NULL
                       ORDER BY tp.commercial_partner_id, t.create_date DESC,
                                t.id DESC
                  ) latest ON latest.partner_id = p.commercial_partner_id
                 WHERE COALESCE(latest.team_id, %s) = %s)""",
            scope["company"].cs_default_team_id.id or 0,
            scope["team"].id,
        )

    @api.model
    def _cs_labelled(self, model, field, rows):
        """``rows`` with their first value (a ``field`` value of ``model``)
        replaced by its label, biggest first (second value)."""
        fld = self.env[model]._fields[field]
        if fld.type == "selection":
            labels = dict(fld._description_selection(self.env))
        else:
            # labels only: one read of the names of every row's record
            records = (
                self.env[fld.comodel_name]
                .sudo()
                .browse([row[0] for row in rows if row[0]])
            )
            labels = {record.id: record.display_name for record in records}
        undefined = self.env._("Undefined")
        rows = [(labels.get(row[0]) or undefined, *row[1:]) for row in rows]
        return sorted(rows, key=lambda row: (-row[1], row[0]))

    @api.model
    def _cs_figures_traffic(self, scope):
        """Traffic of the period by service type and segment (the weekly
        records of a weekly report, else the monthly ones), the anomalies of
        its periods and their callbacks. The segment is the customer's
        current one for the traffic, the one at detection for the anomalies;
        a callback is on time when done by the end of its scheduled day in
        the company's time zone, overdue when still to do after it."""
        company = scope["company"]
        granularity = "week" if scope["period_type"] == "week" else "month"
        period = [
            ("company_id", "=", company.id),
            ("period_start", ">=", scope["date_from"]),
            ("period_start", "<=", scope["date_to"]),
        ]
        if scope["team"]:
            period.append(("partner_id", "in", self._cs_team_customers(scope)))
        domain = period + [("granularity", "=", granularity)]
        Traffic = self.env["cs.traffic.report"]
        records, customers, amount = self._cs_select(
            Traffic._name,
            domain,
            SQL("COUNT(*)"),
            SQL("COUNT(DISTINCT %s)", self._cs_col(Traffic._name, "partner_id")),
            SQL("SUM(%s)", self._cs_col(Traffic._name, "amount")),
        )
        types = dict(Traffic._fields["service_type"]._description_selection(self.env))
        segments = dict(Traffic._fields["segment"]._description_selection(self.env))
        units = dict(
            self.env["cs.traffic.record"]
            ._fields["volume_unit"]
            ._description_selection(self.env)
        )
        undefined = self.env._("Undefined")

        def rank(labels, key):
            # selection order, undefined last
            return list(labels).index(key) if key in labels else len(labels)

        by_type_segment = [
            (
                types.get(service_type) or undefined,
                segments.get(segment) or undefined,
                count,
                volume,
                units["mb" if service_type == "ip" else "minute"],
                total,
            )
            for service_type, segment, count, volume, total in sorted(
                Traffic._read_group(
                    domain,
                    ["service_type", "segment"],
                    ["partner_id:count_distinct", "volume:sum", "amount:sum"],
                ),
                key=lambda group: (rank(types, group[0]), rank(segments, group[1])),
            )
        ]
        Anomaly = self.env["cs.traffic.anomaly"]
        anomalies = Anomaly._read_group(period, ["direction", "segment"], ["__count"])
        directions = dict(Anomaly._fields["direction"]._description_selection(self.env))
        anomaly_query = Anomaly._search(period)
        callback = lambda name: self._cs_col("cs.callback", name)
        deadline = SQL(
            "((%s + 1)::timestamp AT TIME ZONE %s AT TIME ZONE 'UTC')",
            callback("scheduled_date"),
            company._cs_tz(),
        )
        called, done, on_time, overdue = self._cs_select(
            "cs.callback",
            [
                (
                    "id",
                    "in",
                    anomaly_query.subselect(
                        SQL.identifier(anomaly_query.table, "callback_id")
                    ),
                )
            ],
            SQL("COUNT(*)"),
            SQL("COUNT(*) FILTER (WHERE %s = 'done')", callback("state")),
            SQL(
                "COUNT(*) FILTER (WHERE %s = 'done' AND %s < %s)",
                callback("state"),
                callback("done_date"),
                deadline,
            ),
            SQL(
                "COUNT(*) FILTER (WHERE %s = 'todo' AND %s < %s)",
                callback("state"),
                callback("scheduled_date"),
                company._cs_today(),
            ),
        )
        count = sum(n for _direction, _segment, n in anomalies)
        return {
            "granularity": granularity,
            "records": records,
            "customers": customers,
            "amount": float(amount or 0.0),
            "by_type_segment": by_type_segment,
            "anomalies": count,
            "drops": sum(n for key, _segment, n in anomalies if key == "drop"),
            "rises": sum(n for key, _segment, n in anomalies if key == "rise"),
            "by_direction_segment": [
                (
                    directions.get(direction) or undefined,
                    segments.get(segment) or undefined,
                    n,
                )
                for direction, segment, n in sorted(
                    anomalies,
                    key=lambda group: (
                        rank(directions, group[0]),
                        rank(segments, group[1]),
                    ),
                )
            ],
            "callbacks": called,
            "called_back": done,
            "called_back_on_time": on_time,
            "called_back_late": done - on_time,
            "callbacks_overdue": overdue,
            "on_time_rate": on_time / called if called else 0.0,
        }

    @api.model
    def _cs_figures_engineer_services(self, scope):
        """The work orders done in the period (by their done date): by kind
        and engineer, done by their scheduled end, their customers' quality
        rating (the unrated ones left out of the average, never counted as
        0) and the equipment their done transfers moved."""
        model = "cs.work.order"
        domain = [
            ("company_id", "=", scope["company"].id),
            ("state", "=", "done"),
            ("done_date", ">=", scope["start"]),
            ("done_date", "<", scope["end"]),
        ]
        if scope["team"]:
            domain.append(("team_id", "=", scope["team"].id))
        col = lambda name: self._cs_col(model, name)
        aggregates = (
            SQL("COUNT(*)"),
            SQL("COUNT(*) FILTER (WHERE %s)", col("done_on_time")),
            SQL("COUNT(*) FILTER (WHERE %s)", col("quality_rated")),
            SQL(
                "AVG(%s) FILTER (WHERE %s)",
                col("quality_rating"),
                col("quality_rated"),
            ),
        )

        def figures(count, on_time, rated, quality):
            return (
                count,
                on_time,
                on_time / count if count else 0.0,
                rated,
                # no rated work order: no rating (empty), never 0
                float(quality) if rated else None,
            )

        def grouped(field):
            return self._cs_labelled(
                model,
                field,
                [
                    (key, *figures(*values))
                    for key, *values in self._cs_rows(
                        model, domain, col(field), *aggregates
                    )
                ],
            )

        done, on_time, on_time_rate, rated, quality = figures(
            *self._cs_select(model, domain, *aggregates)
        )
        return {
            "done": done,
            "on_time": on_time,
            "on_time_rate": on_time_rate,
            "rated": rated,
            "quality": quality,
            "by_kind": grouped("kind"),
            "by_engineer": grouped("engineer_id"),
            "equipment": self._cs_equipment(domain),
        }

    @api.model
    def _cs_equipment(self, work_order_domain):
        """``[(product, unit, installed, returned)]``: the quantities of the
        done stock moves of the work orders of ``work_order_domain``, leaving
        for the customers and coming back from them; one query each way."""
        moved = {}
        for index, direction in enumerate(("out", "in")):
            for product, uom, quantity in self.env["stock.move"]._read_group(
                [
                    ("state", "=", "done"),
                    ("cs_work_order_line_id.direction", "=", direction),
                    (
                        "cs_work_order_line_id.work_order_id",
                        "any",
                        work_order_domain,
                    ),
                ],
                ["product_id", "product_uom"],
                ["quantity:sum"],
            ):
                moved.setdefault((product, uom), [0.0, 0.0])[index] += quantity
        return sorted(
            (
                (product.sudo().display_name, uom.sudo().name, out, back)
                for (product, uom), (out, back) in moved.items()
            ),
            key=lambda row: (-row[2] - row[3], row[0]),
        )

    @api.model
    def _cs_headlines(self, figures):
        """``[(label, value, kind)]`` of the summary; kind is ``count``,
        ``percent`` or ``decimal``."""
        complaints = figures["complaints"]
        consultations = figures["consultations"]
        changes = figures["business_changes"]
        traffic = figures["traffic"]
        engineers = figures["engineer_services"]
        ratings = figures["ratings"]
        return [
            (self.env._("Complaints"), complaints["count"], "count"),
            (self.env._("Complaint rate"), complaints["complaint_rate"], "percent"),
            (
                self.env._("Complaint handling time, median (h)"),
                complaints["handling_median"],
                "decimal",
            ),
            (
                self.env._("Follow-up satisfaction"),
                complaints["followup_satisfaction"],
                "decimal",
            ),
            (
                self.env._("Customer rating of the closed tickets (0-100)"),
                ratings["average"],
                "decimal",
            ),
            (self.env._("Rated tickets"), ratings["rated"], "count"),
            (
                self.env._("Complaints closed within the SLA"),
                complaints["sla_on_time_rate"],
                "percent",
            ),
            (self.env._("Consultations"), consultations["count"], "count"),
            (
                self.env._("First-contact resolution"),
                consultations["first_contact_rate"],
                "percent",
            ),
            (self.env._("Business change orders"), changes["count"], "count"),
            (self.env._("Late change orders"), changes["late"], "count"),
            (
                self.env._("Business changes closed within the SLA"),
                changes["sla_on_time_rate"],
                "percent",
            ),
            (self.env._("Customers with traffic"), traffic["customers"], "count"),
            (self.env._("Traffic amount"), traffic["amount"], "decimal"),
            (self.env._("Traffic anomalies"), traffic["anomalies"], "count"),
            (
                self.env._("Anomalies called back on time"),
                traffic["on_time_rate"],
                "percent",
            ),
            (self.env._("Work orders done"), engineers["done"], "count"),
            (
                self.env._("Work orders done on time"),
                engineers["on_time_rate"],
                "percent",
            ),
            (
                self.env._("Work order quality rating"),
                engineers["quality"],
                "decimal",
            ),
        ]

    @api.model
    def _cs_figures_ratings(self, scope):
        rated, average = self._cs_rating_figures(scope)
        return {"rated": rated, "average": average}

    @api.model
    def _cs_subjects(self):
        return [
            "complaints",
            "consultations",
            "business_changes",
            "traffic",
            "engineer_services",
        ]

    @api.model
    def _cs_compute(self, data):
        """``(scope, figures, previous figures)`` of the report ``data``."""
        scope = self._cs_scope(data)
        previous = self._cs_previous_scope(scope)
        current_figures, previous_figures = (
            {
                subject: getattr(self, f"_cs_figures_{subject}")(period)
                # the customers' ratings: a figure of the summary, no sheet
                for subject in [*self._cs_subjects(), "ratings"]
            }
            for period in (scope, previous)
        )
        return scope, current_figures, previous_figures
