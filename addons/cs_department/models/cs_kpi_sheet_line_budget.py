# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime, time, timedelta

from odoo import models


class CsKpiSheetLine(models.Model):
    _inherit = "cs.kpi.sheet.line"

    def _measure_source_cs_expense_within_budget_rate(self):
        """Share (%) of the expense requests approved in the period, in the
        departments each line's employee manages, that fitted in the remaining
        amounts of their budget line and budget; ``None`` without any.

        One search of the managed departments and one ``_read_group`` per
        campaign.
        """
        result = {}
        lines_sudo = self.sudo()
        departments = (
            self.env["hr.department"]
            .sudo()
            .search([("manager_id", "in", lines_sudo.employee_id.ids)])
        )
        for campaign in lines_sudo.campaign_id:
            lines = lines_sudo.filtered(lambda line, c=campaign: line.campaign_id == c)
            groups = (
                self.env["cs.expense.request"]
                .sudo()
                ._read_group(
                    [
                        ("state", "in", ("approved", "paid")),
                        ("department_id", "in", departments.ids),
                        ("company_id", "=", campaign.company_id.id),
                        (
                            "approved_date",
                            ">=",
                            datetime.combine(campaign.date_from, time.min),
                        ),
                        (
                            "approved_date",
                            "<",
                            datetime.combine(
                                campaign.date_to + timedelta(days=1), time.min
                            ),
                        ),
                    ],
                    ["department_id", "within_budget"],
                    ["__count"],
                )
            )
            counts = {}
            for department, within, count in groups:
                manager = department.manager_id.id
                total, ok = counts.get(manager, (0, 0))
                counts[manager] = (total + count, ok + (count if within else 0))
            for line in lines:
                total, ok = counts.get(line.employee_id.id, (0, 0))
                result[line.id] = ok * 100.0 / total if total else None
        return result
