# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import functools

from freezegun import freeze_time

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon

GROUP = "cs_department.cs_department_group_%s"
#: Just before and just after midnight in Asia/Shanghai (UTC+8), the time zone
#: of the test and demo users.
MIDNIGHT_SIDES = ("2026-03-10 15:30:00", "2026-03-10 16:30:00")


def on_both_sides_of_midnight(test):
    """Run ``test`` with the clock frozen at each of ``MIDNIGHT_SIDES``, each
    run rolled back, so that it never depends on the hour it runs at."""

    @functools.wraps(test)
    def wrapper(self):
        for moment in MIDNIGHT_SIDES:
            with self.subTest(moment=moment), freeze_time(moment):
                savepoint = self.env.cr.savepoint()
                try:
                    test(self)
                finally:
                    savepoint.close(rollback=True)
                    self.env.invalidate_all()

    return wrapper


class CsDepartmentCommon(BaseCommon):
    """Users of every CS role, a CS helpdesk team, customers and stages."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        user_vals = {"tz": "Asia/Shanghai"}
        cls.representative = new_test_user(
            cls.env, login="cs_t_rep", groups=GROUP % "representative", **user_vals
        )
        cls.colleague = new_test_user(
            cls.env, login="cs_t_rep_col", groups=GROUP % "representative", **user_vals
        )
        cls.representative_other = new_test_user(
            cls.env, login="cs_t_rep_other", groups=GROUP % "representative"
        )
        cls.supervisor = new_test_user(
            cls.env, login="cs_t_sup", groups=GROUP % "supervisor", **user_vals
        )
        cls.manager = new_test_user(
            cls.env, login="cs_t_mgr", groups=GROUP % "manager", **user_vals
        )
        cls.engineer = new_test_user(
            cls.env, login="cs_t_eng", groups=GROUP % "engineer", **user_vals
        )
        cls.engineer_other = new_test_user(
            cls.env, login="cs_t_eng_other", groups=GROUP % "engineer"
        )
        cls.finance = new_test_user(cls.env, login="cs_t_fin", groups=GROUP % "finance")
        cls.employee = new_test_user(
            cls.env, login="cs_t_emp", groups="base.group_user"
        )
        team_model = cls.env["helpdesk.ticket.team"]
        cls.team = team_model.create(
            {
                "name": "CS Test Team",
                "user_id": cls.supervisor.id,
                "user_ids": [
                    Command.set(
                        [cls.representative.id, cls.colleague.id, cls.supervisor.id]
                    )
                ],
            }
        )
        cls.team_other = team_model.create(
            {
                "name": "CS Other Team",
                "user_ids": [Command.set([cls.representative_other.id])],
            }
        )
        partner_model = cls.env["res.partner"]
        cls.customer = partner_model.create(
            {"name": "CS Test Customer", "is_company": True}
        )
        cls.key_customer = partner_model.create(
            {"name": "CS Key Customer", "is_company": True, "cs_key_customer": True}
        )
        cls.key_contact = partner_model.create(
            {"name": "Key Contact", "parent_id": cls.key_customer.id}
        )
        cls.stage_new = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
        cls.stage_progress = cls.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_stage_in_progress"
        )
        cls.stage_done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        cls.category_complaint = cls.env.ref(
            "cs_department.helpdesk_ticket_category_complaint"
        )
        cls.category_consultation = cls.env.ref(
            "cs_department.helpdesk_ticket_category_consultation"
        )
        cls.company.write(
            {"cs_callback_delay_days": 3, "cs_satisfaction_threshold": 80}
        )
        # Dates are taken in the users' or the company's time zone, never UTC.
        cls.company.partner_id.tz = "Asia/Shanghai"

    @classmethod
    def _create_ticket(cls, kind="consultation", partner=None, user=None, team=None):
        """Ticket of the test team, assigned to the representative by default."""
        return cls.env["helpdesk.ticket"].create(
            {
                "name": f"Test {kind}",
                "description": "Test request",
                "team_id": (team or cls.team).id,
                "user_id": (user or cls.representative).id,
                "partner_id": (partner or cls.customer).id,
                "cs_request_kind": kind,
                "stage_id": cls.stage_progress.id,
            }
        )

    def _open_q1_campaign(self, name, compute=True):
        """A Q1 2026 campaign of ``self.job`` created by ``self.hr_officer``,
        its sheets generated and opened, then computed unless ``compute`` is
        false."""
        campaign = (
            self.env["cs.kpi.campaign"]
            .with_user(self.hr_officer)
            .create(
                {
                    "name": name,
                    "period_type": "quarter",
                    "year": 2026,
                    "period_number": 1,
                    "job_ids": [Command.set(self.job.ids)],
                }
            )
        )
        campaign.action_generate_sheets()
        campaign.action_open()
        if compute:
            campaign.action_compute()
        return campaign


def assert_explains(test, lines, recompute):
    """Check the explanation of each of ``lines`` (``_explain``) against its
    actual: ``recompute(records, line)`` computes, from the records the
    explanation lists (read as superuser), the figure (``None``: unmeasured),
    which must be the line's actual. At least one line must have records,
    and a measured line's sentence starts with its actual."""
    explanations = lines._explain()
    listed = 0
    for line in lines:
        model, domain, sentence = explanations[line.id]
        records = line.env[model].sudo().search(domain)
        listed += len(records)
        value = recompute(records, line)
        if line.is_measured:
            test.assertIsNotNone(value, sentence)
            test.assertAlmostEqual(value, line.actual, places=2, msg=sentence)
            test.assertTrue(
                sentence.startswith(line._explain_number(line.actual)), sentence
            )
        else:
            test.assertIsNone(value, sentence)
    test.assertTrue(listed, "no line lists any record")
    return explanations


def mean(values):
    """The mean of ``values``, ``None`` without any."""
    values = list(values)
    return sum(values) / len(values) if values else None


def share(records, good):
    """The share (%) of ``records`` that ``good`` holds for, ``None`` without
    any."""
    return 100.0 * len(records.filtered(good)) / len(records) if records else None
