# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL

from ..tools.report_period import previous_period


class CsServiceReport(models.AbstractModel):
    """The figures of the department's periodic reports.

    One method per subject (``_cs_figures_<subject>``), each a constant
    number of grouped queries whatever the number of tickets, customers or
    representatives; the XLSX report writes one sheet per subject. Traffic
    and engineer services are added as their models land
    (``_cs_figures_traffic``, ``_cs_figures_engineer_services``).
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

    # ---- subjects ----
    @api.model
    def _cs_figures_complaints(self, scope):
        model, Ticket = "helpdesk.ticket", "helpdesk.ticket"
        domain = self._cs_ticket_domain(scope, "complaint")
        hours = SQL(
            "EXTRACT(EPOCH FROM (%s - %s)) / 3600.0",
            self._cs_col(model, "closed_date"),
            self._cs_col(model, "create_date"),
        )
        count, closed, median, p90 = self._cs_select(
            Ticket,
            domain,
            SQL("COUNT(*)"),
            SQL("COUNT(%s)", self._cs_col(model, "closed_date")),
            SQL("PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY %s)", hours),
            SQL("PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY %s)", hours),
        )
        escalations, escalated = self._cs_select(
            "cs.ticket.escalation",
            [("ticket_id", "any", domain)],
            SQL("COUNT(*)"),
            SQL(
                "COUNT(DISTINCT %s)", self._cs_col("cs.ticket.escalation", "ticket_id")
            ),
        )
        callback_domain = [
            ("company_id", "=", scope["company"].id),
            ("reason", "=", "complaint_followup"),
            ("state", "=", "done"),
            ("satisfaction", ">", 0),
            ("done_date", ">=", scope["start"]),
            ("done_date", "<", scope["end"]),
        ]
        if scope["team"]:
            callback_domain.append(("team_id", "=", scope["team"].id))
        satisfaction = self._cs_col("cs.callback", "satisfaction")
        rated, average, passed = self._cs_select(
            "cs.callback",
            callback_domain,
            SQL("COUNT(*)"),
            SQL("AVG(%s)", satisfaction),
            SQL(
                "COUNT(*) FILTER (WHERE %s >= %s)",
                satisfaction,
                scope["company"].cs_satisfaction_threshold,
            ),
        )
        customers = self._cs_active_customers(scope)
        return {
            "count": count,
            "closed": closed,
            "by_reason": self._cs_count_by(Ticket, domain, "cs_complaint_reason"),
            "by_channel": self._cs_count_by(Ticket, domain, "channel_id"),
            "by_representative": self._cs_count_by(
                Ticket, domain, "cs_representative_id"
            ),
            "handling_median": median or 0.0,
            "handling_p90": p90 or 0.0,
            "escalations": escalations,
            "escalated_tickets": escalated,
            "followups_rated": rated,
            "followup_satisfaction": float(average or 0.0),
            "followup_pass_rate": passed / rated if rated else 0.0,
            "active_customers": customers,
            "complaint_rate": count / customers if customers else 0.0,
        }

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
        model = "cs.change.order"
        domain = [
            ("company_id", "=", scope["company"].id),
            ("state", "!=", "cancel"),
            ("requested_date", ">=", scope["start"]),
            ("requested_date", "<", scope["end"]),
        ]
        if scope["team"]:
            domain.append(("ticket_id.team_id", "=", scope["team"].id))
        col = lambda name: self._cs_col(model, name)
        count, expedited, activated, lead_time, late, rejected = self._cs_select(
            model,
            domain,
            SQL("COUNT(*)"),
            SQL("COUNT(*) FILTER (WHERE %s)", col("expedited")),
            SQL("COUNT(%s)", col("activation_date")),
            SQL(
                "AVG(%s) FILTER (WHERE %s IS NOT NULL)",
                col("lead_time"),
                col("activation_date"),
            ),
            SQL(
                "COUNT(*) FILTER (WHERE %s AND %s < COALESCE(%s, %s))",
                col("expedited"),
                col("due_date"),
                col("activation_date"),
                fields.Datetime.now(),
            ),
            SQL("COUNT(*) FILTER (WHERE %s = 'rejected')", col("state")),
        )
        line_domain = [("order_id", "any", domain)]
        return {
            "count": count,
            "expedited": expedited,
            "activated": activated,
            "lead_time": float(lead_time or 0.0),
            "late": late,
            "rejected": rejected,
            "by_change_type": self._cs_count_by(
                "cs.change.order.line", line_domain, "change_type"
            ),
        }

    @api.model
    def _cs_figures_traffic(self, scope):
        """TODO(traffic issue): traffic by service type and segment, anomalies
        and their callbacks, once ``cs.traffic.record`` exists."""
        return

    @api.model
    def _cs_figures_engineer_services(self, scope):
        """TODO(work-order issue): work orders by kind and engineer, on time,
        quality rating and equipment used, once ``cs.work.order`` exists."""
        return

    @api.model
    def _cs_headlines(self, figures):
        """``[(label, value, kind)]`` of the summary; kind is ``count``,
        ``percent`` or ``decimal``."""
        complaints = figures["complaints"]
        consultations = figures["consultations"]
        changes = figures["business_changes"]
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
            (self.env._("Consultations"), consultations["count"], "count"),
            (
                self.env._("First-contact resolution"),
                consultations["first_contact_rate"],
                "percent",
            ),
            (self.env._("Business change orders"), changes["count"], "count"),
            (self.env._("Late change orders"), changes["late"], "count"),
        ]

    @api.model
    def _cs_subjects(self):
        return ["complaints", "consultations", "business_changes"]

    @api.model
    def _cs_compute(self, data):
        """``(scope, figures, previous figures)`` of the report ``data``."""
        scope = self._cs_scope(data)
        previous = self._cs_previous_scope(scope)
        current_figures, previous_figures = (
            {
                subject: getattr(self, f"_cs_figures_{subject}")(period)
                for subject in self._cs_subjects()
            }
            for period in (scope, previous)
        )
        return scope, current_figures, previous_figures
