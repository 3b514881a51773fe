# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestHelpdeskZhCn(TransactionCase):
    """cs_department ships the zh_CN of the helpdesk terms its users see
    (helpdesk_mgmt has none), in i18n_extra/zh_CN.po."""

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
