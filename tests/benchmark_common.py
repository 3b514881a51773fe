# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What every benchmark script shares: its command line and the Odoo registry."""

import argparse


def benchmark_parser(doc):
    """An argument parser with the database options every benchmark takes."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--addons-path", required=True)
    for option in ("db_host", "db_port", "db_user", "db_password"):
        parser.add_argument(f"--{option}", default=None)
    return parser


def odoo_registry(args):
    """The registry of ``args.database``, Odoo configured from ``args``."""
    import odoo
    from odoo.tools import config

    odoo_args = ["-d", args.database, f"--addons-path={args.addons_path}"]
    for option in ("db_host", "db_port", "db_user", "db_password"):
        if getattr(args, option):
            odoo_args.append(f"--{option}={getattr(args, option)}")
    config.parse_config(odoo_args)
    odoo.service.server.load_server_wide_modules()
    return odoo.modules.registry.Registry(args.database)
