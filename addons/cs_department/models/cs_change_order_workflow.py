# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.cs_kpi.tools import validate

from .cs_change_order import RUNNING_STATES


class CsChangeOrder(models.Model):
    """The workflow steps of a change order: the only way to move it, since
    its state and workflow dates are ``cs_step`` fields (cs.guard.mixin)."""

    _inherit = "cs.change.order"

    def action_verify(self):
        """Record the verification with the customer and request the approvals."""
        self._cs_check_state(["draft"], self.env._("Verify"))
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
        self._cs_step(
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
        self._cs_check_state(["verified"], self.env._("Approve"))
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
        self._cs_step({"state": "approved", "approved_date": fields.Datetime.now()})
        return True

    def _cs_tiers_validated(self):
        """The last tier validation approves a verified order: nobody has to
        press Approve after the reviewers (it stays refusable until then)."""
        verified = self.filtered(lambda order: order.state == "verified")
        # As superuser: the reviewer may not write the order itself; the
        # approval's own checks (every review validated) still run.
        verified.sudo().action_approve()

    def action_start(self):
        self._cs_check_state(["approved"], self.env._("Start"))
        self._cs_step({"state": "in_progress"})
        return True

    def action_activate(self):
        """Apply the changes to the customer's service lines."""
        self._cs_check_state(["in_progress"], self.env._("Activate"))
        self.line_ids._check_service_line_customer()
        self.line_ids._apply_to_service_lines()
        self._cs_step({"state": "activated", "activation_date": fields.Datetime.now()})
        return True

    def action_notify_customer(self):
        """Tell the customer the change is active, by email or another channel."""
        self._cs_check_state(["activated"], self.env._("Notify Customer"))
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
        self._cs_step({"state": "notified", "notification_date": fields.Datetime.now()})
        return True

    def action_done(self):
        self._cs_check_state(["notified"], self.env._("Close"))
        self._cs_step({"state": "done"})
        return True

    def _cs_check_reason(self, reason, field):
        error = validate.text_error(
            self.env, reason, validate.field_label(self, field), validate.TEXT_MAX
        )
        if error:
            raise ValidationError(error)

    def action_cancel(self, reason=False):
        self._cs_check_reason(reason, "cancel_reason")
        self._cs_check_state(RUNNING_STATES, self.env._("Cancel"))
        self.with_context(skip_validation_check=True)._cs_step(
            {"state": "cancel", "cancel_reason": reason or False},
        )
        return True

    def action_reject(self, reason=False):
        self._cs_check_reason(reason, "reject_reason")
        self._cs_check_state(["draft", "verified"], self.env._("Reject"))
        self.with_context(skip_validation_check=True)._cs_step(
            {"state": "rejected", "reject_reason": reason or False},
        )
        return True

    def action_draft(self):
        """Reopen a cancelled or rejected order; its old reviews are dropped."""
        self._cs_check_state(["cancel", "rejected"], self.env._("Reset to Draft"))
        self._cs_drop_reviews()
        self._cs_count_correction()
        self._cs_step(
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
            self.filtered(
                lambda order, count=count: order.correction_count == count
            ).with_context(skip_validation_check=True)._cs_step(
                {"correction_count": count + 1}
            )
