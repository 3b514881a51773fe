# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools import validate
from ..tools.access import HR_OFFICER, is_kpi_hr
from ..tools.actions import notification
from ..tools.periods import PERIOD_MONTHS, numbered_period
from .cs_kpi_template import PERIOD_TYPES

#: Default scoring deadline: days after the end of the period.
DEADLINE_DAYS = 15


class CsKpiCampaign(models.Model):
    _name = "cs.kpi.campaign"
    _description = "KPI Appraisal Campaign"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "cs.guard.mixin",
    ]
    _order = "date_from desc, id desc"
    _check_company_auto = True
    # cs.guard.mixin: the period and scope (cs_draft fields) are set while
    # in draft; a closed campaign keeps everything but its note and responsible.
    _cs_closed_states = ("done",)
    _cs_closed_free_fields = ("note", "user_id")
    _cs_unlink_states = ("draft", "cancel")

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
        cs_draft=True,
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
    )
    period_type = fields.Selection(
        selection=PERIOD_TYPES,
        required=True,
        default="quarter",
        tracking=True,
        cs_draft=True,
    )
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        cs_draft=True,
    )
    period_number = fields.Integer(
        string="Period",
        required=True,
        default=1,
        help="Quarter 1-4 or half-year 1-2 of the year; ignored for a year.",
        cs_draft=True,
    )
    date_from = fields.Date(
        compute="_compute_dates",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
        cs_draft=True,
    )
    date_to = fields.Date(
        compute="_compute_dates",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
        cs_draft=True,
    )
    date_deadline = fields.Date(
        string="Scoring deadline",
        compute="_compute_date_deadline",
        store=True,
        readonly=False,
        precompute=True,
        help="Due date of the managers' and evaluators' to-do activities.",
    )
    department_ids = fields.Many2many(
        comodel_name="hr.department",
        string="Departments",
        check_company=True,
        cs_draft=True,
        help="Empty: every department (sub-departments included).",
    )
    job_ids = fields.Many2many(
        comodel_name="hr.job",
        string="Jobs",
        check_company=True,
        cs_draft=True,
        help="Empty: every job.",
    )
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("open", "Scoring"),
            ("review", "Review"),
            ("done", "Closed"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        cs_step=True,
    )
    sheet_ids = fields.One2many(
        comodel_name="cs.kpi.sheet", inverse_name="campaign_id", string="Sheets"
    )
    sheet_count = fields.Integer(
        string="Number of sheets", compute="_compute_sheet_count"
    )
    unpublished_count = fields.Integer(
        string="Unpublished sheets", compute="_compute_sheet_count"
    )
    missing_employee_ids = fields.Many2many(
        comodel_name="hr.employee",
        relation="cs_kpi_campaign_missing_employee_rel",
        string="Employees without template",
        readonly=True,
        groups=HR_OFFICER,
        cs_step=True,
        help="Employees in scope whose job has no active template of this period "
        "type; give their job a template and generate again.",
    )
    pass_rate = fields.Float(
        string="Pass rate (%)",
        readonly=True,
        groups=HR_OFFICER,
        digits=(16, 2),
        aggregator="avg",
        cs_step=True,
        help="Share of sheets whose total reaches the template's pass mark.",
    )
    average_score = fields.Float(
        readonly=True,
        digits=(16, 2),
        aggregator="avg",
        groups=HR_OFFICER,
        cs_step=True,
    )
    forced_close = fields.Boolean(
        readonly=True, tracking=True, groups=HR_OFFICER, cs_step=True
    )
    force_reason = fields.Text(
        readonly=True, tracking=True, groups=HR_OFFICER, cs_step=True
    )
    note = fields.Html()

    _sql_constraints = [
        (
            "statistics_range",
            (
                "CHECK(pass_rate >= 0 AND pass_rate <= 100 "
                "AND average_score >= 0 AND average_score <= 100)"
            ),
            "The pass rate and the average score are between 0 and 100.",
        ),
        (
            "dates_order",
            "CHECK(date_from <= date_to)",
            "A campaign cannot end before it starts.",
        ),
        (
            "deadline_order",
            "CHECK(date_deadline IS NULL OR date_deadline >= date_from)",
            "The scoring deadline cannot be before the period starts.",
        ),
    ]

    def _cs_tz(self):
        """Time zone of the campaign's days: its responsible's, else its
        company's (``res.company._cs_tz``, the suite's one fall-back).

        Whoever runs the computation, the same period selects the same records.
        """
        self.ensure_one()
        return pytz.timezone(self.user_id.tz or self.company_id._cs_tz())

    def _period_datetimes(self):
        """``(start, stop)``: the period as naive UTC datetimes, ``stop`` excluded.

        A period runs from midnight of its first day to midnight after its
        last day in the campaign's time zone (``_cs_tz``), not in UTC: use it
        to select datetimes (``>= start``, ``< stop``) inside the period.
        """
        self.ensure_one()
        tz = self._cs_tz().zone
        company = self.company_id
        return (
            company._cs_day_start_utc(self.date_from, tz),
            company._cs_day_start_utc(self.date_to + timedelta(days=1), tz),
        )

    @api.depends("period_type", "year", "period_number")
    def _compute_dates(self):
        for campaign in self:
            if not campaign.year or campaign.period_type not in PERIOD_MONTHS:
                continue
            try:
                campaign.date_from, campaign.date_to = numbered_period(
                    campaign.period_type, campaign.year, campaign.period_number
                )
            except ValueError:
                continue  # refused where typed (onchange) and by _check_period

    @api.depends("date_to")
    def _compute_date_deadline(self):
        """15 days after the period ends, whether the end comes from the period
        chosen or is sent as such (an integrator creating a campaign with its
        own dates): never the deadline of another period."""
        for campaign in self:
            campaign.date_deadline = campaign.date_to and (
                campaign.date_to + timedelta(days=DEADLINE_DAYS)
            )

    def _compute_sheet_count(self):
        counts = {}
        for campaign, published, count in self.env["cs.kpi.sheet"]._read_group(
            [("campaign_id", "in", self.ids)], ["campaign_id", "published"], ["__count"]
        ):
            total, unpublished = counts.get(campaign, (0, 0))
            counts[campaign] = (
                total + count,
                unpublished + (0 if published else count),
            )
        for campaign in self:
            campaign.sheet_count, campaign.unpublished_count = counts.get(
                campaign, (0, 0)
            )

    @api.onchange("period_type", "period_number")
    def _onchange_period_number(self):
        """Refuse a period number out of range where it is typed, instead of
        leaving the dates of the previous period on the form."""
        months = PERIOD_MONTHS.get(self.period_type, 3)
        if self.period_type == "year" or 1 <= self.period_number <= 12 // months:
            return None
        previous = self._origin.period_number
        self.period_number = previous if 1 <= previous <= 12 // months else 1
        return {
            "warning": {
                "title": self.env._("Invalid period"),
                "message": self.env._(
                    "A quarter is numbered 1 to 4 and a half-year 1 to 2."
                ),
            }
        }

    @api.constrains("name")
    def _check_name_length(self):
        error = validate.record_text_error(self, ["name"])
        if error:
            raise ValidationError(error)

    @api.constrains("period_type", "period_number", "date_from", "date_to")
    def _check_period(self):
        for campaign in self:
            months = PERIOD_MONTHS[campaign.period_type]
            if campaign.period_type != "year" and not (
                1 <= campaign.period_number <= 12 // months
            ):
                raise ValidationError(
                    self.env._("A quarter is numbered 1 to 4 and a half-year 1 to 2.")
                )

    def _check_state(self, allowed, action):
        """Refuse ``action`` outside the ``allowed`` states, and to anyone but HR.

        Every workflow step goes through here: being public, they can be
        called over RPC by any user who can read the campaign.
        """
        if not is_kpi_hr(self.env):
            raise AccessError(
                self.env._("Only HR officers run the steps of an appraisal campaign.")
            )
        self._cs_check_state(allowed, action)

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def action_generate_sheets(self):
        """Create the missing sheets; existing sheets are never touched."""
        self._check_state(("draft", "open"), self.env._("Generating sheets"))
        created = self.env["cs.kpi.sheet"]
        for campaign in self:
            created |= campaign._generate_sheets()
        self.invalidate_recordset(["sheet_count", "unpublished_count"])
        missing = len(self.sudo().missing_employee_ids)
        message = self.env._(
            "%(created)s appraisal sheets generated, %(total)s in all.",
            created=len(created),
            total=sum(self.mapped("sheet_count")),
        )
        if missing:
            message += " " + self.env._(
                "%(missing)s employees in scope have no template for this period: "
                "see Employees without template.",
                missing=missing,
            )
        return self._cs_notify(message, "warning" if missing else "success")

    def _cs_notify(self, message, kind="success"):
        """A step's summary as a notification, then the form reloaded: what a
        click did is said at once (the RPC caller gets the same dict)."""
        return notification(message, kind)

    def action_open(self):
        self._check_state(("draft",), self.env._("Opening"))
        for campaign in self:
            if not campaign.sheet_ids:
                raise UserError(
                    self.env._(
                        "Generate the sheets of campaign %(name)s before opening it.",
                        name=campaign.name,
                    )
                )
        self.sudo().write({"state": "open"})
        self.sheet_ids._write_logged(
            {"state": "open"}, self.env._("Campaign opened: scoring starts.")
        )
        self._schedule_activities()
        return True

    def action_compute(self):
        """Measure the computed KPIs and aggregate the evaluations."""
        self._check_state(("open", "review"), self.env._("Computing"))
        lines = self.env["cs.kpi.sheet.line"].search(
            [
                ("campaign_id", "in", self.ids),
                ("measure_type", "in", ("computed", "evaluation")),
            ]
        )
        lines._measure()
        lines._aggregate_evaluations()
        self._update_statistics()
        unmeasured = lines.filtered(lambda line: not line.is_measured)
        message = self.env._(
            "%(measured)s lines measured, %(unmeasured)s not measurable (no data "
            "or no evaluation yet in the period).",
            measured=len(lines) - len(unmeasured),
            unmeasured=len(unmeasured),
        )
        return self._cs_notify(message, "warning" if unmeasured else "success")

    def action_review(self):
        self._check_state(("open",), self.env._("Moving to review"))
        self.action_compute()
        self.sudo().write({"state": "review"})
        self.sheet_ids._write_logged(
            {"state": "review"}, self.env._("Campaign moved to review.")
        )
        return True

    def action_close(self):
        """Close the campaign: refused while manual lines are unscored."""
        return self._close()

    def _close(self, force_reason=None):
        self._check_state(("open", "review"), self.env._("Closing"))
        self.action_compute()
        unscored = self._unscored_summary()
        if unscored and not force_reason:
            raise UserError(
                self.env._(
                    "%(lines)s KPI lines and %(items)s ability/attitude items are not "
                    "scored yet (sheets: %(sheets)s). Score them, or let HR "
                    "force the closing with a reason; unscored items then count 0.",
                    lines=unscored["lines"],
                    items=unscored["items"],
                    sheets=unscored["sheets"],
                )
            )
        sheets = self.sheet_ids
        # closed first: unrated items then count 0 in the totals ranked below
        sheets.filtered(lambda sheet: sheet.state != "done")._write_logged(
            {"state": "done"}, self.env._("Campaign closed: the sheet is locked.")
        )
        self._compute_ranks()
        self._update_statistics()
        sheets.activity_unlink(["mail.mail_activity_data_todo"])
        # searched, not read through sheets.evaluation_ids: one query, not one per sheet
        self.env["cs.kpi.evaluation"].search(
            [("campaign_id", "in", self.ids)]
        ).activity_unlink(["mail.mail_activity_data_todo"])
        self._evaluator_activities().unlink()
        vals = {"state": "done"}
        if unscored:
            vals.update(forced_close=True, force_reason=force_reason)
        self.sudo().write(vals)
        return True

    def action_publish(self):
        self._check_state(("review", "done"), self.env._("Publishing the sheets"))
        self.sheet_ids.filtered(lambda sheet: not sheet.published)._write_logged(
            {"published": True}, self.env._("Published to the employee.")
        )
        return True

    def action_cancel(self):
        self._check_state(("draft", "open", "review"), self.env._("Cancelling"))
        self.sudo().write({"state": "cancel"})
        self.sheet_ids._write_logged(
            {"state": "cancel"}, self.env._("Campaign cancelled.")
        )
        return True

    def action_draft(self):
        self._check_state(("cancel",), self.env._("Resetting to draft"))
        self.sudo().write({"state": "draft"})
        self.sheet_ids._write_logged(
            {"state": "draft"}, self.env._("Campaign reset to draft.")
        )
        return True

    def action_view_sheets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_kpi.cs_kpi_sheet_action"
        )
        action["domain"] = [("campaign_id", "=", self.id)]
        action["context"] = {"default_campaign_id": self.id}
        return action

    def action_open_force_close(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Force the closing"),
            "res_model": "cs.kpi.campaign.close",
            "view_mode": "form",
            "target": "new",
            "context": {"default_campaign_id": self.id},
        }

    def action_export_xlsx(self):
        # A spreadsheet has no document layout: never ask an administrator to
        # configure one first (the wizard would hide the download).
        return self.env.ref("cs_kpi.cs_kpi_campaign_xlsx_report").report_action(
            self, config=False
        )

    def _schedule_activities(self):
        """One to-do per sheet for its manager and one per evaluator."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        model_ids = self.env["ir.model"]
        sheet_model = model_ids._get_id("cs.kpi.sheet")
        vals_list = []
        # each to-do in its recipient's language, whoever opens the campaign
        envs = {}
        for campaign in self:
            for sheet in campaign.sheet_ids:
                manager = sheet.manager_id.user_id
                if not manager or not manager.has_group("cs_kpi.cs_kpi_group_manager"):
                    manager = campaign.user_id or self.env.user
                lang = manager.lang or self.env.lang
                if lang not in envs:
                    envs[lang] = self.with_context(lang=lang).env
                vals_list.append(
                    {
                        "automated": True,
                        "res_model_id": sheet_model,
                        "res_id": sheet.id,
                        "activity_type_id": todo.id,
                        "summary": envs[lang]._(
                            "Score the appraisal of %(name)s",
                            name=sheet.employee_id.name,
                        ),
                        "user_id": manager.id,
                        "date_deadline": campaign.date_deadline or campaign.date_to,
                    }
                )
        activities = self.env["mail.activity"].sudo().create(vals_list)
        return activities | self._schedule_evaluator_activities()
