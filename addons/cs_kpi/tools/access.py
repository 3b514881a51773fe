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
