# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from lxml import etree

from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestHelpdeskZhCn(TransactionCase):
    """cs_department ships the zh_CN of the helpdesk terms its users see
    (helpdesk_mgmt has none) and of the approval banner and buttons
    (base_tier_validation leaves them untranslated), in i18n_extra/zh_CN.po."""

    def test_helpdesk_terms_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["cs_department"], ["zh_CN"])
        zh = self.env(context={"lang": "zh_CN"})
        ref = zh.ref
        self.assertEqual(ref("helpdesk_mgmt.helpdesk_ticket_stage_new").name, "新建")
        self.assertEqual(ref("helpdesk_mgmt.helpdesk_ticket_stage_done").name, "已完成")
        self.assertEqual(
            zh["helpdesk.ticket"]._fields["stage_id"].get_description(zh)["string"],
            "阶段",
        )
        self.assertEqual(ref("helpdesk_mgmt.helpdesk_ticket_main_menu").name, "服务台")
        arch = zh["helpdesk.ticket"].get_view(
            ref("helpdesk_mgmt.ticket_view_form").id, "form"
        )["arch"]
        self.assertIn("分配给我", arch)

    def test_approval_banner_in_chinese(self):
        """A representative opening a change order in Chinese sees the
        approval banner and buttons in Chinese."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["cs_department"], ["zh_CN"])
        rep = new_test_user(
            self.env,
            login="cs_zh_rep",
            groups="cs_department.cs_department_group_representative",
            lang="zh_CN",
        )
        # the web client sends the user's language in the context
        order = self.env["cs.change.order"].with_user(rep).with_context(lang=rep.lang)
        arch = order.get_view(
            self.env.ref("cs_department.cs_change_order_view_form").id, "form"
        )["arch"]
        # base_tier_validation's get_view returns bytes, non-ASCII as entities
        arch = etree.tostring(etree.fromstring(arch), encoding="unicode")
        for chinese in ("申请审批", "重新发起审批", "此记录需要审批。", "批准", "驳回"):
            self.assertIn(chinese, arch)
        for english in ("Request Validation", "This Record needs to be"):
            self.assertNotIn(english, arch)

    def test_ticket_and_work_order_have_distinct_names(self):
        """In Chinese a ticket is 受理单 and a work order 工单 (GLOSSARY.md):
        the work order's ticket field, the helpdesk's ticket model and the
        engineer's escalations menu never call a ticket 工单."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["cs_department"], ["zh_CN"])
        zh = self.env(context={"lang": "zh_CN"})
        orders = zh["cs.work.order"]
        self.assertIn(
            "工单", zh["ir.model"]._get("cs.work.order").with_context(lang="zh_CN").name
        )
        ticket_label = orders._fields["ticket_id"].get_description(zh)["string"]
        self.assertIn("受理单", ticket_label)
        self.assertNotIn("工单", ticket_label)
        ticket_model = zh["ir.model"]._get("helpdesk.ticket").with_context(lang="zh_CN")
        self.assertIn("受理单", ticket_model.name)
        menu = zh.ref("cs_department.cs_ticket_escalation_menu_mine")
        self.assertEqual(menu.name, "我的转交受理单")
