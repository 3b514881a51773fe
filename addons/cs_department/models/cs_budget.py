# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.cs_kpi.tools import validate

FINANCE_GROUP = "cs_department.cs_department_group_finance"
GM_GROUP = "cs_department.cs_department_group_general_manager"


class CsBudget(models.Model):
    _name = "cs.budget"
    _description = "Department Budget"
    _inherit = ["cs.guard.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_from desc, department_id, id desc"
    _check_company_auto = True
    # cs.guard.mixin: the steps move the states; the department and fiscal
    # year (cs_draft) are set while in draft, the notes and lines (which
    # guard themselves) change until the budget is closed, then nothing does.
    _cs_closed_states = ("closed",)
    _cs_unlink_states = ("draft",)

    name = fields.Char(compute="_compute_name", store=True)
    department_id = fields.Many2one(
        comodel_name="hr.department",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        cs_draft=True,
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
        cs_draft=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    fiscal_date = fields.Date(
        string="In Fiscal Year Of",
        required=True,
        default=fields.Date.context_today,
        cs_draft=True,
        help="Any day of the fiscal year the budget covers; the company's fiscal "
        "year gives its first and last days.",
    )
    date_from = fields.Date(
        string="Start Date", compute="_compute_dates", store=True, index=True
    )
    date_to = fields.Date(string="End Date", compute="_compute_dates", store=True)
    fiscal_year = fields.Char(compute="_compute_dates", store=True)
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("closed", "Closed"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        group_expand=True,
        cs_step=True,
    )
    revision_state = fields.Selection(
        selection=[("draft", "Being Revised"), ("submitted", "Revision Submitted")],
        tracking=True,
        copy=False,
        readonly=True,
        cs_step=True,
        help="An approved budget's planned amounts change through a revision "
        "that finance approves.",
    )
    line_ids = fields.One2many(
        comodel_name="cs.budget.line",
        inverse_name="budget_id",
        string="Budget Lines",
        copy=True,
    )
    request_ids = fields.One2many(
        comodel_name="cs.expense.request", inverse_name="budget_id"
    )
    request_count = fields.Integer(compute="_compute_request_count")
    planned_amount = fields.Monetary(compute="_compute_figures", store=True)
    committed_amount = fields.Monetary(
        compute="_compute_figures",
        store=True,
        help="Approved expense requests not paid yet.",
    )
    spent_amount = fields.Monetary(
        compute="_compute_figures", store=True, help="Paid expense requests."
    )
    remaining_amount = fields.Monetary(compute="_compute_figures", store=True)
    consumption_rate = fields.Float(
        string="Consumption (%)",
        compute="_compute_figures",
        store=True,
        aggregator=None,
        help="Committed and spent amounts over the planned amount.",
    )
    note = fields.Html(string="Notes")

    @api.depends("department_id.name", "fiscal_year")
    def _compute_name(self):
        for budget in self:
            budget.name = " ".join(
                part for part in (budget.department_id.name, budget.fiscal_year) if part
            )

    @api.depends("fiscal_date", "company_id")
    def _compute_dates(self):
        for budget in self:
            if not budget.fiscal_date:
                budget.date_from = budget.date_to = budget.fiscal_year = False
                continue
            company = budget.company_id or self.env.company
            dates = company._cs_fiscalyear_dates(budget.fiscal_date)
            budget.date_from, budget.date_to = dates["date_from"], dates["date_to"]
            years = sorted({budget.date_from.year, budget.date_to.year})
            budget.fiscal_year = "-".join(str(year) for year in years)

    def _compute_request_count(self):
        counts = dict(
            self.env["cs.expense.request"]._read_group(
                [("budget_id", "in", self.ids)], ["budget_id"], ["__count"]
            )
        )
        for budget in self:
            budget.request_count = counts.get(budget, 0)

    @api.depends(
        "line_ids.planned_amount",
        "line_ids.committed_amount",
        "line_ids.spent_amount",
    )
    def _compute_figures(self):
        for budget in self:
            lines = budget.line_ids
            budget.planned_amount = sum(lines.mapped("planned_amount"))
            budget.committed_amount = sum(lines.mapped("committed_amount"))
            budget.spent_amount = sum(lines.mapped("spent_amount"))
            budget.remaining_amount = (
                budget.planned_amount - budget.committed_amount - budget.spent_amount
            )
            budget.consumption_rate = _rate(
                budget.committed_amount + budget.spent_amount, budget.planned_amount
            )

    def init(self):
        # The database keeps the rule even against concurrent approvals.
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS cs_budget_one_approved_idx "
                "ON cs_budget (department_id, date_from) WHERE state = 'approved'"
            )
        )

    # ---- workflow ----
    def _cs_is_department_manager(self):
        self.ensure_one()
        return self.env.user in self.department_id.manager_id.user_id

    def _cs_check_role(self, manager=False, finance=False):
        """Refuse unless the user is the department manager or the General
        Manager above him (``manager``), or a finance reviewer (``finance``)."""
        user = self.env.user
        if finance and user.has_group(FINANCE_GROUP):
            return
        if manager and (
            user.has_group(GM_GROUP)
            or all(budget._cs_is_department_manager() for budget in self)
        ):
            return
        roles = []
        if manager:
            roles += [
                self.env._("the manager of its department"),
                self.env._("the General Manager"),
            ]
        if finance:
            roles.append(self.env._("a finance reviewer"))
        raise AccessError(
            self.env._(
                "This step of budget %(budget)s is for %(roles)s.",
                budget=self[:1].name,
                roles=", ".join(roles),
            )
        )

    def _cs_check_revision_state(self, revision_states, action):
        """Refuse ``action`` (a label) on budgets whose revision is not in
        ``revision_states`` (False: no revision in progress); the budget's
        state is checked by ``_cs_check_state``."""
        labels = dict(self._fields["revision_state"]._description_selection(self.env))
        for budget in self:
            if budget.revision_state in revision_states:
                continue
            if not budget.revision_state:
                raise UserError(
                    self.env._(
                        "%(action)s is not possible on %(record)s: no revision "
                        "is in progress.",
                        action=action,
                        record=budget.display_name,
                    )
                )
            raise UserError(
                self.env._(
                    "%(action)s is not possible on %(record)s while its revision "
                    "is %(revision)s.",
                    action=action,
                    record=budget.display_name,
                    revision=labels[budget.revision_state],
                )
            )

    def _cs_check_one_approved(self):
        """Refuse approving a second budget of a department and fiscal year
        (a unique index keeps the rule against concurrent approvals too)."""
        others = self.sudo().search(
            [
                ("id", "not in", self.ids),
                ("state", "=", "approved"),
                ("department_id", "in", self.department_id.ids),
                ("date_from", "in", self.mapped("date_from")),
            ]
        )
        for budget in self:
            clash = others.filtered(
                lambda other, b=budget: (
                    other.department_id == b.department_id
                    and other.date_from == b.date_from
                )
            )
            if clash:
                raise ValidationError(
                    self.env._(
                        "%(department)s already has an approved budget for fiscal "
                        "year %(year)s (%(other)s).",
                        department=budget.department_id.name,
                        year=budget.fiscal_year,
                        other=clash[0].name,
                    )
                )

    def action_submit(self):
        self._cs_check_state(["draft"], self.env._("Submission"))
        self._cs_check_role(manager=True)
        empty = self.filtered(lambda budget: not budget.line_ids)
        if empty:
            raise UserError(
                self.env._("Budget %(budget)s has no line.", budget=empty[0].name)
            )
        return self._cs_step({"state": "submitted"})

    def action_approve(self):
        self._cs_check_state(["submitted"], self.env._("Approval"))
        self._cs_check_role(finance=True)
        self._cs_check_one_approved()
        return self._cs_step({"state": "approved"})

    def action_reset_draft(self):
        self._cs_check_state(["submitted"], self.env._("Resetting to draft"))
        self._cs_check_role(manager=True, finance=True)
        return self._cs_step({"state": "draft"})

    def action_close(self):
        action = self.env._("Closing the budget")
        self._cs_check_state(["approved"], action)
        self._cs_check_revision_state([False], action)
        self._cs_check_role(finance=True)
        open_requests = self.env["cs.expense.request"].search_count(
            [
                ("budget_id", "in", self.ids),
                ("state", "in", ("to_approve", "approved")),
            ]
        )
        if open_requests:
            raise UserError(
                self.env._(
                    "Expense requests of this budget are still to approve or to "
                    "pay: settle or cancel them before closing it."
                )
            )
        return self._cs_step({"state": "closed"})

    def action_view_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_department.cs_expense_request_action"
        )
        action["domain"] = [("budget_id", "=", self.id)]
        action["context"] = {"default_budget_id": self.id}
        return action

    def _cs_lock(self):
        """Lock the rows of these budgets until the end of the transaction.

        Approvals touch these rows (their stored figures), so a transaction
        that read them before a concurrent approval committed fails to lock
        them (serialization failure) and is retried on fresh figures.
        """
        if self:
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM cs_budget WHERE id IN %s FOR UPDATE NOWAIT",
                    tuple(self.ids),
                )
            )


def _rate(part, whole):
    return part * 100.0 / whole if whole else 0.0


class CsBudgetLine(models.Model):
    _name = "cs.budget.line"
    _description = "Department Budget Line"
    _inherit = ["cs.guard.mixin"]
    _order = "budget_id, sequence, id"
    _rec_names_search = ["category_id.name", "budget_id.name"]
    # cs.guard.mixin: a line is part of its budget and follows its state; its
    # planned amount (cs_draft) is set while the budget is a draft, later only
    # through a revision (see _cs_check_revision_rules).
    _cs_parent_field = "budget_id"
    _cs_state_field = "budget_id.state"
    _cs_closed_states = ("closed",)
    _cs_unlink_states = ("draft",)

    budget_id = fields.Many2one(
        comodel_name="cs.budget", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    category_id = fields.Many2one(
        comodel_name="cs.expense.category",
        required=True,
        ondelete="restrict",
        domain="['|', ('company_id', '=', False), ('company_id', '=', company_id)]",
    )
    department_id = fields.Many2one(related="budget_id.department_id", store=True)
    company_id = fields.Many2one(related="budget_id.company_id", store=True)
    currency_id = fields.Many2one(related="budget_id.currency_id")
    date_from = fields.Date(related="budget_id.date_from", store=True)
    budget_state = fields.Selection(related="budget_id.state", string="Budget State")
    planned_amount = fields.Monetary(cs_draft=True)
    proposed_amount = fields.Monetary(
        string="Revised Amount",
        copy=False,
        help="New planned amount proposed by the revision in progress.",
    )
    request_ids = fields.One2many(
        comodel_name="cs.expense.request", inverse_name="budget_line_id"
    )
    committed_amount = fields.Monetary(
        compute="_compute_figures",
        store=True,
        help="Approved expense requests not paid yet.",
    )
    spent_amount = fields.Monetary(
        compute="_compute_figures", store=True, help="Paid expense requests."
    )
    remaining_amount = fields.Monetary(compute="_compute_figures", store=True)
    consumption_rate = fields.Float(
        string="Consumption (%)",
        compute="_compute_figures",
        store=True,
        aggregator=None,
    )

    _sql_constraints = [
        (
            "category_uniq",
            "UNIQUE(budget_id, category_id)",
            "A budget has one line per expense category.",
        ),
        (
            "planned_amount_positive",
            "CHECK(planned_amount >= 0)",
            "A planned amount cannot be negative.",
        ),
        (
            "proposed_amount_positive",
            "CHECK(proposed_amount IS NULL OR proposed_amount >= 0)",
            "A revised amount cannot be negative.",
        ),
        (
            "figures_positive",
            "CHECK(committed_amount >= 0 AND spent_amount >= 0)",
            "Committed and spent amounts cannot be negative.",
        ),
    ]

    @api.constrains("planned_amount", "proposed_amount")
    def _check_amount_bounds(self):
        for name in ("planned_amount", "proposed_amount"):
            error = validate.record_number_error(self, name, 0, validate.AMOUNT_MAX)
            if error:
                raise ValidationError(error)

    @api.depends("category_id.name", "budget_id.name")
    def _compute_display_name(self):
        for line in self:
            line.display_name = f"{line.category_id.name} ({line.budget_id.name})"

    @api.depends(
        "planned_amount",
        "request_ids.state",
        "request_ids.amount",
        "request_ids.paid_amount",
    )
    def _compute_figures(self):
        for line in self:
            requests = line.request_ids
            line.committed_amount = sum(
                requests.filtered(lambda r: r.state == "approved").mapped("amount")
            )
            line.spent_amount = sum(
                requests.filtered(lambda r: r.state == "paid").mapped("paid_amount")
            )
            line.remaining_amount = (
                line.planned_amount - line.committed_amount - line.spent_amount
            )
            line.consumption_rate = _rate(
                line.committed_amount + line.spent_amount, line.planned_amount
            )

    # ---- the budget's revision rules, on top of cs.guard.mixin ----
    def _cs_guard_created(self, vals_list):
        result = super()._cs_guard_created(vals_list)
        # A line joins a budget that is no longer a draft through its revision
        # only, with its amount as revised amount (the mixin has refused a
        # planned amount already).
        for line in self:
            budget = line.budget_id.sudo()
            if budget.state != "draft" and budget.revision_state != "draft":
                raise UserError(
                    self.env._(
                        "Budget %(budget)s is no longer a draft: add a line "
                        "through a revision, with its amount as revised amount.",
                        budget=budget.name,
                    )
                )
        return result

    def _cs_guard_write(self, vals):
        self._cs_check_revision_rules(vals)
        return super()._cs_guard_write(vals)

    def _cs_check_revision_rules(self, vals):
        """The planned amounts of a budget that is no longer a draft change
        through a revision that finance approves: its lines keep their
        category and budget, and the revised amounts are entered while the
        revision is in progress only. A line moved to another budget changes
        both budgets: the rules of both apply."""
        fixed = set(vals) & {"planned_amount", "category_id"}
        proposing = "proposed_amount" in vals
        moving_to = None
        if "budget_id" in vals:
            moving_to = self.env["cs.budget"].browse(vals["budget_id"]).sudo()
        for line in self:
            budgets = line.budget_id.sudo()
            moved = moving_to is not None and moving_to != budgets
            if moved:
                budgets |= moving_to
            for budget in budgets:
                revising = (
                    budget.state == "approved" and budget.revision_state == "draft"
                )
                if ((fixed or moved) and budget.state != "draft") or (
                    proposing and not revising
                ):
                    raise UserError(
                        self.env._(
                            "The planned amounts of budget %(budget)s change through "
                            "a revision that finance approves: start a revision and "
                            "enter the revised amounts.",
                            budget=budget.name,
                        )
                    )

    def _cs_lock(self):
        """Lock these lines' rows (see ``cs.budget._cs_lock``)."""
        if self:
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM cs_budget_line WHERE id IN %s FOR UPDATE NOWAIT",
                    tuple(self.ids),
                )
            )
