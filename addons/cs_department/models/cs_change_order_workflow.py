# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.cs_kpi.tools.access import MAIL_FIELDS, workflow_write

from .cs_change_order import FREE_FIELDS, RUNNING_STATES

#: Fields only the workflow steps write (never a form or an RPC write).
WORKFLOW_FIELDS = [
    "state",
    "verified_by_id",
    "verified_date",
    "approved_date",
    "activation_date",
    "notification_date",
    "cancel_reason",
    "reject_reason",
    "correction_count",
]


class CsChangeOrder(models.Model):
    """The workflow steps of a change order and the guard that makes them the
    only way to move it: a state or a workflow date cannot be written by hand."""

    _inherit = "cs.change.order"

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                self._check_no_workflow_values(vals)
        return super().create(vals_list)

    def _check_no_workflow_values(self, vals):
        """Refuse a new order that claims to be past the draft step."""
        forged = [
            name
            for name in WORKFLOW_FIELDS
            if vals.get(name) and not (name == "state" and vals[name] == "draft")
        ]
        if forged:
            raise UserError(
                self.env._(
                    "A change order starts as a draft: its workflow fields "
                    "(%(fields)s) are set by the workflow buttons only.",
                    fields=", ".join(forged),
                )
            )

    def write(self, vals):
        if not self.env.su:
            self._check_write_allowed(vals)
        return super().write(vals)

    def _check_write_allowed(self, vals):
        """Workflow fields move through the steps only; a verified order is
        frozen except for a few free fields, so that what was verified with
        the customer and approved is what gets activated."""
        if set(vals) & set(WORKFLOW_FIELDS):
            raise UserError(
                self.env._(
                    "The state of a change order changes through its workflow "
                    "buttons only (verify, approve, start, activate...)."
                )
            )
        locked = set(vals) - set(FREE_FIELDS) - set(MAIL_FIELDS)
        processed = self.filtered(lambda order: order.state != "draft")
        if locked and processed:
            raise UserError(
                self.env._(
                    "Change order %(order)s is no longer a draft: only the "
                    "representative, the notification channel and the notes can "
                    "still be changed.",
                    order=processed[0].name,
                )
            )

    def _check_step(self, step, allowed_states):
        """Refuse a workflow step on orders that are not in one of its states."""
        wrong = self.filtered(lambda order: order.state not in allowed_states)
        if wrong:
            labels = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    'Step "%(step)s" is not possible on change order %(order)s, '
                    'which is in state "%(state)s". It is only possible from: '
                    "%(allowed)s.",
                    step=step,
                    order=wrong[0].name,
                    state=labels[wrong[0].state],
                    allowed=", ".join(labels[state] for state in allowed_states),
                )
            )

    def action_verify(self):
        """Record the verification with the customer and request the approvals."""
        self._check_step(self.env._("Verify"), ["draft"])
        without_lines = self.filtered(lambda order: not order.line_ids)
        if without_lines:
            raise UserError(
                self.env._(
                    "Change order %(order)s has no change line.",
                    order=without_lines[0].name,
                )
            )
        unverified = self.filtered(lambda order: not order.verification_method)
        if unverified:
            raise UserError(
                self.env._(
                    "Tell how change order %(order)s was verified with the customer.",
                    order=unverified[0].name,
                )
            )
        workflow_write(
            self,
            {
                "state": "verified",
                "verified_by_id": self.env.uid,
                "verified_date": fields.Datetime.now(),
            },
        )
        self.invalidate_recordset(["need_validation"])
        self.filtered("need_validation").request_validation()
        return True

    def action_approve(self):
        """Approve the order; refused until every tier review is validated."""
        self._check_step(self.env._("Approve"), ["verified"])
        self.invalidate_recordset(["need_validation"])
        # Reviews that exist must all be validated: a review cancelled or reset
        # by hand leaves the status "no", which is not an approval.
        pending = self.filtered(
            lambda order: (
                order.need_validation
                or (order.review_ids and order.validation_status != "validated")
            )
        )
        if pending:
            order = pending[0]
            if order.validation_status == "rejected":
                message = self.env._(
                    "A reviewer rejected change order %(order)s: reject the order "
                    "or restart its validation.",
                    order=order.name,
                )
            elif order.need_validation:
                message = self.env._(
                    "Change order %(order)s needs a validation: request it first.",
                    order=order.name,
                )
            else:
                message = self.env._(
                    "Change order %(order)s is still waiting for its approvals "
                    "(%(next)s).",
                    order=order.name,
                    next=order.next_review or order.validation_status,
                )
            raise UserError(message)
        workflow_write(
            self, {"state": "approved", "approved_date": fields.Datetime.now()}
        )
        return True

    def _cs_tiers_validated(self):
        """The last tier validation approves a verified order: nobody has to
        press Approve after the reviewers (it stays refusable until then)."""
        verified = self.filtered(lambda order: order.state == "verified")
        # As superuser: the reviewer may not write the order itself; the
        # approval's own checks (every review validated) still run.
        verified.sudo().action_approve()

    def action_start(self):
        self._check_step(self.env._("Start"), ["approved"])
        workflow_write(self, {"state": "in_progress"})
        return True

    def action_activate(self):
        """Apply the changes to the customer's service lines."""
        self._check_step(self.env._("Activate"), ["in_progress"])
        self.line_ids._check_service_line_customer()
        self.line_ids._apply_to_service_lines()
        workflow_write(
            self, {"state": "activated", "activation_date": fields.Datetime.now()}
        )
        return True

    def action_notify_customer(self):
        """Tell the customer the change is active, by email or another channel."""
        self._check_step(self.env._("Notify Customer"), ["activated"])
        missing = self.filtered(lambda order: not order.notification_channel)
        if missing:
            raise UserError(
                self.env._(
                    "Choose how the customer of %(order)s is notified.",
                    order=missing[0].name,
                )
            )
        by_email = self.filtered(lambda order: order.notification_channel == "email")
        no_address = by_email.filtered(lambda order: not order.partner_id.email)
        if no_address:
            raise UserError(
                self.env._(
                    "Customer %(customer)s has no email address: notify by another "
                    "channel.",
                    customer=no_address[0].partner_id.display_name,
                )
            )
        if by_email:
            template = self.env.ref(
                "cs_department.cs_change_order_mail_template_activated"
            )
            by_email.message_post_with_source(
                template,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        labels = dict(
            self._fields["notification_channel"]._description_selection(self.env)
        )
        for order in self - by_email:
            order.message_post(
                body=self.env._(
                    "Customer notified of the activation (%(channel)s).",
                    channel=labels[order.notification_channel],
                )
            )
        workflow_write(
            self, {"state": "notified", "notification_date": fields.Datetime.now()}
        )
        return True

    def action_done(self):
        self._check_step(self.env._("Close"), ["notified"])
        workflow_write(self, {"state": "done"})
        return True

    def action_cancel(self, reason=False):
        self._check_step(self.env._("Cancel"), RUNNING_STATES)
        workflow_write(
            self.with_context(skip_validation_check=True),
            {"state": "cancel", "cancel_reason": reason or False},
        )
        return True

    def action_reject(self, reason=False):
        self._check_step(self.env._("Reject"), ["draft", "verified"])
        workflow_write(
            self.with_context(skip_validation_check=True),
            {"state": "rejected", "reject_reason": reason or False},
        )
        return True

    def action_draft(self):
        """Reopen a cancelled or rejected order; its old reviews are dropped."""
        self._check_step(self.env._("Reset to Draft"), ["cancel", "rejected"])
        self._cs_drop_reviews()
        self._cs_count_correction()
        workflow_write(
            self,
            {
                "state": "draft",
                "cancel_reason": False,
                "reject_reason": False,
                "verified_by_id": False,
                "verified_date": False,
            },
        )
        return True

    def restart_validation(self):
        """Restarting the approval after a rejected review corrects the order."""
        corrected = self.filtered(
            lambda order: (
                order.state in order._state_from
                and "rejected" in order.sudo().review_ids.mapped("status")
            )
        )
        res = super().restart_validation()
        corrected._cs_count_correction()
        return res

    def _cs_count_correction(self):
        """One more correction on each order, by the workflow only: one write
        per number of corrections already made, not one per order."""
        for count in set(self.mapped("correction_count")):
            workflow_write(
                self.filtered(
                    lambda order, count=count: order.correction_count == count
                ).with_context(skip_validation_check=True),
                {"correction_count": count + 1},
            )
