# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models

from ..tools import scoring
from ..tools.access import HR_OFFICER


class CsKpiCampaignClosing(models.Model):
    """What closing a campaign computes, set-based (part of the campaign model).

    Unscored counts, ranks inside department and job, pass rate and average:
    a constant number of queries whatever the number of sheets.
    """

    _inherit = "cs.kpi.campaign"

    scoring_progress = fields.Char(
        compute="_compute_scoring_progress",
        groups=HR_OFFICER,
        help="What is still to score before the campaign closes.",
    )

    @api.depends("state")
    def _compute_scoring_progress(self):
        """What Close would refuse, said on the campaign while it is scored:
        lines and items to score, evaluations to request or still awaited.
        Three grouped counts for all the campaigns shown."""
        running = self.filtered(lambda c: c.state in ("open", "review") and c.id)
        self.scoring_progress = False
        if not running:
            return
        Line = self.env["cs.kpi.sheet.line"].sudo()
        base = [("campaign_id", "in", running.ids), ("is_measured", "=", False)]
        manual = dict(
            Line._read_group(
                [*base, ("measure_type", "=", "manual")], ["campaign_id"], ["__count"]
            )
        )
        unrequested = dict(
            Line._read_group(
                [
                    *base,
                    ("measure_type", "=", "evaluation"),
                    ("evaluation_ids", "=", False),
                ],
                ["campaign_id"],
                ["__count"],
            )
        )
        awaited = dict(
            self.env["cs.kpi.evaluation"]
            .sudo()
            ._read_group(
                [("campaign_id", "in", running.ids), ("state", "=", "pending")],
                ["campaign_id"],
                ["__count"],
            )
        )
        items = dict(
            self.env["cs.kpi.sheet.competency"]
            .sudo()
            ._read_group(
                [("campaign_id", "in", running.ids), ("is_rated", "=", False)],
                ["campaign_id"],
                ["__count"],
            )
        )
        for campaign in running:
            parts = [
                (manual.get(campaign, 0), self.env._("KPI lines to score")),
                (items.get(campaign, 0), self.env._("ability/attitude items to rate")),
                (
                    unrequested.get(campaign, 0),
                    self.env._("evaluation lines waiting for Request evaluations"),
                ),
                (awaited.get(campaign, 0), self.env._("evaluations awaited")),
            ]
            text = ", ".join(f"{count} {label}" for count, label in parts if count)
            campaign.scoring_progress = text or False

    def _unscored_summary(self, shown=5):
        """Counts of unscored lines and items, and the sheets they are on.

        ``sheets`` names the first ``shown`` sheets and says how many more there
        are; four counting queries and one read, whatever the campaign's size.
        """
        Line = self.env["cs.kpi.sheet.line"]
        domain = [
            ("campaign_id", "in", self.ids),
            ("is_measured", "=", False),
            ("measure_type", "in", ("manual", "evaluation")),
        ]
        Item = self.env["cs.kpi.sheet.competency"]
        item_domain = [("campaign_id", "in", self.ids), ("is_rated", "=", False)]
        line_count = Line.search_count(domain)
        item_count = Item.search_count(item_domain)
        if not line_count and not item_count:
            return {}
        Sheet = self.env["cs.kpi.sheet"]
        sheet_domain = [
            ("campaign_id", "in", self.ids),
            "|",
            ("line_ids", "any", domain[1:]),
            ("competency_line_ids", "any", item_domain[1:]),
        ]
        sheet_count = Sheet.search_count(sheet_domain)
        sheets = Sheet.search(sheet_domain, limit=shown)
        names = ", ".join(sheets.employee_id.mapped("name"))
        if sheet_count > shown:
            names = self.env._(
                "%(names)s and %(count)s more", names=names, count=sheet_count - shown
            )
        return {"lines": line_count, "items": item_count, "sheets": names}

    def _compute_ranks(self):
        """Rank inside department and job: one read, ranks sorted in Python."""
        rows = self.env["cs.kpi.sheet"].search_read(
            [("campaign_id", "in", self.ids)],
            ["campaign_id", "department_id", "job_id", "total_score"],
        )
        by_department, by_job = {}, {}
        for row in rows:
            campaign = row["campaign_id"][0]
            department = row["department_id"] and row["department_id"][0]
            job = row["job_id"] and row["job_id"][0]
            by_department.setdefault((campaign, department), {})[row["id"]] = row[
                "total_score"
            ]
            by_job.setdefault((campaign, job), {})[row["id"]] = row["total_score"]
        ranks, job_ranks = {}, {}
        for scores in by_department.values():
            ranks.update(scoring.rank(scores))
        for scores in by_job.values():
            job_ranks.update(scoring.rank(scores))
        Sheet = self.env["cs.kpi.sheet"].sudo().with_context(cs_kpi_closing=True)
        # per-record writes stay in the cache and are flushed as one UPDATE
        for sheet in Sheet.browse(list(ranks)):
            sheet.write({"rank": ranks[sheet.id], "rank_job": job_ranks[sheet.id]})

    def _update_statistics(self):
        groups = self.env["cs.kpi.sheet"]._read_group(
            [("campaign_id", "in", self.ids), ("state", "!=", "cancel")],
            ["campaign_id", "passed"],
            ["__count", "total_score:sum"],
        )
        stats = {}
        for campaign, passed, count, total in groups:
            all_count, ok_count, score_sum = stats.get(campaign.id, (0, 0, 0.0))
            stats[campaign.id] = (
                all_count + count,
                ok_count + (count if passed else 0),
                score_sum + total,
            )
        # closing figures: written by this step only, as superuser
        for campaign in self.sudo():
            count, ok_count, score_sum = stats.get(campaign.id, (0, 0, 0.0))
            campaign.write(
                {
                    "pass_rate": scoring.round_half_up(ok_count * 100.0 / count)
                    if count
                    else 0.0,
                    "average_score": scoring.round_half_up(score_sum / count)
                    if count
                    else 0.0,
                }
            )
