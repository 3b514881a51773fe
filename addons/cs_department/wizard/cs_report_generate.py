# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo import api, fields, models

from ..tools.report_period import PERIOD_TYPES, period_bounds


class CsReportGenerate(models.TransientModel):
    """Generate the periodic report of a period for a team or the department."""

    _name = "cs.report.generate"
    _description = "Generate a Periodic Report"

    period_type = fields.Selection(
        selection=PERIOD_TYPES, string="Kind", required=True, default="month"
    )
    reference_date = fields.Date(
        string="Any Day of the Period",
        compute="_compute_reference_date",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
        help="By default the last day of the last complete period of the kind "
        "chosen: a report is usually generated once its period is over.",
    )
    date_from = fields.Date(
        string="Period Start", compute="_compute_period", store=True
    )
    date_to = fields.Date(string="Period End", compute="_compute_period", store=True)
    team_id = fields.Many2one(
        comodel_name="helpdesk.ticket.team",
        help="Leave empty for the whole department.",
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
    )

    @api.depends("period_type")
    def _compute_reference_date(self):
        today = fields.Date.context_today(self)
        for wizard in self:
            if wizard.period_type:
                start, _end = period_bounds(wizard.period_type, today)
                wizard.reference_date = start - timedelta(days=1)
            else:
                wizard.reference_date = today

    @api.depends("period_type", "reference_date")
    def _compute_period(self):
        for wizard in self:
            if wizard.period_type and wizard.reference_date:
                wizard.date_from, wizard.date_to = period_bounds(
                    wizard.period_type, wizard.reference_date
                )
            else:
                wizard.date_from = wizard.date_to = False

    def _cs_report_data(self):
        self.ensure_one()
        return {
            "period_type": self.period_type,
            "date_from": fields.Date.to_string(self.date_from),
            "date_to": fields.Date.to_string(self.date_to),
            "team_id": self.team_id.id,
            "company_id": self.company_id.id,
        }

    def action_generate(self):
        self.ensure_one()
        report = self.env.ref("cs_department.cs_service_report_xlsx")
        return report.report_action([], data=self._cs_report_data())
