# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, tagged

from .common import KpiCommon


def _other_value(env, field, default):
    """A value of ``field`` that differs from ``default``, or None."""
    if field.type == "selection":
        values = [key for key, _label in field._description_selection(env)]
        values = [value for value in values if value != default]
        return values[-1] if values else None
    if field.type == "boolean":
        return not default
    if field.type in ("char", "text", "html"):
        return "forged"
    if field.type in ("integer", "float", "monetary"):
        return 7 if default != 7 else 8
    if field.type == "date":
        return date(2020, 2, 29)
    if field.type == "datetime":
        return datetime(2020, 2, 29, 12, 0)
    if field.type == "many2one":
        other = env[field.comodel_name].sudo().search([], limit=2).ids
        other = [record_id for record_id in other if record_id != default]
        return other[0] if other else None
    return None


@tagged("post_install", "-at_install")
class TestGuardMechanism(TransactionCase):
    """Every model on cs.guard.mixin, walked field by field: a step-owned field
    is refused through create values, ``default_*`` context keys and write,
    even to the administrator (who is not the superuser). A model added later
    is covered without a new test."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = cls.env.ref("base.user_admin")
        mixin = type(cls.env["cs.guard.mixin"])
        cls.guarded = sorted(
            name
            for name, model_class in cls.env.registry.items()
            if not model_class._abstract
            and not model_class._transient
            and issubclass(model_class, mixin)
        )

    def _step_fields(self, model):
        return sorted(
            name
            for name in model._cs_fields_with("cs_step")
            if not model._fields[name].compute
        )

    def test_every_suite_model_is_guarded(self):
        """The suite's models inherit the guard; it has step fields to walk."""
        self.assertIn("cs.kpi.campaign", self.guarded)
        self.assertIn("cs.kpi.sheet.line", self.guarded)
        walked = [name for name in self.guarded if self._step_fields(self.env[name])]
        self.assertIn("cs.kpi.campaign", walked)

    def test_step_fields_refused_on_create_and_write(self):
        """Each step field: create value, default_* key and write are refused."""
        tried = 0
        for model_name in self.guarded:
            model = self.env[model_name].with_user(self.admin)
            fnames = self._step_fields(model)
            if not fnames:
                continue
            defaults = model._cs_clean_defaults(fnames)
            record = self.env[model_name].search([], limit=1)
            for fname in fnames:
                field = model._fields[fname]
                value = _other_value(self.env, field, defaults.get(fname))
                if value is None:
                    continue
                tried += 1
                with self.subTest(model=model_name, field=fname):
                    with self.assertRaises(AccessError):
                        model._cs_guard_create([{fname: value}])
                    key = {f"default_{fname}": value}
                    with self.assertRaises(AccessError):
                        model.with_context(**key)._cs_guard_create([{}])
                    if record:
                        before = record[fname]
                        as_admin = record.with_user(self.admin)
                        with self.assertRaises(AccessError):
                            as_admin._cs_guard_write({fname: value})
                        # whichever rule answers first, the write is refused
                        with self.assertRaises(UserError):
                            as_admin.write({fname: value})
                        record.invalidate_recordset()
                        self.assertEqual(record[fname], before)
        self.assertGreaterEqual(tried, 10)

    def test_computed_figures_refused_everywhere(self):
        """A computed figure is refused in create values and write, any model."""
        tried = 0
        for model_name in self.guarded:
            model = self.env[model_name].with_user(self.admin)
            record = self.env[model_name].search([], limit=1)
            for fname in sorted(model._cs_computed_figures()):
                field = model._fields[fname]
                if not field.store or field.type not in ("float", "integer"):
                    continue
                tried += 1
                with self.subTest(model=model_name, field=fname):
                    with self.assertRaises(UserError):
                        model.create([{fname: 7}])
                    if record:
                        before = record[fname]
                        with self.assertRaises(AccessError):
                            record.with_user(self.admin)._cs_guard_write({fname: 7})
                        with self.assertRaises(UserError):
                            record.with_user(self.admin).write({fname: 7})
                        record.invalidate_recordset()
                        self.assertEqual(record[fname], before)
        self.assertGreater(tried, 3)


@tagged("post_install", "-at_install")
class TestGuardCampaign(KpiCommon):
    """The campaign's declarations, as HR would attack them over RPC."""

    def test_created_closed_through_context_is_refused(self):
        """An HR officer cannot create a closed campaign with default_state."""
        campaigns = self.env["cs.kpi.campaign"].with_user(self.hr_officer)
        count = campaigns.search_count([])
        for key in ({"default_state": "done"}, {"default_pass_rate": 100.0}):
            with self.assertRaises(AccessError):
                campaigns.with_context(**key).create(
                    [{"name": "Forged", "year": 2026, "period_number": 2}]
                )
        self.assertEqual(campaigns.search_count([]), count)

    def test_copy_starts_afresh(self):
        """A copy of a closed campaign is a draft; a copy forced closed is
        refused."""
        campaign = self._new_campaign(name="To copy")
        campaign.sudo().write({"state": "done", "pass_rate": 80.0})
        as_hr = campaign.with_user(self.hr_officer)
        copy = as_hr.copy({"name": "Copied", "period_number": 2})
        self.assertRecordValues(copy, [{"state": "draft", "pass_rate": 0.0}])
        count = self.env["cs.kpi.campaign"].search_count([])
        with self.assertRaises(AccessError):
            as_hr.copy({"name": "Forged", "period_number": 3, "state": "done"})
        self.assertEqual(self.env["cs.kpi.campaign"].search_count([]), count)

    def test_period_is_draft_only_and_closed_keeps_its_note(self):
        """The period changes in draft only; a closed campaign keeps all but
        its note and responsible; it cannot be deleted."""
        campaign = self._new_campaign(name="Guarded")
        campaign.action_generate_sheets()
        campaign.action_open()
        as_hr = campaign.with_user(self.hr_officer)
        with self.assertRaisesRegex(UserError, "no longer a draft"):
            as_hr.write({"period_number": 3})
        self.assertEqual(campaign.period_number, 1)
        campaign.sudo().write({"state": "done"})
        as_hr.write({"note": "<p>kept</p>"})
        with self.assertRaisesRegex(UserError, "Closed"):
            as_hr.write({"name": "Renamed"})
        with self.assertRaises(UserError):
            as_hr.unlink()
        self.assertEqual(campaign.name, "Guarded")


@tagged("post_install", "-at_install")
class TestGuardChildren(KpiCommon):
    """Children moved between parents are checked against both, as HR
    (officers run the campaigns, administrators keep the templates)."""

    def _closed_and_open(self):
        closed = self._new_campaign(name="Closed Q1")
        closed.action_generate_sheets()
        closed.action_open()
        self._score_everything(closed)
        closed.action_review()
        closed.action_close()
        running = self._new_campaign(name="Running Q2", period_number=2)
        running.action_generate_sheets()
        running.action_open()
        return self._sheet(closed, self.lead), self._sheet(running, self.lead)

    def test_line_moved_onto_a_closed_sheet_is_refused(self):
        """HR cannot move a line, nor link it, onto a closed sheet."""
        closed_sheet, open_sheet = self._closed_and_open()
        line = open_sheet.line_ids[:1]
        closed_lines = closed_sheet.line_ids
        with self.assertRaisesRegex(UserError, "Closed"):
            line.with_user(self.hr_officer).write({"sheet_id": closed_sheet.id})
        with self.assertRaises(UserError):
            closed_sheet.with_user(self.hr_officer).write(
                {"line_ids": [Command.link(line.id)]}
            )
        self.assertEqual(line.sheet_id, open_sheet)
        self.assertEqual(closed_sheet.line_ids, closed_lines)

    def test_template_line_moved_rechecks_both_templates(self):
        """Moving a weighted line to another template breaks both sums: refused
        when the transaction is flushed."""
        other = self.template.copy({"name": "Other quarterly"})
        line = self.template.line_ids[:1]
        with self.assertRaises(ValidationError):
            line.with_user(self.hr_admin).write({"template_id": other.id})
            self.env.cr.precommit.run()
        line.invalidate_recordset()
        self.assertEqual(line.template_id, self.template)
