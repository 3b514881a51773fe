# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import defaultdict

from odoo import api, models
from odoo.tools import float_round

GENERAL_MANAGER = "cs_department.cs_department_group_general_manager"
#: Campaigns whose evaluations the report scores never change.
FROZEN_CAMPAIGN_STATES = ("done", "cancel")


class CsKpiEvaluation(models.Model):
    _inherit = "cs.kpi.evaluation"

    @api.model
    def _cs_report_score_line_domain(self):
        """Sheet lines filled from the report scores that may still change."""
        return [
            ("indicator_id.cs_from_report_scores", "=", True),
            ("measure_type", "=", "evaluation"),
            ("campaign_id.state", "not in", FROZEN_CAMPAIGN_STATES),
            ("sheet_id.state", "!=", "done"),
        ]

    @api.model
    def _cs_report_score_lines(self, campaigns, extra_domain=()):
        """The lines of ``_cs_report_score_line_domain`` in ``campaigns`` (and
        ``extra_domain``), searched on the line table alone: the few
        indicators and the campaigns' states are read first, the lines come
        by their campaign (indexed) in id order. Right after a large
        generation the planner's statistics of the new lines are stale; a
        search joining the indicators, the campaigns and the sheets and
        ordered through the sheets' order was then seen planned as nested
        loops taking minutes."""
        campaigns = campaigns.sudo().filtered(
            lambda campaign: campaign.state not in FROZEN_CAMPAIGN_STATES
        )
        if not campaigns:
            return self.env["cs.kpi.sheet.line"]
        indicators = (
            self.env["cs.kpi.indicator"]
            .sudo()
            .with_context(active_test=False)
            .search([("cs_from_report_scores", "=", True)])
        )
        return (
            self.env["cs.kpi.sheet.line"]
            .sudo()
            .search(
                [
                    ("campaign_id", "in", campaigns.ids),
                    ("indicator_id", "in", indicators.ids),
                    ("measure_type", "=", "evaluation"),
                    ("sheet_id.state", "!=", "done"),
                    *extra_domain,
                ],
                order="id",
            )
        )

    @api.model
    def _cs_sync_report_scores_of_submissions(self, submissions):
        """Sync the lines that the scored ``submissions`` count in."""
        submissions = submissions.sudo().filtered("scored_by_id")
        if not submissions:
            return
        due_dates = submissions.mapped("due_date")
        campaigns = (
            self.env["cs.kpi.campaign"]
            .sudo()
            .search(
                [
                    ("date_from", "<=", max(due_dates)),
                    ("date_to", ">=", min(due_dates)),
                ]
            )
        )
        lines = self._cs_report_score_lines(
            campaigns,
            [("employee_id.user_id", "in", submissions.submitter_id.ids)],
        )
        self._cs_sync_report_scores(lines)

    @api.model
    def _cs_report_score_means(self, lines):
        """``{(line_id, scorer_id): (rounded mean, count)}``: the quality scores
        that each General Manager gave the reports of the line's person due in
        the line's campaign period. One grouped read, whatever the number of
        lines."""
        lines = lines.sudo()
        if not lines:
            return {}
        campaigns = lines.campaign_id
        # the manual's General Manager scores: a department manager plans his
        # own reports, so a recipient he picked outside that group never counts
        scorers = self.env.ref(GENERAL_MANAGER).sudo().users
        groups = (
            self.env["cs.report.submission"]
            .sudo()
            ._read_group(
                [
                    ("submitter_id", "in", lines.employee_id.user_id.ids),
                    ("scored_by_id", "in", scorers.ids),
                    ("company_id", "in", lines.company_id.ids),
                    ("due_date", ">=", min(campaigns.mapped("date_from"))),
                    ("due_date", "<=", max(campaigns.mapped("date_to"))),
                ],
                ["submitter_id", "scored_by_id", "company_id", "due_date:day"],
                ["quality_score:sum", "__count"],
            )
        )
        by_submitter = defaultdict(list)
        for submitter, scorer, company, day, total, count in groups:
            by_submitter[submitter.id].append(
                (scorer.id, company.id, day, total, count)
            )
        sums = defaultdict(lambda: [0, 0])
        for line in lines:
            campaign = line.campaign_id
            for scorer_id, company_id, day, total, count in by_submitter.get(
                line.employee_id.user_id.id, ()
            ):
                if (
                    company_id == line.company_id.id
                    and campaign.date_from <= day <= campaign.date_to
                ):
                    sums[line.id, scorer_id][0] += total
                    sums[line.id, scorer_id][1] += count
        return {
            key: (float_round(total / count, precision_digits=0), count)
            for key, (total, count) in sums.items()
        }

    @api.model
    def _cs_sync_report_scores(self, lines):
        """One submitted evaluation per (line, scorer) with the scorer's mean.

        Runs as superuser through the evaluation's own steps (``create``,
        ``write``, ``action_submit``), so that the sheet locks, the rule that
        nobody evaluates his own sheet and the aggregation of the line apply
        as for any evaluation; lines of closed campaigns are never passed in.
        """
        lines = lines.sudo().filtered_domain(self._cs_report_score_line_domain())
        means = self._cs_report_score_means(lines)
        if not means:
            return self.browse()
        Evaluation = self.sudo().with_context(mail_create_nosubscribe=True)
        existing = {
            (evaluation.line_id.id, evaluation.evaluator_id.id): evaluation
            for evaluation in Evaluation.search(
                [
                    ("line_id", "in", [line_id for line_id, _scorer in means]),
                    ("evaluator_id", "in", [scorer for _line, scorer in means]),
                ]
            )
        }
        appraised = {line.id: line.employee_id.user_id.id for line in lines}
        to_create, to_write, to_submit = [], defaultdict(Evaluation.browse), Evaluation
        for (line_id, scorer_id), (score, count) in means.items():
            if not Evaluation._cs_evaluators_of([scorer_id], appraised[line_id]):
                continue
            comment = self.env._(
                "Mean of the quality scores of %(count)s periodic reports.",
                count=count,
            )
            evaluation = existing.get((line_id, scorer_id))
            if not evaluation:
                to_create.append(
                    {
                        "line_id": line_id,
                        "evaluator_id": scorer_id,
                        "score": score,
                        "comment": comment,
                    }
                )
                continue
            if evaluation.score != score or evaluation.comment != comment:
                to_write[score, comment] |= evaluation
            if evaluation.state != "done":
                to_submit |= evaluation
        for (score, comment), evaluations in to_write.items():
            evaluations.write({"score": score, "comment": comment})
        created = Evaluation.create(to_create)
        if to_submit or created:
            (to_submit | created).action_submit()
        return created | to_submit | Evaluation.union(*to_write.values())
