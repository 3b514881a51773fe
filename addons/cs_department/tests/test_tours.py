# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestTours(HttpCase):
    """Each role's day in the web client, as the demo user of the role (demo
    users' passwords are their logins). Tours live in static/tests/tours/."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        ref = cls.env.ref
        cls.rep1 = ref("cs_department.res_users_cs_rep1_demo")
        cls.engineer = ref("cs_department.res_users_cs_engineer_demo")
        cls.supervisor = ref("cs_department.res_users_cs_supervisor_demo")
        cls.manager = ref("cs_department.res_users_cs_manager_demo")
        cls.team = ref("cs_department.helpdesk_ticket_team_cs_demo")

    def _complaint(self, name, partner, user):
        return self.env["helpdesk.ticket"].create(
            {
                "name": name,
                "description": "<p>Tour complaint</p>",
                "team_id": self.team.id,
                "user_id": user.id,
                "partner_id": partner.id,
                "cs_request_kind": "complaint",
                "cs_complaint_reason": "line_quality",
            }
        )

    def test_tour_representative(self):
        """Complaint created and escalated to the engineer."""
        self.start_tour(
            "/odoo",
            "cs_department_tour_representative",
            login="cs_rep1",
        )
        ticket = self.env["helpdesk.ticket"].search(
            [("name", "=", "Tour: no dial tone since the storm")]
        )
        self.assertEqual(ticket.user_id, self.engineer)
        self.assertTrue(ticket.cs_escalated)

    def test_tour_business_change(self):
        """Business-change ticket to a change order, verified with the customer."""
        ticket = self.env.ref("cs_department.helpdesk_ticket_cs_change_order_demo")
        self.start_tour(
            "/odoo",
            "cs_department_tour_business_change",
            login="cs_rep2",
        )
        order = self.env["cs.change.order"].search(
            [("ticket_id", "=", ticket.id), ("state", "=", "verified")]
        )
        self.assertEqual(order.line_ids.new_value, "0755-86001234")

    def test_tour_engineer(self):
        """The engineer finds the escalation in his app and returns it."""
        ticket = self._complaint(
            "Tour escalated line",
            self.env.ref("cs_department.res_partner_cs_customer_logistics_demo"),
            self.rep1,
        )
        wizard = (
            self.env["cs.ticket.escalate"]
            .with_user(self.rep1)
            .create(
                {
                    "ticket_id": ticket.id,
                    "engineer_id": self.engineer.id,
                    "reason": "Line test on site",
                }
            )
        )
        escalation = wizard.action_escalate()
        self.assertTrue(escalation.activity_id.date_deadline)
        self.start_tour("/odoo", "cs_department_tour_engineer", login="cs_engineer")
        self.assertEqual(escalation.state, "returned")
        self.assertEqual(ticket.user_id, self.rep1)
        self.assertIn(
            "Replaced the damaged drop cable",
            "".join(ticket.message_ids.mapped("body")),
        )

    def test_tour_supervisor(self):
        """Tier validated (approving the order), follow-up scored, report read."""
        order = self.env.ref("cs_department.cs_change_order_expedited_late_demo")
        self.assertEqual(order.state, "verified")
        partner = self.env["res.partner"].create({"name": "Tour follow-up customer"})
        callback = self.env["cs.callback"].create(
            {
                "partner_id": partner.id,
                "reason": "complaint_followup",
                "scheduled_date": fields.Date.today(),
                "user_id": self.supervisor.id,
            }
        )
        self.start_tour(
            "/odoo",
            "cs_department_tour_supervisor",
            login="cs_supervisor",
        )
        self.assertEqual(order.state, "approved")
        self.assertEqual(callback.state, "done")
        self.assertEqual(callback.satisfaction, 90)

    def test_tour_manager(self):
        """Key-customer visit recorded, complaint closed, job description printed."""
        ticket = self._complaint(
            "Tour key customer complaint",
            self.env.ref("cs_department.res_partner_cs_key_customer_demo"),
            self.manager,
        )
        self.start_tour(
            "/odoo",
            "cs_department_tour_manager",
            login="cs_manager",
        )
        self.assertTrue(ticket.closed)
        self.assertEqual(ticket.cs_visit_ids.user_id, self.manager)

    def test_tour_hr(self):
        """Campaign created, sheets generated, opened, scored, closed, exported,
        by an HR officer who also manages the users (an administrator: the
        first export of an administrator used to open the layout wizard)."""
        new_test_user(
            self.env,
            login="cs_tour_hr",
            password="cs_tour_hr",
            name="Tour HR Officer",
            tz="Asia/Shanghai",
            groups="base.group_user,base.group_erp_manager,cs_kpi.cs_kpi_group_hr_admin",
            # HR lands on the appraisal campaigns
            action_id=self.env.ref("cs_kpi.cs_kpi_campaign_action").id,
        )
        self.env.company.external_report_layout_id = False
        self.start_tour(
            "/odoo",
            "cs_department_tour_hr",
            login="cs_tour_hr",
        )
        campaign = self.env["cs.kpi.campaign"].search(
            [("name", "=", "Tour 2026 Q3 managers")]
        )
        self.assertEqual(campaign.state, "done")
        self.assertEqual(str(campaign.date_from), "2026-07-01")
        self.assertIn(88, campaign.sheet_ids.line_ids.mapped("score"))

    def test_tour_finance(self):
        """Finance validates a request past the manager's tier, then pays it."""
        request = self.env.ref("cs_department.cs_expense_request_server_demo")
        line = request.budget_line_id
        self.assertEqual(request.state, "to_approve")
        self.assertTrue(request.cs_needs_finance)
        request.with_user(self.manager).validate_tier()
        self.assertEqual(request.state, "to_approve")
        spent = line.spent_amount
        self.start_tour("/odoo", "cs_department_tour_finance", login="cs_finance")
        self.assertEqual(request.state, "paid")
        self.assertEqual(request.approval_level, "finance")
        self.assertEqual(request.paid_amount, 18000)
        self.assertEqual(request.payment_reference, "TRF-TOUR-1")
        self.assertEqual(line.spent_amount, spent + 18000)

    def test_tour_work_order(self):
        """The engineer closes his repair once its transfers are validated."""
        order = self.env.ref("cs_department.cs_work_order_in_progress_demo")
        self.assertEqual(order.state, "in_progress")
        stock_user = new_test_user(
            self.env, login="cs_tour_stock", groups="stock.group_stock_user"
        )
        pickings = order.sudo().picking_ids.with_user(stock_user)
        for move in pickings.move_ids:
            move.quantity = move.product_uom_qty
        pickings.move_ids.picked = True
        self.assertIs(pickings.button_validate(), True)
        self.assertEqual(set(pickings.mapped("state")), {"done"})
        self.start_tour(
            "/odoo",
            "cs_department_tour_work_order",
            login="cs_engineer",
        )
        self.assertEqual(order.state, "done")
        self.assertTrue(order.done_date)

    def test_tour_chinese_names(self):
        """In Chinese, the work-order form names the work order 工单 and its
        ticket 受理单 (GLOSSARY.md)."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["cs_department"], ["zh_CN"])
        self.engineer.lang = "zh_CN"
        order = self.env.ref("cs_department.cs_work_order_in_progress_demo")
        self.assertTrue(order.ticket_id)
        self.start_tour(
            "/odoo",
            "cs_department_tour_zh_names",
            login="cs_engineer",
        )

    def test_tour_dashboard(self):
        """The General Manager lands on the dashboard and opens the current
        month's complaints from their figure."""
        gm = self.env.ref("cs_department.res_users_cs_general_manager_demo")
        self.assertEqual(
            gm.action_id.id,
            self.env.ref("cs_department.cs_department_dashboard_action").id,
        )
        self._complaint(
            "Tour: dashboard complaint",
            self.env.ref("cs_department.res_partner_cs_customer_logistics_demo"),
            self.rep1,
        )
        self.start_tour("/odoo", "cs_department_tour_dashboard", login="cs_gm")

    def test_tour_explain(self):
        """The first representative explains the satisfaction of his published
        sheet and lands on his rated tickets and the callbacks of the quarter
        it was measured from (the demo's satisfaction mixes both)."""
        sheet = self.env.ref("cs_department.cs_kpi_sheet_2025_q4_rep1_demo")
        line = sheet.line_ids.filtered(
            lambda ln: ln.source == "cs_callback_satisfaction"
        )
        self.assertTrue(sheet.published and line.is_measured)
        self.start_tour(
            "/odoo/action-cs_kpi.cs_kpi_sheet_action",
            "cs_kpi_explain_tour",
            login="cs_rep1",
        )
        model, domain, __ = line._explain()[line.id]
        self.assertEqual(model, "cs.customer.feedback")
        feedback = self.env[model].with_user(self.rep1).search(domain)
        self.assertEqual(set(feedback.mapped("kind")), {"callback", "rating"})
        self.assertEqual(feedback.representative_id, self.rep1)
