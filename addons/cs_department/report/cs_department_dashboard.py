# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime

from babel.dates import format_skeleton

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.misc import babel_locale_parse

from ..tools.report_period import period_bounds, previous_period

#: Who opens the department's dashboard.
DASHBOARD_GROUPS = (
    "cs_department.cs_department_group_general_manager",
    "cs_department.cs_department_group_manager",
)
#: The periods the dashboard compares.
DASHBOARD_PERIODS = ("month", "quarter", "year")


class CsDepartmentDashboard(models.AbstractModel):
    """The department's headline figures of a period next to the previous
    period's, for the General Manager and the department manager.

    Every figure is the periodic report's own (``cs.service.report``) or the
    report-timeliness source's (``cs.report.submission``), measured as the
    user: records he may not read do not count. A constant number of grouped
    queries whatever the number of records.
    """

    _name = "cs.department.dashboard"
    _description = "Customer Service Department Dashboard"

    @api.readonly
    @api.model
    def cs_dashboard_data(self, period_type="month", date_from=None):
        """The figures of the ``period_type`` period starting on or holding
        ``date_from`` (default: the last complete one) and of the period
        before it: ``{"period", "previous_period", "figures"}``, each figure
        with its value in both periods and the actions opening the records
        behind them."""
        if not any(self.env.user.has_group(group) for group in DASHBOARD_GROUPS):
            raise AccessError(
                self.env._(
                    "The department dashboard is for the General Manager and "
                    "the department manager."
                )
            )
        if period_type not in DASHBOARD_PERIODS:
            raise UserError(
                self.env._(
                    "The dashboard compares months, quarters or years, not "
                    "“%(period)s”.",
                    period=period_type,
                )
            )
        company = self.env.company
        today = company._cs_today()
        current = period_bounds(period_type, today)
        if date_from:
            try:
                day = fields.Date.to_date(date_from)
            except ValueError as error:
                raise UserError(
                    self.env._("“%(day)s” is not a date.", day=date_from)
                ) from error
        else:
            # the last complete period: the one the workbooks report on
            day = previous_period(period_type, current[0])[0]
        start, end = period_bounds(period_type, day)
        if start > current[0]:
            raise UserError(self.env._("The dashboard shows no future period."))
        Report = self.env["cs.service.report"]
        scope = Report._cs_scope(
            {
                "period_type": period_type,
                "date_from": start,
                "date_to": end,
                "company_id": company.id,
            }
        )
        previous = Report._cs_previous_scope(scope)
        figures = self._cs_figures(scope, today)
        before = self._cs_figures(previous, today)
        return {
            "period": self._cs_period_info(scope, today),
            "previous_period": self._cs_period_info(previous, today),
            "is_current": start == current[0],
            "figures": [
                dict(
                    figure,
                    previous=before_figure["value"],
                    previous_action=before_figure["action"],
                )
                for figure, before_figure in zip(figures, before, strict=True)
            ],
        }

    # ---- periods ----
    @api.model
    def _cs_period_label(self, period_type, date_from):
        if period_type == "month":
            # "November 2026", "2026年11月": the language's own order
            locale = babel_locale_parse(self.env.lang or "en_US")
            return format_skeleton("yMMMM", date_from, locale=locale)
        if period_type == "quarter":
            return self.env._(
                "Q%(quarter)s %(year)s",
                quarter=(date_from.month - 1) // 3 + 1,
                year=date_from.year,
            )
        return str(date_from.year)

    @api.model
    def _cs_period_info(self, scope, today):
        label = self._cs_period_label(scope["period_type"], scope["date_from"])
        if scope["date_from"] <= today <= scope["date_to"]:
            label = self.env._("%(period)s (to date)", period=label)
        return {
            "type": scope["period_type"],
            "date_from": fields.Date.to_string(scope["date_from"]),
            "date_to": fields.Date.to_string(scope["date_to"]),
            "label": label,
        }

    # ---- figures ----
    @api.model
    def _cs_action(self, name, model, domain, period_label):
        """The window action listing ``model``'s records of ``domain``."""
        return {
            "type": "ir.actions.act_window",
            "name": f"{name} · {period_label}",
            "res_model": model,
            # the reports' timeliness and scores also by pivot and graph
            "views": [[False, "list"], [False, "form"]]
            if model != "cs.report.submission"
            else [[False, "list"], [False, "pivot"], [False, "graph"], [False, "form"]],
            "domain": [
                tuple(
                    fields.Datetime.to_string(value)
                    if isinstance(value, datetime)
                    else fields.Date.to_string(value)
                    if isinstance(value, date)
                    else value
                    for value in leaf
                )
                if isinstance(leaf, tuple | list)
                else leaf
                for leaf in domain
            ],
            "context": {"create": False},
            "target": "current",
        }

    @api.model
    def _cs_figures(self, scope, today):
        """``[{key, label, section, kind, value, higher_is_better, action}]``
        of ``scope``'s period; ``value`` is ``None`` when nothing measures it
        (no rated callback, no scored report...), never 0."""
        Report = self.env["cs.service.report"]
        label = self._cs_period_label(scope["period_type"], scope["date_from"])
        complaints = Report._cs_complaint_totals(scope)
        customers = Report._cs_active_customers(scope)
        rated, satisfaction, _passed = Report._cs_callback_satisfaction(scope)
        changes = Report._cs_change_order_totals(scope)
        complaint_domain = Report._cs_ticket_domain(scope, "complaint")
        Submission = self.env["cs.report.submission"]
        due = [
            ("company_id", "=", scope["company"].id),
            *Submission._cs_timeliness_domain(
                scope["date_from"], scope["date_to"], today
            ),
        ]
        on_time = dict(Submission._read_group(due, ["on_time"], ["__count"]))
        counted = sum(on_time.values())
        scored = due + [("scored_by_id", "!=", False)]
        [(scored_count, score)] = Submission._read_group(
            scored, [], ["__count", "quality_score:avg"]
        )
        rows = [
            (
                "complaints",
                "service",
                self.env._("Complaints"),
                "count",
                complaints["count"],
                False,
                self.env._("Complaints"),
                "helpdesk.ticket",
                complaint_domain,
            ),
            (
                "complaint_rate",
                "service",
                self.env._("Complaint rate"),
                "percent",
                complaints["count"] / customers if customers else None,
                False,
                self.env._("Complaints"),
                "helpdesk.ticket",
                complaint_domain,
            ),
            (
                "satisfaction",
                "service",
                self.env._("Customer satisfaction"),
                "score",
                satisfaction if rated else None,
                True,
                self.env._("Rated callbacks"),
                "cs.callback",
                Report._cs_rated_callback_domain(scope),
            ),
            (
                "complaint_handling",
                "lead_time",
                self.env._("Complaint handling time, median (h)"),
                "hours",
                complaints["handling_median"] if complaints["closed"] else None,
                False,
                self.env._("Closed complaints"),
                "helpdesk.ticket",
                complaint_domain + [("closed_date", "!=", False)],
            ),
            (
                "change_lead_time",
                "lead_time",
                self.env._("Change order lead time, average (h)"),
                "hours",
                changes["lead_time"],
                False,
                self.env._("Activated change orders"),
                "cs.change.order",
                Report._cs_change_order_domain(scope)
                + [("activation_date", "!=", False)],
            ),
            (
                "reports_on_time",
                "reports",
                self.env._("Reports on time"),
                "percent",
                on_time.get(True, 0) / counted if counted else None,
                True,
                self.env._("Reports due"),
                "cs.report.submission",
                due,
            ),
            (
                "report_score",
                "reports",
                self.env._("Report quality score"),
                "score",
                score if scored_count else None,
                True,
                self.env._("Scored reports"),
                "cs.report.submission",
                scored,
            ),
        ]
        return [
            {
                "key": key,
                "section": section,
                "label": name,
                "kind": kind,
                "value": value,
                "higher_is_better": higher,
                "action": self._cs_action(records, model, domain, label),
            }
            for key, section, name, kind, value, higher, records, model, domain in rows
        ]
