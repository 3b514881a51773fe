# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Run a Python file with ``env`` (superuser) on a database, then commit.

Usage: ``python3 odoo_env.py <db> <addons-path> <script.py> [args...]``
"""

import sys

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tools import config

db, addons, script = sys.argv[1:4]
config.parse_config(["-d", db, f"--addons-path={addons}", "--log-level=warn"])
with odoo.modules.registry.Registry(db).cursor() as cr:
    env = api.Environment(cr, SUPERUSER_ID, {})
    with open(script, encoding="utf-8") as source:
        code = compile(source.read(), script, "exec")
    exec(code, {"env": env, "argv": sys.argv[4:]})  # noqa: S102 (developer tool)
    cr.commit()
