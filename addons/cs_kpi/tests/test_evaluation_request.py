# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .common import KpiCommon


@tagged("post_install", "-at_install")
class TestEvaluationRequest(KpiCommon):
    """HR requests evaluations on a campaign; evaluators give them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # like the shipped templates: no evaluator named on the template line
        cls.template.line_ids.evaluator_ids = False
        cls.gm_user = new_test_user(
            cls.env, login="kpi_gm", groups="cs_kpi.cs_kpi_group_employee"
        )
        cls.campaign = cls._new_campaign()
        cls.campaign.action_generate_sheets()
        cls.campaign.action_open()
        cls.eval_lines = cls.campaign.sheet_ids.line_ids.filtered(
            lambda line: line.indicator_id == cls.ind_eval
        )

    def _request(self, evaluators, user=None, campaign=None, context=None, **vals):
        campaign = campaign or self.campaign
        wizard = Form(
            self.env["cs.kpi.evaluation.request"]
            .with_user(user or self.hr_officer)
            .with_context(**{"default_campaign_id": campaign.id, **(context or {})})
        )
        for name, value in vals.items():
            if name in ("department_ids", "job_ids"):
                for record in value:
                    getattr(wizard, name).add(record)
            else:
                setattr(wizard, name, value)
        for evaluator in evaluators:
            wizard.evaluator_ids.add(evaluator)
        return wizard.save().action_request()

    def _evaluations(self, campaign=None):
        return self.env["cs.kpi.evaluation"].search(
            [("campaign_id", "=", (campaign or self.campaign).id)]
        )

    def _todos(self, user):
        return self.campaign.activity_ids.filtered(lambda act: act.user_id == user)

    def test_request_is_idempotent_with_one_todo_per_evaluator(self):
        """One evaluation per line and evaluator, once; one to-do per evaluator."""
        self.assertFalse(self._evaluations())
        self._request(
            self.evaluator_user | self.gm_user,
            indicator_id=self.ind_eval,
            evaluator_department="Sales",
        )
        evaluations = self._evaluations()
        self.assertEqual(len(self.eval_lines), 4)
        self.assertEqual(len(evaluations), 8)
        self.assertEqual(evaluations.line_id, self.eval_lines)
        self.assertEqual(set(evaluations.mapped("evaluator_department")), {"Sales"})
        todo = self._todos(self.gm_user)
        self.assertEqual(len(todo), 1)
        self.assertEqual(todo.date_deadline, self.campaign.date_deadline)
        self.assertIn("4", todo.summary)
        self.assertIn(
            "8 evaluations requested",
            "".join(self.campaign.message_ids.mapped("body")),
        )
        # again, with one more evaluator: only his evaluations are added
        self._request(self.evaluator_user | self.gm_user | self.outsider_user)
        evaluations = self._evaluations()
        self.assertEqual(len(evaluations), 11)  # the outsider skips his own sheet
        mine = evaluations.filtered(lambda e: e.evaluator_id == self.outsider_user)
        self.assertNotIn(self.outsider, mine.employee_id)
        self.assertEqual(len(self._todos(self.gm_user)), 1)
        self.assertEqual(len(self._todos(self.outsider_user)), 1)

    def test_evaluators_give_their_scores(self):
        """Evaluators find their evaluations, score them, the line takes the mean."""
        self._request(self.evaluator_user | self.gm_user)
        action = self.env.ref("cs_kpi.cs_kpi_evaluation_action_mine")
        self.assertIn("uid", action.domain)
        Evaluation = self.env["cs.kpi.evaluation"].with_user(self.gm_user)
        mine = Evaluation.search([("evaluator_id", "=", self.gm_user.id)])
        self.assertEqual(len(mine), 4)
        self.assertEqual(Evaluation.search([]), mine)  # nobody else's
        line = self.eval_lines.filtered(lambda li: li.employee_id == self.lead)
        for user, score in ((self.gm_user, 70), (self.evaluator_user, 90)):
            evaluation = line.evaluation_ids.filtered(
                lambda e, u=user: e.evaluator_id == u
            ).with_user(user)
            evaluation.write({"score": score, "comment": "Helpful"})
            evaluation.action_submit()
        self.assertEqual(line.score, 80.0)
        self.assertIn("3", self._todos(self.gm_user).summary)  # 3 left to give
        for evaluation in (mine - line.evaluation_ids).with_user(self.gm_user):
            evaluation.score = 60
            evaluation.action_submit()
        self.assertFalse(self._todos(self.gm_user))  # all given: to-do done
        self.assertEqual(len(self._todos(self.evaluator_user)), 1)

    def test_scope_by_job_and_single_line(self):
        """Departments/jobs narrow the sheets; a line button narrows to one line."""
        self._request(self.gm_user, job_ids=self.job_boss)
        self.assertEqual(self._evaluations().employee_id, self.boss)
        line = self.eval_lines.filtered(lambda li: li.employee_id == self.deep)
        action = line.with_user(self.hr_officer).action_request_evaluations()
        self._request(self.evaluator_user, context=action["context"])
        added = self._evaluations().filtered(
            lambda e: e.evaluator_id == self.evaluator_user
        )
        self.assertEqual(added.line_id, line)

    def test_refusals_change_nothing(self):
        """No evaluator, no KPI access, a manager, a closed campaign: refused."""
        with self.assertRaises(UserError):
            self._request(self.env["res.users"])
        outside = new_test_user(self.env, login="kpi_no_kpi", groups="base.group_user")
        with self.assertRaises(UserError):
            self._request(outside)
        with self.assertRaises(AccessError):
            self._request(self.gm_user, user=self.boss_user)
        self.assertFalse(self._evaluations())
        self.campaign.action_cancel()
        with self.assertRaises(UserError):
            self._request(self.gm_user)
        closed = self._new_campaign(name="Closed", period_number=2)
        closed.action_generate_sheets()
        closed.action_open()
        closed.with_user(self.hr_officer)._close(force_reason="Test")
        self.assertEqual(closed.state, "done")
        with self.assertRaises(UserError):
            self._request(self.gm_user, campaign=closed)
        self.assertFalse(self._evaluations(closed))

    def test_form_shows_only_the_campaign_choices(self):
        """The wizard offers the campaign's evaluation indicators and scope."""
        wizard = Form(
            self.env["cs.kpi.evaluation.request"]
            .with_user(self.hr_officer)
            .with_context(default_campaign_id=self.campaign.id)
        )
        self.assertEqual(wizard.available_indicator_ids[:], self.ind_eval)
        self.assertEqual(wizard.available_department_ids[:], self.service)
        self.assertEqual(wizard.available_job_ids[:], self.job_boss | self.job_agent)
        self.assertEqual(wizard.line_count, 4)
        wizard.department_ids.add(self.sales)
        self.assertEqual(wizard.line_count, 0)

    def test_campaign_sheet_list_opens_the_sheet_form(self):
        """The campaign's sheet list has an open-form column and the form a button."""
        arch = self.campaign.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn('open_form_view="1"', arch)
        self.assertIn("action_open_request_evaluations", arch)
        campaign = self.campaign.with_user(self.hr_officer)
        action = campaign.action_open_request_evaluations()
        self.assertEqual(action["res_model"], "cs.kpi.evaluation.request")
        self.assertEqual(action["context"], {"default_campaign_id": self.campaign.id})
