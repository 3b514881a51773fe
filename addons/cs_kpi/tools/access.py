# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Access checks shared by the models and wizards of the suite."""

HR_OFFICER = "cs_kpi.cs_kpi_group_hr_officer"
#: Fields that mail.thread (and base_tier_validation) write on any record,
#: whatever its state: never refused by a record's locking rules.
MAIL_FIELDS = frozenset(
    {"message_follower_ids", "message_main_attachment_id", "access_token"}
)


def is_kpi_hr(env):
    """Whether ``env`` acts as KPI HR: the superuser or an HR officer."""
    return env.su or env.user.has_group(HR_OFFICER)


def workflow_write(records, vals):
    """Write a workflow step's ``vals`` on ``records`` as superuser, once the
    caller's write right on them is checked.

    The step has checked its own rules (states, who may run it) before: the
    write runs as superuser because the fields it sets (state, dates, figures)
    are closed to direct writes, and a context key sent by a client must not
    open them. The context of ``records`` is kept.
    """
    records.check_access("write")
    return records.sudo().write(vals)
