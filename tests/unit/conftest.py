# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Load the addons' pure-Python modules without Odoo.

The addons' ``tools/`` modules import nothing from Odoo, so their logic is tested
here on any machine; ``odoo.addons.<name>`` cannot be imported outside a running
Odoo, hence the loading by file path.
"""

import importlib.util
import pathlib

import pytest

ADDONS = pathlib.Path(__file__).resolve().parents[2] / "addons"


def load_pure_module(relative_path):
    """Import ``addons/<relative_path>`` as a stand-alone module."""
    path = ADDONS / relative_path
    name = "pure_" + relative_path.replace("/", "_").removesuffix(".py")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def pure():
    """The loader, as a fixture: ``pure("cs_kpi/tools/scoring.py")``."""
    return load_pure_module
