# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.2.5.0: the closing email asks the customer to rate.

A new database links helpdesk_mgmt's *Done* stage to the rating template in
``data/helpdesk_rating_data.xml``; that ``noupdate`` record of another module's
stage is not written by an update, so an existing database gets the link here,
unless the stage already has a rating template (an administrator's choice).
The SLA rules, their calendar and the template are new records: the update
creates them. The manual's indicators (``noupdate``) keep their rating weight of
0, the callbacks alone, as before: HR sets it where wanted.
"""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    stage = env.ref(
        "helpdesk_mgmt.helpdesk_ticket_stage_done", raise_if_not_found=False
    )
    template = env.ref(
        "cs_department.mail_template_cs_ticket_rating", raise_if_not_found=False
    )
    if stage and template and not stage.rating_mail_template_id:
        stage.rating_mail_template_id = template
        _logger.info("cs_department: the Done stage asks the customer to rate")
