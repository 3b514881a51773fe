# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The runner's own parsing: what it reads from pre-commit and Odoo, the readme tool."""

import importlib.util
import pathlib
import sys

import pytest

TESTS = pathlib.Path(__file__).resolve().parents[1]


def load(name):
    if str(TESTS) not in sys.path:
        sys.path.insert(0, str(TESTS))  # as when run as ``python3 tests/run.py``
    spec = importlib.util.spec_from_file_location(name, TESTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def runner():
    return load("run")


LOG = """\
2026-11-27 14:14:18,530 7134 INFO db odoo.service.server: 6 post-tests in 0.53s
2026-11-27 14:14:18,533 7134 ERROR db odoo.addons.cs_kpi.tests.test_x: FAIL: test_a
2026-11-27 14:14:18,534 7134 INFO db odoo.tests.result: 1 failed, 2 error(s) of 9 tests
"""

PRE_COMMIT = """\
forbidden files......................................(no files to check)Skipped
ruff.....................................................................Passed
ruff format..............................................................Failed
- hook id: ruff-format
- files were modified by this hook
pylint-odoo, OCA mandatory checks (blocking).............................Passed
"""


def test_count_tests(runner):
    assert runner.count_tests(LOG) == (9, 1, 2)


def test_count_tests_without_tests(runner):
    assert runner.count_tests("nothing here\n") == (0, 0, 0)


def test_count_hooks(runner):
    assert runner.count_hooks(PRE_COMMIT) == (2, 1)


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
