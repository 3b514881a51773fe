# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models
from odoo.tools import plaintext2html


class CsKpiCampaignEvaluation(models.Model):
    """Evaluators' to-dos of a campaign (part of the campaign model).

    Each evaluator gets one to-do per campaign, not one per line: it counts his
    pending evaluations, is updated when more are requested and is marked done
    once he has submitted them all. Queries do not depend on the number of
    evaluations: one ``_read_group`` and one search of the to-dos.
    """

    _inherit = "cs.kpi.campaign"

    def action_open_request_evaluations(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Request Evaluations"),
            "res_model": "cs.kpi.evaluation.request",
            "view_mode": "form",
            "target": "new",
            "context": {"default_campaign_id": self.id},
        }

    def _evaluator_activities(self, evaluators=None):
        domain = [
            ("res_model", "=", self._name),
            ("res_id", "in", self.ids),
            ("automated", "=", True),
            ("activity_type_id", "=", self.env.ref("mail.mail_activity_data_todo").id),
        ]
        if evaluators is not None:
            domain.append(("user_id", "in", evaluators.ids))
        return self.env["mail.activity"].sudo().search(domain)

    def _pending_evaluation_counts(self, evaluators=None):
        """``{(campaign_id, user_id): number of pending evaluations}``."""
        domain = [("campaign_id", "in", self.ids), ("state", "=", "pending")]
        if evaluators is not None:
            domain.append(("evaluator_id", "in", evaluators.ids))
        return {
            (campaign.id, user.id): count
            for campaign, user, count in self.env["cs.kpi.evaluation"]
            .sudo()
            ._read_group(domain, ["campaign_id", "evaluator_id"], ["__count"])
        }

    def _evaluator_activity_texts(self, user, count):
        self.ensure_one()
        env = self.with_context(lang=user.lang).env
        return {
            "summary": env._("Give %(count)s KPI evaluations", count=count),
            # the note is HTML: the campaign name is text typed by HR, escaped
            "note": plaintext2html(
                env._(
                    "%(count)s evaluations of the appraisal campaign %(name)s await "
                    "you: KPI Appraisals > My Evaluations to Give.",
                    count=count,
                    name=self.name,
                )
            ),
            "date_deadline": self.date_deadline or self.date_to,
        }

    def _schedule_evaluator_activities(self, evaluators=None, create=True):
        """Create or update each evaluator's to-do; finish those with nothing left.

        ``evaluators``: only these users (default: every evaluator of the
        campaigns); ``create``: schedule a to-do for an evaluator who has none.
        """
        counts = self._pending_evaluation_counts(evaluators)
        activities = self._evaluator_activities(evaluators)
        existing = {(act.res_id, act.user_id.id): act for act in activities}
        campaigns = {campaign.id: campaign for campaign in self}
        users = {
            user.id: user
            for user in self.env["res.users"].browse(
                [user_id for _campaign, user_id in counts]
            )
        }
        vals_list = []
        for (campaign_id, user_id), count in counts.items():
            campaign, user = campaigns[campaign_id], users[user_id]
            vals = campaign._evaluator_activity_texts(user, count)
            activity = existing.get((campaign_id, user_id))
            if activity:
                activity.write(vals)
            elif create:
                vals.update(
                    automated=True,
                    res_model_id=self.env["ir.model"]._get_id(self._name),
                    res_id=campaign_id,
                    activity_type_id=self.env.ref("mail.mail_activity_data_todo").id,
                    user_id=user_id,
                )
                vals_list.append(vals)
        finished = activities.filtered(
            lambda act: (act.res_id, act.user_id.id) not in counts
        )
        finished.action_feedback(feedback=self.env._("All evaluations submitted."))
        return self.env["mail.activity"].sudo().create(vals_list)
