# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The explanations of the department's KPI data sources
(``_explain_source_<key>``, cs_kpi's readme/DEVELOP.md): for each computed
line, the records its actual was measured from and the formula in words.
Each builds its records from the domain helper its measurement uses."""

from odoo import models

from .cs_kpi_sheet_line_reports import FINISHED_STATES
from .helpdesk_ticket_sla import rating_to_score

NOWHERE = [("id", "in", [])]


class CsKpiSheetLine(models.Model):
    _inherit = "cs.kpi.sheet.line"

    # ---- shared helpers ----
    def _cs_explain(self, model, domains, extras, sentence_of, measured_empty=False):
        """``{line_id: (model, domain, sentence)}`` from ``domains``
        (``{line_id: domain}``): ``sentence_of(line, counts)`` gets the count
        of each line's records (``counts["count"]``) and of those also
        matching each of ``extras`` (``{name: domain}``), counted as superuser
        in one query per name. A line without records is said unmeasured,
        unless ``measured_empty`` (a count of 0 is then a figure)."""
        lines = self.sudo()
        counts = {"count": lines._explain_count(model, domains)}
        for name, extra in extras.items():
            counts[name] = lines._explain_count(
                model, {key: [*domain, *extra] for key, domain in domains.items()}
            )
        result = {}
        for line in lines:
            line_counts = {name: values[line.id] for name, values in counts.items()}
            if not line_counts["count"] and not measured_empty:
                sentence = self.env._(
                    "No record in the period: the figure is not measured."
                )
            else:
                sentence = sentence_of(line, line_counts)
            result[line.id] = (model, domains[line.id], sentence)
        return result

    def _cs_explain_person(self, field, domain, campaign, exclude_self=None):
        """``{line_id: domain}``: ``domain`` restricted to the company of
        ``campaign`` and to the records whose ``field`` is the user of each
        line's employee (none without a user); with ``exclude_self``, a field
        that must not be him (empty counts)."""
        result = {}
        for line in self.sudo():
            user = line.employee_id.user_id.id
            if not user:
                result[line.id] = NOWHERE
                continue
            person = [(field, "=", user)]
            if exclude_self:
                person.append((exclude_self, "!=", user))
            result[line.id] = [
                *person,
                ("company_id", "=", campaign.company_id.id),
                *domain,
            ]
        return result

    def _cs_explain_team(self, field, author_fields, domain, campaign):
        """``{line_id: domain}`` of ``_cs_measure_by_team``: the records of
        ``domain`` in ``campaign``'s company whose ``field`` is one of the
        people each line's employee leads and whose author (the first of
        ``author_fields`` set) is not himself."""
        teams = self._cs_team_users(campaign)
        result = {}
        for line in self.sudo():
            leader = line.employee_id.user_id.id
            if not teams[line.id]:
                result[line.id] = NOWHERE
                continue
            # not authored by the leader: the first author set is not him
            if leader:
                authored = []
                for position, author in enumerate(author_fields):
                    before = [(field, "=", False) for field in author_fields[:position]]
                    authored.append(
                        ["&"] * len(before) + before + [(author, "=", leader)]
                    )
                by_leader = ["|"] * (len(authored) - 1) + [
                    leaf for leaves in authored for leaf in leaves
                ]
            else:  # no author at all is "his"
                by_leader = ["&"] * (len(author_fields) - 1) + [
                    (author, "=", False) for author in author_fields
                ]
            result[line.id] = [
                (field, "in", sorted(teams[line.id])),
                ("company_id", "=", campaign.company_id.id),
                *domain,
                "!",
                *by_leader,
            ]
        return result

    def _cs_explain_actual(self, line):
        return self._explain_number(line.actual)

    # ---- callbacks ----
    def _explain_source_cs_callback_satisfaction(self, campaign):
        domains = self._cs_explain_person(
            "representative_id",
            self._cs_callback_domain(campaign),
            campaign,
            exclude_self="recorded_by_id",
        )
        excluded = self._cs_explain_excluded_callbacks(campaign, [])

        def noting_excluded(line, text):
            if not excluded.get(line.id):
                return text
            return self.env._(
                "%(sentence)s %(excluded)s excluded: recorded by the appraised person.",
                sentence=text,
                excluded=excluded[line.id],
            )

        def sentence(line, counts):
            return noting_excluded(
                line,
                self.env._(
                    "%(actual)s = mean satisfaction of %(count)s rated callbacks "
                    "done in the period on his tickets.",
                    actual=self._cs_explain_actual(line),
                    count=counts["count"],
                ),
            )

        def clause(line, mean, count):
            return noting_excluded(
                line,
                self.env._(
                    "%(mean)s, the mean satisfaction of %(count)s rated "
                    "callbacks done in the period on his tickets.",
                    mean=mean,
                    count=count,
                ),
            )

        return self._cs_explain_mixed(
            self._cs_explain("cs.callback", domains, {}, sentence),
            campaign,
            "cs_ticket_rating",
            clause,
        )

    def _cs_explain_excluded_callbacks(self, campaign, extra_domain):
        """``{line_id: count}`` of the callbacks of each line's employee that
        the period counts but whose satisfaction he recorded himself."""
        domains = {}
        for line in self.sudo():
            user = line.employee_id.user_id.id
            domains[line.id] = (
                [
                    ("representative_id", "=", user),
                    ("recorded_by_id", "=", user),
                    ("company_id", "=", campaign.company_id.id),
                    *self._cs_callback_domain(campaign, extra_domain),
                ]
                if user
                else NOWHERE
            )
        return self.sudo()._explain_count("cs.callback", domains)

    def _explain_source_cs_complaint_followup_pass_rate(self, campaign):
        followup = [("reason", "=", "complaint_followup")]
        threshold = campaign.company_id.cs_satisfaction_threshold
        domains = self._cs_explain_person(
            "representative_id",
            self._cs_callback_domain(campaign, followup),
            campaign,
            exclude_self="recorded_by_id",
        )
        excluded = self._cs_explain_excluded_callbacks(campaign, followup)

        def sentence(line, counts):
            text = self.env._(
                "%(actual)s = share of the %(count)s rated complaint follow-ups "
                "of the period on his tickets that reach satisfaction "
                "%(threshold)s (%(passed)s).",
                actual=self._cs_explain_actual(line),
                count=counts["count"],
                threshold=threshold,
                passed=counts["passed"],
            )
            if excluded.get(line.id):
                text = self.env._(
                    "%(sentence)s %(excluded)s excluded: recorded by the "
                    "appraised person.",
                    sentence=text,
                    excluded=excluded[line.id],
                )
            return text

        return self._cs_explain(
            "cs.callback",
            domains,
            {"passed": [("satisfaction", ">=", threshold)]},
            sentence,
        )

    def _cs_explain_team_callbacks(self, campaign, extra_domain, sentence):
        domains = self._cs_explain_team(
            "representative_id",
            ("recorded_by_id", "user_id"),
            self._cs_callback_domain(campaign, extra_domain),
            campaign,
        )
        return self._cs_explain("cs.callback", domains, {}, sentence)

    def _explain_source_cs_team_callback_satisfaction(self, campaign):
        return self._cs_explain_mixed(
            self._cs_explain_team_callbacks(
                campaign,
                [],
                lambda line, counts: self.env._(
                    "%(actual)s = mean satisfaction of %(count)s rated callbacks "
                    "done in the period on the tickets of the people he leads, "
                    "except those whose satisfaction he recorded.",
                    actual=self._cs_explain_actual(line),
                    count=counts["count"],
                ),
            ),
            campaign,
            "cs_team_ticket_rating",
            lambda line, mean, count: self.env._(
                "%(mean)s, the mean satisfaction of %(count)s rated callbacks "
                "done in the period on the tickets of the people he leads, "
                "except those whose satisfaction he recorded.",
                mean=mean,
                count=count,
            ),
        )

    def _explain_source_cs_team_complaint_satisfaction(self, campaign):
        return self._cs_explain_team_callbacks(
            campaign,
            [("reason", "=", "complaint_followup")],
            lambda line, counts: self.env._(
                "%(actual)s = mean satisfaction of %(count)s rated complaint "
                "follow-ups done in the period on the tickets of the people he "
                "leads, except those whose satisfaction he recorded.",
                actual=self._cs_explain_actual(line),
                count=counts["count"],
            ),
        )

    # ---- spot checks ----
    def _explain_source_cs_team_quality_pass_rate(self, campaign):
        pass_score = campaign.sudo().company_id.cs_quality_pass_score
        domains = self._cs_explain_team(
            "representative_id",
            ("supervisor_id",),
            self._cs_quality_check_domain(campaign),
            campaign,
        )
        return self._cs_explain(
            "cs.quality.check",
            domains,
            {"passed": [("score", ">=", pass_score)]},
            lambda line, counts: self.env._(
                "%(actual)s = share of the %(count)s spot checks of the people "
                "he leads dated in the period, not made by himself, scoring at "
                "least %(pass_score)s (%(passed)s).",
                actual=self._cs_explain_actual(line),
                count=counts["count"],
                pass_score=pass_score,
                passed=counts["passed"],
            ),
        )

    def _explain_source_cs_quality_check_score(self, campaign):
        domains = self._cs_explain_person(
            "representative_id", self._cs_quality_check_domain(campaign), campaign
        )
        return self._cs_explain(
            "cs.quality.check",
            domains,
            {},
            lambda line, counts: self.env._(
                "%(actual)s = mean score of the %(count)s spot checks of his "
                "service dated in the period.",
                actual=self._cs_explain_actual(line),
                count=counts["count"],
            ),
        )

    # ---- reports ----
    def _explain_source_cs_report_timeliness(self, campaign):
        domains = self._cs_explain_person(
            "submitter_id", self._cs_report_timeliness_domain(campaign), campaign
        )
        return self._cs_explain(
            "cs.report.submission",
            domains,
            {"on_time": [("on_time", "=", True)]},
            lambda line, counts: self.env._(
                "%(actual)s = share of his %(count)s reports due in the period "
                "(submitted, or overdue) that were submitted on time "
                "(%(on_time)s).",
                actual=self._cs_explain_actual(line),
                count=counts["count"],
                on_time=counts["on_time"],
            ),
        )

    # ---- change orders ----
    def _cs_explain_change_orders(self, campaign, domain, good, sentence):
        domains = self._cs_explain_person(
            "user_id", self._cs_change_order_domain(campaign, domain), campaign
        )
        counts = self._cs_change_order_counts(campaign, domain, good)
        return self._cs_explain(
            "cs.change.order",
            domains,
            {},
            lambda line, line_counts: sentence(
                line,
                line_counts["count"],
                counts.get(line.employee_id.user_id.id, (0, 0))[1],
            ),
        )

    def _explain_source_cs_change_order_accuracy(self, campaign):
        return self._cs_explain_change_orders(
            campaign,
            [("state", "in", FINISHED_STATES)],
            self._cs_change_order_accurate,
            lambda line, count, good: self.env._(
                "%(actual)s = share of his %(count)s change orders requested in "
                "the period and finished that were neither rejected nor "
                "corrected (%(good)s).",
                actual=self._cs_explain_actual(line),
                count=count,
                good=good,
            ),
        )

    def _explain_source_cs_change_order_timeliness(self, campaign):
        return self._cs_explain_change_orders(
            campaign,
            [("activation_date", "!=", False)],
            self._cs_change_order_in_time,
            lambda line, count, good: self.env._(
                "%(actual)s = share of his %(count)s change orders requested in "
                "the period and activated that were activated by their due "
                "time, their business-change SLA rule's delay (%(good)s).",
                actual=self._cs_explain_actual(line),
                count=count,
                good=good,
            ),
        )

    def _explain_source_cs_change_order_quality(self, campaign):
        return self._cs_explain_change_orders(
            campaign,
            [("state", "in", FINISHED_STATES)],
            self._cs_change_order_accurate_in_time,
            lambda line, count, good: self.env._(
                "%(actual)s = share of his %(count)s change orders requested in "
                "the period and finished that were neither rejected nor "
                "corrected and were activated within their delay (%(good)s).",
                actual=self._cs_explain_actual(line),
                count=count,
                good=good,
            ),
        )

    # ---- traffic anomalies ----
    def _explain_source_cs_traffic_callback_rate(self, campaign):
        domains = {}
        for line in self.sudo():
            user = line.employee_id.user_id.id
            domains[line.id] = (
                [
                    *self._cs_traffic_anomaly_domain(campaign),
                    ("callback_id.user_id", "=", user),
                ]
                if user
                else NOWHERE
            )
        rates = self._measure_source_cs_traffic_callback_rate(campaign)
        return self._cs_explain(
            "cs.traffic.anomaly",
            domains,
            {},
            lambda line, counts: self.env._(
                "%(actual)s = share of the %(count)s traffic anomalies of the "
                "period whose callback is his that were called back by the "
                "scheduled day (%(good)s).",
                actual=self._cs_explain_actual(line),
                count=counts["count"],
                good=round((rates.get(line.id) or 0.0) * counts["count"] / 100),
            ),
        )

    # ---- complaints ----
    def _explain_source_cs_complaint_rate(self, campaign):
        lines = self.sudo()
        members = lines._cs_complaint_rate_members(campaign)
        customers = self._cs_complaint_rate_customers(campaign)
        domains = {
            line.id: [
                ("cs_representative_id", "in", sorted(members[line.id])),
                *self._cs_complaint_domain(campaign),
            ]
            if members[line.id] and customers
            else NOWHERE
            for line in lines
        }

        def sentence(line, counts):
            if not customers:
                return self.env._(
                    "No active customer in the period: the figure is not measured."
                )
            return self.env._(
                "%(actual)s = %(count)s complaints accepted in the period by "
                "him and the people he leads, per 100 of the %(customers)s "
                "active customers.",
                actual=self._cs_explain_actual(line),
                count=counts["count"],
                customers=customers,
            )

        return self._cs_explain(
            "helpdesk.ticket", domains, {}, sentence, measured_empty=True
        )

    # ---- budget ----
    def _explain_source_cs_expense_within_budget_rate(self, campaign):
        lines = self.sudo()
        departments = (
            self.env["hr.department"]
            .sudo()
            .search([("manager_id", "in", lines.employee_id.ids)])
        )
        managed = {
            employee: departments.filtered(
                lambda department, employee=employee: department.manager_id == employee
            ).ids
            for employee in lines.employee_id
        }
        domains = {
            line.id: [
                ("department_id", "in", managed[line.employee_id]),
                *self._cs_expense_domain(campaign),
            ]
            for line in lines
        }
        return self._cs_explain(
            "cs.expense.request",
            domains,
            {"within": [("within_budget", "=", True)]},
            lambda line, counts: self.env._(
                "%(actual)s = share of the %(count)s expense requests of his "
                "departments approved in the period that fitted in their "
                "budget (%(within)s).",
                actual=self._cs_explain_actual(line),
                count=counts["count"],
                within=counts["within"],
            ),
        )

    # ---- work orders ----
    def _explain_source_cs_work_order_on_time_rate(self, campaign):
        domains = self._cs_explain_person(
            "engineer_id", self._cs_work_order_domain(campaign), campaign
        )
        return self._cs_explain(
            "cs.work.order",
            domains,
            {"on_time": [("done_on_time", "=", True)]},
            lambda line, counts: self.env._(
                "%(actual)s = share of his %(count)s work orders done in the "
                "period that were done by their scheduled end (%(on_time)s).",
                actual=self._cs_explain_actual(line),
                count=counts["count"],
                on_time=counts["on_time"],
            ),
        )

    def _explain_source_cs_work_order_quality(self, campaign):
        domains = self._cs_explain_person(
            "engineer_id",
            [*self._cs_work_order_domain(campaign), ("quality_rated", "=", True)],
            campaign,
        )
        return self._cs_explain(
            "cs.work.order",
            domains,
            {},
            lambda line, counts: self.env._(
                "%(actual)s = mean quality rating of his %(count)s rated work "
                "orders done in the period.",
                actual=self._cs_explain_actual(line),
                count=counts["count"],
            ),
        )

    def _explain_source_cs_work_order_customer_rating(self, campaign):
        domains = self._cs_explain_person(
            "engineer_id", self._cs_signoff_domain(campaign), campaign
        )
        return self._cs_explain(
            "cs.work.order.signoff",
            domains,
            {},
            lambda line, counts: self.env._(
                "%(actual)s = mean rating the customers gave to his %(count)s "
                "visits done in the period.",
                actual=self._cs_explain_actual(line),
                count=counts["count"],
            ),
        )

    # ---- tickets: customer ratings and SLA deadlines ----
    def _explain_source_cs_ticket_rating(self, campaign):
        domains = self._cs_explain_person(
            "cs_representative_id", self._cs_rated_domain(campaign), campaign
        )
        return self._cs_explain(
            "helpdesk.ticket",
            domains,
            {},
            lambda line, counts: self.env._(
                "%(actual)s = mean customer rating (1 = 0, 3 = 50, 5 = 100) of "
                "%(count)s rated tickets closed in the period that he handled.",
                actual=self._cs_explain_actual(line),
                count=counts["count"],
            ),
        )

    def _explain_source_cs_team_ticket_rating(self, campaign):
        domains = self._cs_explain_team(
            "cs_representative_id",
            ("cs_representative_id",),
            self._cs_rated_domain(campaign),
            campaign,
        )
        return self._cs_explain(
            "helpdesk.ticket",
            domains,
            {},
            lambda line, counts: self.env._(
                "%(actual)s = mean customer rating (1 = 0, 3 = 50, 5 = 100) of "
                "%(count)s rated tickets closed in the period by the people he "
                "leads.",
                actual=self._cs_explain_actual(line),
                count=counts["count"],
            ),
        )

    def _cs_explain_sla(self, domains, sentence):
        return self._cs_explain(
            "helpdesk.ticket",
            domains,
            {"kept": [("cs_sla_late", "=", False)]},
            sentence,
        )

    def _explain_source_cs_ticket_sla_rate(self, campaign):
        return self._cs_explain_sla(
            self._cs_explain_person(
                "cs_representative_id", self._cs_sla_domain(campaign), campaign
            ),
            lambda line, counts: self.env._(
                "%(actual)s = share of the %(count)s tickets with an SLA closed "
                "in the period that he handled that kept every SLA deadline "
                "(%(kept)s).",
                actual=self._cs_explain_actual(line),
                count=counts["count"],
                kept=counts["kept"],
            ),
        )

    def _explain_source_cs_team_ticket_sla_rate(self, campaign):
        return self._cs_explain_sla(
            self._cs_explain_team(
                "cs_representative_id",
                ("cs_representative_id",),
                self._cs_sla_domain(campaign),
                campaign,
            ),
            lambda line, counts: self.env._(
                "%(actual)s = share of the %(count)s tickets with an SLA closed "
                "in the period by the people he leads that kept every SLA "
                "deadline (%(kept)s).",
                actual=self._cs_explain_actual(line),
                count=counts["count"],
                kept=counts["kept"],
            ),
        )

    def _cs_explain_mixed(self, explanations, campaign, rating_source, clause):
        """On the lines whose indicator weighs the customers' ratings: the
        customer feedback that makes the figure, the callbacks and the rated
        tickets in one list (``cs.customer.feedback``), and the mix in words,
        each side's mean and count (``clause(line, mean, count)`` says the
        callbacks'); the ratings alone without a callback, the callbacks alone
        without a rating."""
        mixed = self.sudo().filtered("indicator_id.cs_rating_weight")
        if not mixed:
            return explanations
        ratings = getattr(mixed, f"_explain_source_{rating_source}")(campaign)
        rating_domains = {
            line_id: domain for line_id, (_m, domain, _s) in ratings.items()
        }
        callback_domains = {line.id: explanations[line.id][1] for line in mixed}
        counts = mixed._explain_count("helpdesk.ticket", rating_domains)
        callbacks = mixed._explain_count("cs.callback", callback_domains)
        rating_means = mixed._explain_mean(
            "helpdesk.ticket", "rating_last_value", rating_domains
        )
        callback_means = mixed._explain_mean(
            "cs.callback", "satisfaction", callback_domains
        )
        for line in mixed:
            if not counts[line.id]:
                continue  # no rating: the callbacks alone make the figure
            if not callbacks[line.id]:
                # no callback: the ratings alone make it, and are listed
                explanations[line.id] = ratings[line.id]
                continue
            weight = line.indicator_id.cs_rating_weight
            explanations[line.id] = (
                "cs.customer.feedback",
                [
                    "|",
                    "&",
                    ("kind", "=", "callback"),
                    ("callback_id", "any", callback_domains[line.id]),
                    "&",
                    ("kind", "=", "rating"),
                    ("ticket_id", "any", rating_domains[line.id]),
                ],
                self.env._(
                    "%(actual)s = %(weight)s %% x %(rating)s, the mean customer "
                    "rating (1 = 0, 3 = 50, 5 = 100) of %(ratings)s rated "
                    "tickets, + %(rest)s %% x %(callbacks)s",
                    actual=self._cs_explain_actual(line),
                    weight=weight,
                    rating=self._explain_number(
                        rating_to_score(float(rating_means[line.id]))
                    ),
                    ratings=counts[line.id],
                    rest=100 - weight,
                    callbacks=clause(
                        line,
                        self._explain_number(float(callback_means[line.id])),
                        callbacks[line.id],
                    ),
                ),
            )
        return explanations
