# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The runner's own parsing: what it reads from an Odoo log and the readme tool."""

import importlib.util
import pathlib

import pytest

TESTS = pathlib.Path(__file__).resolve().parents[1]


def load(name):
    spec = importlib.util.spec_from_file_location(name, TESTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def runner():
    return load("run")


LOG = """\
2026-11-27 14:14:18,530 7134 INFO db odoo.service.server: 6 post-tests in 0.53s
2026-11-27 14:14:18,531 7134 WARNING db odoo.models: cs.kpi.sheet: two fields same label
2026-11-27 14:14:18,532 7134 WARNING db odoo.addons.base: unrelated warning
2026-11-27 14:14:18,533 7134 ERROR db odoo.addons.cs_kpi.tests.test_x: FAIL: test_a
2026-11-27 14:14:18,534 7134 INFO db odoo.tests.result: 1 failed, 2 error(s) of 9 tests
"""


def test_parse_odoo_log_counts(runner):
    total, failed, errors, error_lines, warnings = runner.parse_odoo_log(LOG)
    assert (total, failed, errors) == (9, 1, 2)
    assert len(error_lines) == 1 and "FAIL: test_a" in error_lines[0]
    assert len(warnings) == 1 and "cs.kpi.sheet" in warnings[0]


def test_parse_odoo_log_without_tests(runner):
    assert runner.parse_odoo_log("nothing here\n")[:3] == (0, 0, 0)


def test_layer_summary(runner):
    layer = runner.Layer("x")
    layer.check("a", True)
    layer.check("b", False, "why")
    layer.skip("c", "no tool")
    assert layer.summary() == "1 passed, 1 failed, 1 skipped"


def test_markdown_to_rst():
    readme = load("gen_addon_readme")
    rst = readme.markdown_to_rst("# Title\n\nUse `x` and [docs](https://a.b).\n", 1)
    assert "Title\n-----" in rst
    assert "``x``" in rst
    assert "`docs <https://a.b>`_" in rst


def test_markdown_to_rst_normalises_heading_levels():
    """A fragment starting at ## still nests right under its section."""
    readme = load("gen_addon_readme")
    rst = readme.markdown_to_rst("## Sub\n\ntext\n", 1)
    assert "Sub\n---" in rst
    assert readme.rst_problems("Title\n=====\n\n" + rst) == []
