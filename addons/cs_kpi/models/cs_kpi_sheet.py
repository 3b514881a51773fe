# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import defaultdict

from markupsafe import escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools import scoring
from ..tools.access import is_kpi_hr

SHEET_STATES = [
    ("draft", "Draft"),
    ("open", "Scoring"),
    ("review", "Review"),
    ("done", "Closed"),
    ("cancel", "Cancelled"),
]
# Fields that may still change on a closed sheet (publication, acknowledgement).
LOCK_EXEMPT_FIELDS = {
    "published",
    "acknowledged",
    "acknowledge_comment",
    "acknowledge_date",
    "message_main_attachment_id",
}
# What a manager changes on his team's sheets: the scores, through the lines.
MANAGER_WRITABLE_FIELDS = {
    "line_ids",
    "competency_line_ids",
    "message_main_attachment_id",
}
# Sheet states in which managers score.
SCORING_STATES = ("open", "review")


class CsKpiSheet(models.Model):
    _name = "cs.kpi.sheet"
    _description = "KPI Appraisal Sheet"
    _inherit = ["mail.thread", "mail.activity.mixin", "cs.guard.mixin"]
    _order = "campaign_id desc, department_id, total_score desc, id"
    _check_company_auto = True

    campaign_id = fields.Many2one(
        comodel_name="cs.kpi.campaign",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    # precomputed: a generated sheet is inserted with them, not updated after
    company_id = fields.Many2one(
        related="campaign_id.company_id", store=True, precompute=True
    )
    employee_id = fields.Many2one(
        comodel_name="hr.employee", required=True, index=True, ondelete="restrict"
    )
    # restrict: deleting a job, department or manager keeps the sheets' history
    department_id = fields.Many2one(
        comodel_name="hr.department", index=True, ondelete="restrict"
    )
    job_id = fields.Many2one(comodel_name="hr.job", index=True, ondelete="restrict")
    manager_id = fields.Many2one(
        comodel_name="hr.employee",
        ondelete="restrict",
        help="The employee's manager when the sheet was generated.",
    )
    template_id = fields.Many2one(comodel_name="cs.kpi.template", required=True)
    period_type = fields.Selection(
        related="campaign_id.period_type", store=True, precompute=True
    )
    date_from = fields.Date(
        related="campaign_id.date_from", store=True, precompute=True
    )
    date_to = fields.Date(related="campaign_id.date_to", store=True, precompute=True)
    line_ids = fields.One2many(
        comodel_name="cs.kpi.sheet.line", inverse_name="sheet_id", string="KPI lines"
    )
    competency_line_ids = fields.One2many(
        comodel_name="cs.kpi.sheet.competency",
        inverse_name="sheet_id",
        string="Ability and attitude",
    )
    evaluation_ids = fields.One2many(
        comodel_name="cs.kpi.evaluation", inverse_name="sheet_id", readonly=True
    )
    state = fields.Selection(
        selection=SHEET_STATES,
        default="draft",
        required=True,
        tracking=True,
        cs_step=True,
    )
    kpi_weight = fields.Float(string="KPI section weight (%)", default=100.0)
    competency_weight = fields.Float(string="Ability and attitude weight (%)")
    core_weight = fields.Float(default=1.0)
    reference_weight = fields.Float(default=1.0)
    attitude_weight = fields.Float(default=1.0)
    scale_min = fields.Integer(default=1)
    scale_max = fields.Integer(default=5)
    pass_mark = fields.Float(default=60.0, aggregator=None)
    kpi_score = fields.Float(
        string="KPI score",
        compute="_compute_scores",
        store=True,
        digits=(16, 2),
        aggregator="avg",
        help="Sum of the weighted scores of the KPI lines.",
    )
    competency_score = fields.Float(
        string="Ability and attitude score",
        compute="_compute_scores",
        store=True,
        digits=(16, 2),
        aggregator="avg",
        help="Mean rating of each section as a percentage of the top of the scale, "
        "combined with the section weights.",
    )
    total_score = fields.Float(
        compute="_compute_scores",
        store=True,
        digits=(16, 2),
        aggregator="avg",
        help="KPI score x KPI section weight + ability/attitude score x its weight, "
        "divided by the sum of the weights of the sections the sheet has.",
    )
    grade = fields.Char(
        compute="_compute_grade",
        store=True,
        help="From the template's grade bands (or the default bands).",
    )
    passed = fields.Boolean(compute="_compute_grade", store=True)
    rank = fields.Integer(
        string="Rank in department", readonly=True, aggregator=None, cs_step=True
    )
    rank_job = fields.Integer(
        string="Rank in job", readonly=True, aggregator=None, cs_step=True
    )
    score_formula = fields.Text(compute="_compute_score_formula")
    published = fields.Boolean(
        tracking=True, help="Published sheets are visible to the employee."
    )
    # The employee's acknowledgement: written by his Acknowledge action only.
    acknowledged = fields.Boolean(readonly=True, tracking=True, cs_step=True)
    acknowledge_comment = fields.Text(readonly=True, cs_step=True)
    acknowledge_date = fields.Datetime(readonly=True, cs_step=True)
    is_own_sheet = fields.Boolean(compute="_compute_is_own_sheet")
    report_lang = fields.Char(
        string="Print language",
        compute="_compute_report_lang",
        compute_sudo=True,
        help="The employee's language, in which his sheet prints.",
    )

    _sql_constraints = [
        (
            "campaign_employee_uniq",
            "unique(campaign_id, employee_id)",
            "An employee has one sheet per campaign.",
        ),
        (
            "score_range",
            (
                "CHECK(kpi_score >= 0 AND kpi_score <= 100 "
                "AND competency_score >= 0 AND competency_score <= 100 "
                "AND total_score >= 0 AND total_score <= 100)"
            ),
            "The scores of a sheet are between 0 and 100.",
        ),
        (
            "weight_range",
            (
                "CHECK(kpi_weight >= 0 AND kpi_weight <= 100 "
                "AND competency_weight >= 0 AND competency_weight <= 100 "
                "AND core_weight >= 0 AND reference_weight >= 0 "
                "AND attitude_weight >= 0)"
            ),
            (
                "The section weights of a sheet are between 0 and 100, its item "
                "weights not negative."
            ),
        ),
        (
            "pass_mark_range",
            "CHECK(pass_mark >= 0 AND pass_mark <= 100)",
            "The pass mark of a sheet is between 0 and 100.",
        ),
        (
            "scale_range",
            "CHECK(scale_min >= 0 AND scale_min < scale_max)",
            (
                "The rating scale of a sheet goes from a lower to a higher number, "
                "from 0 up."
            ),
        ),
        (
            "rank_positive",
            "CHECK(rank >= 0 AND rank_job >= 0)",
            "A rank cannot be negative.",
        ),
    ]

    @api.depends("campaign_id.name", "employee_id.name")
    def _compute_display_name(self):
        for sheet in self:
            sheet.display_name = f"{sheet.campaign_id.name} - {sheet.employee_id.name}"

    @api.depends(
        "line_ids.weighted_score",
        "competency_line_ids.rating",
        "competency_line_ids.is_rated",
        "kpi_weight",
        "competency_weight",
        "state",
    )
    def _compute_scores(self):
        # the lines' figures read once for the batch, not per sheet
        lines = self.line_ids
        weighted = dict(zip(lines._ids, lines.mapped("weighted_score"), strict=True))
        values = {}
        for sheet in self:
            line_ids = sheet.line_ids._ids
            kpi_score = scoring.kpi_score([weighted[line_id] for line_id in line_ids])
            competency_lines = sheet.competency_line_ids
            competency_score = (
                sheet._competency_score(competency_lines) if competency_lines else 0.0
            )
            values[sheet.id] = (
                kpi_score,
                competency_score,
                scoring.total_score(
                    kpi_score if line_ids else None,
                    competency_score if competency_lines else None,
                    sheet.kpi_weight,
                    sheet.competency_weight,
                ),
            )
        self._assign_by_value(["kpi_score", "competency_score", "total_score"], values)

    def _competency_score(self, competency_lines):
        """The ability-and-attitude score of the sheet from its items."""
        self.ensure_one()
        rated = competency_lines.filtered("is_rated")
        # once closed (possibly forced), an unrated item counts 0 like a
        # unscored KPI line; while scoring, the mean of the rated ones shows
        unrated = (
            (competency_lines - rated).mapped("kind") if self.state == "done" else []
        )
        return (
            scoring.competency_score(
                [(line.kind, line.rating) for line in rated],
                self._section_weights(),
                self.scale_min,
                self.scale_max,
                unrated=unrated,
            )
            or 0.0
        )

    def _assign_by_value(self, fnames, values):
        """Assign ``values`` (``{sheet_id: (value of each of fnames)}``) in a
        compute of ``self``: the sheets of equal value of a field are assigned
        together, one cache update per field and value rather than per sheet."""
        for index, fname in enumerate(fnames):
            groups = defaultdict(list)
            for sheet_id in self._ids:
                groups[values[sheet_id][index]].append(sheet_id)
            for value, sheet_ids in groups.items():
                self.browse(sheet_ids)[fname] = value

    @api.depends(
        "total_score",
        "template_id",
        "pass_mark",
        "line_ids.is_measured",
        "competency_line_ids.is_rated",
        "state",
    )
    def _compute_grade(self):
        bands = self.env["cs.kpi.grade.band"]._bands_by_template(self.template_id)
        # the lines' flags read once for the batch, not per sheet
        lines = self.line_ids
        measured = dict(zip(lines._ids, lines.mapped("is_measured"), strict=True))
        values = {}
        for sheet in self:
            if (
                sheet.state != "done"
                and not any(measured[line_id] for line_id in sheet.line_ids._ids)
                and not any(sheet.competency_line_ids.mapped("is_rated"))
            ):
                # Nothing scored yet: no grade (a 0 would read as a D); a
                # closed sheet keeps the grade of its score.
                values[sheet.id] = (False, False)
                continue
            values[sheet.id] = (
                scoring.grade(sheet.total_score, bands.get(sheet.template_id.id, [])),
                sheet.total_score >= sheet.pass_mark,
            )
        self._assign_by_value(["grade", "passed"], values)

    @api.depends("kpi_score", "competency_score", "total_score")
    def _compute_score_formula(self):
        for sheet in self:
            kpi = " + ".join(
                f"{line.score:.2f} x {line.weight:g}%" for line in sheet.line_ids
            )
            sheet.score_formula = self.env._(
                "KPI score = %(kpi)s = %(kpi_score).2f\n"
                "Ability and attitude score = %(comp).2f (ratings on %(low)s-%(high)s, "
                "section weights core %(core)g / reference %(ref)g / attitude %(att)g)"
                "\nTotal = (%(kpi_score).2f x %(kw)g + %(comp).2f x %(cw)g) / "
                "(sections present) = %(total).2f -> grade %(grade)s",
                kpi=kpi or "0",
                kpi_score=sheet.kpi_score,
                comp=sheet.competency_score,
                low=sheet.scale_min,
                high=sheet.scale_max,
                core=sheet.core_weight,
                ref=sheet.reference_weight,
                att=sheet.attitude_weight,
                kw=sheet.kpi_weight,
                cw=sheet.competency_weight,
                total=sheet.total_score,
                grade=sheet.grade or "-",
            )

    def _compute_is_own_sheet(self):
        for sheet in self:
            sheet.is_own_sheet = sheet.employee_id.user_id == self.env.user

    def _compute_report_lang(self):
        for sheet in self:
            employee = sheet.employee_id
            sheet.report_lang = employee.lang or employee.user_id.lang or False

    def _section_weights(self):
        self.ensure_one()
        return {
            "core": self.core_weight,
            "reference": self.reference_weight,
            "attitude": self.attitude_weight,
        }

    def _is_closing(self):
        """Closing a campaign may still write ranks on closed sheets.

        Only honoured under ``sudo()``: a context key can be sent by any RPC
        client, so on its own it must never unlock a sheet.
        """
        return self.env.su and self.env.context.get("cs_kpi_closing")

    def _check_not_locked(self, vals=None):
        if vals is not None and set(vals) <= LOCK_EXEMPT_FIELDS:
            return
        sheets = self.sudo()
        if "done" not in sheets.mapped("state"):
            return
        locked = sheets.filtered(lambda sheet: sheet.state == "done")
        if locked:
            raise UserError(
                self.env._(
                    "The appraisal sheet %(name)s is closed and can no longer be "
                    "changed.",
                    name=locked[0].display_name,
                )
            )

    def _check_scorer_write(self, records, vals, allowed):
        """Managers change only the ``allowed`` fields of ``records``, while scoring.

        ``records`` are lines or ability/attitude items of the sheets ``self``.
        HR is not restricted. Access is checked first, so that nobody learns
        anything about records he cannot write.
        """
        if is_kpi_hr(self.env):
            return
        records.check_access("write")
        if set(vals) - allowed:
            raise AccessError(
                self.env._(
                    "Managers only enter the values, ratings and comments of a "
                    "sheet; targets, weights and indicators are kept by HR."
                )
            )
        not_open = self.sudo().filtered(lambda sheet: sheet.state not in SCORING_STATES)
        if not_open:
            raise UserError(
                self.env._(
                    "The appraisal sheet %(name)s is not being scored: managers "
                    "score sheets while their campaign is open or in review.",
                    name=not_open[0].display_name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        # The state and acknowledgement are step fields (cs.guard.mixin); a
        # campaign's own rule: sheets are added while it generates them.
        sheets = super().create(vals_list)
        if not self.env.su:
            closed = sheets.campaign_id.filtered(
                lambda campaign: campaign.state not in ("draft", "open")
            )
            if closed:
                raise UserError(
                    self.env._(
                        "Campaign %(name)s is no longer generating sheets: no "
                        "sheet can be added to it.",
                        name=closed[0].name,
                    )
                )
        return sheets

    def write(self, vals):
        # Closed sheets stay closed even for the superuser's code, except for
        # the campaign's closing; managers write the scores only (roles).
        if not self._is_closing():
            self._check_not_locked(vals)
        if not is_kpi_hr(self.env) and set(vals) - MANAGER_WRITABLE_FIELDS:
            raise AccessError(
                self.env._(
                    "Managers score the KPI lines and ability/attitude items of a "
                    "sheet; its other fields (weights, pass mark, publication...) "
                    "are kept by HR."
                )
            )
        return super().write(vals)

    def _get_mail_message_access(self, res_ids, operation, model_name=None):
        """The chatter of a sheet is its history: its messages (the employee's
        acknowledgement among them) are rewritten or deleted by HR only, not
        by the managers who can write the sheet, nor by their authors."""
        if operation in ("write", "unlink"):
            return "unlink"
        return super()._get_mail_message_access(
            res_ids, operation, model_name=model_name
        )

    def _write_logged(self, vals, body):
        """Write ``vals`` on many sheets and log ``body`` on each, set-based.

        Campaign steps move thousands of sheets at once: field tracking would
        post one message per sheet at commit (several queries each), so it is
        muted and one batch of notes is logged instead.
        """
        self.sudo().with_context(mail_notrack=True).write(vals)
        if self:
            self._message_log_batch(bodies=dict.fromkeys(self.ids, body))

    @api.model
    def _check_history_kept(self, field_name, records):
        """Refuse deleting ``records`` while sheets refer to them by ``field_name``.

        Jobs, departments and employees keep the appraisals' history: the
        database refuses it too (``ondelete="restrict"``), this says why.
        """
        groups = self.sudo()._read_group(
            [(field_name, "in", records.ids)], [field_name], ["__count"], limit=1
        )
        if groups:
            record, count = groups[0]
            raise UserError(
                self.env._(
                    "%(name)s appears on %(count)s appraisal sheets, which keep "
                    "their history: archive it instead of deleting it.",
                    name=record.display_name,
                    count=count,
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        if any(sheet.state not in ("draft", "cancel") for sheet in self):
            raise UserError(
                self.env._("Only draft or cancelled appraisal sheets can be deleted.")
            )

    def action_publish(self):
        not_ready = self.filtered(lambda sheet: sheet.state not in ("review", "done"))
        if not_ready:
            raise UserError(
                self.env._(
                    "The appraisal sheet %(name)s can be published once its "
                    "campaign is in review or closed.",
                    name=not_ready[0].display_name,
                )
            )
        self.write({"published": True})

    def action_unpublish(self):
        self.write({"published": False})

    def action_print(self):
        return self.env.ref("cs_kpi.cs_kpi_sheet_pdf_report").report_action(self)

    def action_open_acknowledge(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Acknowledge the appraisal"),
            "res_model": "cs.kpi.sheet.acknowledge",
            "view_mode": "form",
            "target": "new",
            "context": {"default_sheet_id": self.id},
        }

    def _acknowledge(self, comment):
        """Record the employee's acknowledgement (employees cannot write sheets)."""
        self.ensure_one()
        if self.employee_id.user_id != self.env.user:
            raise UserError(
                self.env._("Only the appraised employee can acknowledge the sheet.")
            )
        if not self.published:
            raise UserError(self.env._("The sheet is not published yet."))
        if self.acknowledged:
            raise UserError(self.env._("You have already acknowledged this sheet."))
        self.sudo().with_context(mail_notrack=True).write(
            {
                "acknowledged": True,
                "acknowledge_comment": comment,
                "acknowledge_date": fields.Datetime.now(),
            }
        )
        # a log authored by the system, not by the employee: the author of a
        # message can rewrite it, and the acknowledgement must stay as given
        self.sudo()._message_log(
            body=escape(
                self.env._(
                    "Acknowledged by %(name)s: %(comment)s",
                    name=self.env.user.name,
                    comment=comment or "-",
                )
            ),
            author_id=self.env.ref("base.partner_root").id,
        )
