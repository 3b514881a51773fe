# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon

GROUP = "cs_department.cs_department_group_%s"


class CsReportsCommon(BaseCommon):
    """A department of its own company (no demo data in its figures): a
    manager, two supervisors, three representatives, a General Manager who
    receives the reports, a team and customers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "CS Reports Test Co"})
        cls.company.partner_id.tz = "Asia/Shanghai"
        cls.company.cs_satisfaction_threshold = 80

        def user(login, group):
            return new_test_user(
                cls.env,
                login=login,
                groups=group,
                tz="Asia/Shanghai",
                company_id=cls.company.id,
                company_ids=[Command.set(cls.company.ids)],
            )

        cls.manager = user("cs_r_mgr", GROUP % "manager")
        cls.supervisor = user("cs_r_sup", GROUP % "supervisor")
        cls.supervisor2 = user("cs_r_sup2", GROUP % "supervisor")
        cls.reps = [user(f"cs_r_rep{i}", GROUP % "representative") for i in range(3)]
        cls.rep = cls.reps[0]
        cls.gm = user("cs_r_gm", "base.group_user")
        cls.company.cs_report_recipient_id = cls.gm
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "CS Reports Team",
                "company_id": cls.company.id,
                "user_id": cls.supervisor.id,
                "user_ids": [Command.set([u.id for u in cls.reps])],
            }
        )
        cls.customers = cls.env["res.partner"].create(
            [{"name": f"CS Reports Customer {i}", "is_company": True} for i in range(3)]
        )
