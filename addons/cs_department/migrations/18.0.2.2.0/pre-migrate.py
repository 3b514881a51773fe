# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.2.2.0: the reviews of unreadable documents are hidden without a record rule.

The global rule ``tier_review_rule_cs_record`` filtered reviews on a computed field
of this module (``cs_record_readable``), unknown to registries without it:
base_tier_validation's own tests (their fake models) failed on it. ``tier.review``
now applies that restriction itself (``_apply_ir_rules``, ``_check_access``). The
rule is ``noupdate``, so not dropped by the update: it goes here, before the module
is loaded, so that no query meets a rule naming the dropped field.
"""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    rule = env.ref("cs_department.tier_review_rule_cs_record", raise_if_not_found=False)
    if rule:
        rule.unlink()
        _logger.info("cs_department: record rule on tier reviews dropped")
