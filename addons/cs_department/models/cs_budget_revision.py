# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from markupsafe import Markup, escape

from odoo import models
from odoo.exceptions import UserError
from odoo.tools import format_amount


class CsBudget(models.Model):
    """Revisions: the only way the planned amounts of an approved budget change.

    The department manager (or finance) starts a revision, enters the revised
    amounts on the lines and submits it; a finance reviewer approves it, which
    writes the new planned amounts and logs the old and new ones in the chatter.
    """

    _inherit = "cs.budget"

    def action_revise(self):
        action = self.env._("Revision")
        self._cs_check_state(["approved"], action)
        self._cs_check_revision_state([False], action)
        self._cs_check_role(manager=True, finance=True)
        for budget in self:
            for line in budget.line_ids:
                line.sudo().proposed_amount = line.planned_amount
        return self._cs_step({"revision_state": "draft"})

    def action_submit_revision(self):
        action = self.env._("Submission of the revision")
        self._cs_check_state(["approved"], action)
        self._cs_check_revision_state(["draft"], action)
        self._cs_check_role(manager=True, finance=True)
        return self._cs_step({"revision_state": "submitted"})

    def action_cancel_revision(self):
        action = self.env._("Cancellation of the revision")
        self._cs_check_state(["approved"], action)
        self._cs_check_revision_state(["draft", "submitted"], action)
        self._cs_check_role(manager=True, finance=True)
        self.line_ids.sudo().write({"proposed_amount": False})
        return self._cs_step({"revision_state": False})

    def action_approve_revision(self):
        """Apply the revised amounts (finance) and keep the history; the
        validations of the budget's requests under review follow the new
        amounts."""
        action = self.env._("Approval of the revision")
        self._cs_check_state(["approved"], action)
        self._cs_check_revision_state(["submitted"], action)
        self._cs_check_role(finance=True)
        self.line_ids._cs_lock()
        for budget in self:
            changes = []
            for line in budget.line_ids:
                new = line.proposed_amount
                consumed = line.committed_amount + line.spent_amount
                if new < consumed and new < line.planned_amount:
                    raise UserError(
                        self.env._(
                            "%(category)s of budget %(budget)s cannot go below its "
                            "committed and spent amounts (%(consumed)s).",
                            category=line.category_id.name,
                            budget=budget.name,
                            consumed=format_amount(
                                self.env, consumed, budget.currency_id
                            ),
                        )
                    )
                if new != line.planned_amount:
                    changes.append((line, line.planned_amount, new))
            budget._cs_post_revision(changes)
            for line, _old, new in changes:
                line.sudo().planned_amount = new
        self.line_ids.sudo().write({"proposed_amount": False})
        result = self._cs_step({"revision_state": False})
        self.env["cs.expense.request"]._cs_follow_budgets(self)
        return result

    def _cs_post_revision(self, changes):
        self.ensure_one()
        currency = self.currency_id
        rows = Markup("").join(
            Markup("<li>%s: %s &#8594; %s</li>")
            % (
                line.category_id.name,
                format_amount(self.env, old, currency),
                format_amount(self.env, new, currency),
            )
            for line, old, new in changes
        )
        body = escape(self.env._("Budget revision approved.")) + (
            Markup("<ul>%s</ul>") % rows
            if changes
            else escape(" " + self.env._("No amount changed."))
        )
        self.sudo().message_post(body=body, subtype_xmlid="mail.mt_note")
