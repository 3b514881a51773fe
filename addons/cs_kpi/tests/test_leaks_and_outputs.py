# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import io
import zipfile

import openpyxl

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.base.models.ir_qweb import QWebException

from .common import KpiCommon
from .menu_smoke import MenuSmokeMixin

STATISTICS = ("average_score", "pass_rate", "forced_close", "force_reason")


@tagged("post_install", "-at_install")
class TestLeaksAndOutputs(MenuSmokeMixin, KpiCommon):
    """Nobody reads figures that are not his, and every output works for those
    who can see the records: as the lowest-privileged user who could try."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._new_campaign()
        cls.campaign.action_generate_sheets()
        cls.campaign.action_open()
        cls.lead_sheet = cls.campaign.sheet_ids.filtered(
            lambda sheet: sheet.employee_id == cls.lead
        )
        cls.eval_line = cls.lead_sheet.line_ids.filtered(
            lambda line: line.indicator_id == cls.ind_eval
        )
        cls.direct_line = cls.lead_sheet.line_ids.filtered(
            lambda line: line.indicator_id == cls.ind_direct
        )
        cls.direct_line.with_user(cls.boss_user).write(
            {"actual": 77, "note": "Private: late twice"}
        )
        cls.evaluation = cls.eval_line.evaluation_ids
        cls.ind_eval.scoring_standard = "100 when every request is answered"

    def _closed_campaign(self, **vals):
        """A campaign closed by force and published."""
        campaign = self._new_campaign(**vals)
        campaign.action_generate_sheets()
        campaign.action_open()
        campaign._close(force_reason="Lead on leave")
        campaign.action_publish()
        self.env.invalidate_all()
        return campaign

    # ------------------------------------------------------------------
    # The evaluator (another department) and the line he rates
    # ------------------------------------------------------------------
    def test_evaluator_reads_his_evaluation_not_the_line(self):
        """The evaluator sees whom and what he rates, with its standard, from the
        evaluation itself; the line's figures and the manager's note stay out of
        his reach, read directly, searched or through a domain."""
        self.assertEqual(self.evaluation.evaluator_id, self.evaluator_user)
        self.assertNotEqual(self.evaluator.department_id, self.lead.department_id)
        self.env.invalidate_all()
        evaluation = self.evaluation.with_user(self.evaluator_user)
        values = evaluation.web_read(
            {
                "employee_id": {"fields": {"display_name": {}}},
                "indicator_id": {"fields": {"display_name": {}}},
                "campaign_id": {"fields": {"display_name": {}}},
                "scoring_standard": {},
                "assessment_method": {},
                "score": {},
                "state": {},
            }
        )[0]
        self.assertEqual(values["employee_id"]["display_name"], "Lead")
        self.assertEqual(
            values["indicator_id"]["display_name"], "Internal satisfaction"
        )
        self.assertEqual(
            values["scoring_standard"], "100 when every request is answered"
        )
        Line = self.env["cs.kpi.sheet.line"].with_user(self.evaluator_user)
        self.assertFalse(Line.search([]))
        for line in (self.eval_line, self.direct_line):
            for fname in ("actual", "note", "score", "weighted_score", "target"):
                with self.assertRaises(AccessError):
                    line.with_user(self.evaluator_user).read([fname])
        with self.assertRaises(AccessError):
            _actual = evaluation.line_id.actual
        with self.assertRaises(AccessError):
            _lines = evaluation.sheet_id.line_ids
        # no oracle through a search on the line's figures
        Evaluation = self.env["cs.kpi.evaluation"].with_user(self.evaluator_user)
        self.assertTrue(Evaluation.search([]))
        for domain in (
            [("line_id.actual", ">=", 0)],
            [("line_id.note", "!=", False)],
            [("sheet_id.total_score", ">=", 0)],
            [("sheet_id.line_ids.note", "ilike", "late")],
        ):
            self.assertFalse(Evaluation.search(domain), domain)
        # the form he opens from his to-do loads without the line
        views = Evaluation.get_views([(False, "form"), (False, "list")])
        self.assertNotIn('name="line_id"', views["views"]["form"]["arch"])
        self.assertEqual(self.direct_line.note, "Private: late twice")

    def test_evaluator_still_scores_and_submits(self):
        """Without reading the line, his submitted score still reaches it."""
        evaluation = self.evaluation.with_user(self.evaluator_user)
        evaluation.write({"score": 85, "comment": "Quick answers"})
        evaluation.action_submit()
        self.assertEqual(self.evaluation.state, "done")
        self.assertEqual(self.eval_line.actual, 85.0)
        self.assertTrue(self.eval_line.is_measured)

    # ------------------------------------------------------------------
    # Campaign statistics
    # ------------------------------------------------------------------
    def test_employee_reads_campaign_name_not_statistics(self):
        """A KPI employee reads his sheet and its campaign's name and period, not
        the campaign's results, not even through a domain or a group-by."""
        campaign = self._closed_campaign(name="Closed Q2", period_number=2)
        self.assertTrue(campaign.forced_close)
        sheet = campaign.sheet_ids.filtered(lambda s: s.employee_id == self.lead)
        mine = sheet.with_user(self.lead_user)
        self.assertEqual(mine.campaign_id.name, "Closed Q2")
        self.assertEqual(mine.read(["date_from"])[0]["date_from"], campaign.date_from)
        theirs = campaign.with_user(self.lead_user)
        self.assertEqual(theirs.read(["name", "date_to"])[0]["name"], "Closed Q2")
        Campaign = self.env["cs.kpi.campaign"].with_user(self.lead_user)
        for fname in STATISTICS:
            with self.assertRaises(AccessError):
                theirs.read([fname])
            with self.assertRaises(AccessError):
                Campaign.search_read([], [fname])
        with self.assertRaises(AccessError):
            Campaign.search([("pass_rate", ">=", 0)])
        with self.assertRaises(AccessError):
            Campaign.read_group([], ["average_score:avg"], [])
        # the evaluator of another department neither
        with self.assertRaises(AccessError):
            campaign.with_user(self.evaluator_user).read(["force_reason"])
        # nor in the chatter: the tracked reason is hidden from him
        tracked = self.env(context={})["cs.kpi.campaign"].create(
            {"name": "Tracked", "year": 2026}
        )
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracked.write({"forced_close": True, "force_reason": "Lead on leave"})
        self.env.flush_all()
        self.env.cr.precommit.run()
        trackings = tracked.message_ids.tracking_value_ids
        self.assertIn("force_reason", trackings.field_id.mapped("name"))
        visible = trackings._filter_has_field_access(theirs.env)
        self.assertFalse(
            {"force_reason", "forced_close"} & set(visible.field_id.mapped("name"))
        )
        # the campaign form (a link on his sheet) opens without the results, nor
        # the buttons of HR's steps
        arch = Campaign.get_views([(False, "form")])["views"]["form"]["arch"]
        for name in STATISTICS + ("missing_employee_ids", "action_export_xlsx"):
            self.assertNotIn(f'name="{name}"', arch)
        values = campaign.with_user(self.hr_officer).read(list(STATISTICS))[0]
        self.assertEqual(values["force_reason"], "Lead on leave")

    # ------------------------------------------------------------------
    # Every internal user sees his own sheets
    # ------------------------------------------------------------------
    def test_plain_internal_user_reads_his_own_sheet(self):
        """An internal user with no KPI role reads, prints and acknowledges his
        own published sheet, and nothing else; the menus he sees open."""
        plain_user = new_test_user(
            self.env, login="kpi_plain_internal", groups="base.group_user"
        )
        self.assertTrue(plain_user.has_group("cs_kpi.cs_kpi_group_own_sheet"))
        self.assertFalse(plain_user.has_group("cs_kpi.cs_kpi_group_employee"))
        plain = self.env["hr.employee"].create(
            {
                "name": "Plain Agent",
                "user_id": plain_user.id,
                "department_id": self.service.id,
                "job_id": self.job_agent.id,
                "parent_id": self.boss.id,
            }
        )
        campaign = self._new_campaign(name="Plain Q3", period_number=3)
        campaign.action_generate_sheets()
        campaign.action_open()
        sheet = campaign.sheet_ids.filtered(lambda s: s.employee_id == plain)
        Sheet = self.env["cs.kpi.sheet"].with_user(plain_user)
        self.assertFalse(Sheet.search([]), "not before publication")
        campaign.action_review()
        campaign.action_publish()
        self.assertEqual(Sheet.search([]), sheet)
        self.env.invalidate_all()
        mine = sheet.with_user(plain_user)
        mine.read(["total_score", "grade", "campaign_id", "date_from"])
        mine.line_ids.read(["indicator_id", "actual", "score"])
        mine.competency_line_ids.read(["competency_id", "rating"])
        colleague = campaign.sheet_ids.filtered(lambda s: s.employee_id == self.lead)
        with self.assertRaises(AccessError):
            colleague.with_user(plain_user).read(["total_score"])
        with self.assertRaises(AccessError):
            colleague.line_ids.with_user(plain_user).read(["actual"])
        with self.assertRaises(AccessError):
            mine.line_ids[0].write({"actual": 100})
        html = self._render_sheet(sheet, plain_user)
        self.assertIn("Plain Agent", html)
        wizard = Form(
            self.env["cs.kpi.sheet.acknowledge"]
            .with_user(plain_user)
            .with_context(default_sheet_id=sheet.id)
        )
        wizard.comment = "Seen"
        wizard.save().action_acknowledge()
        self.assertTrue(sheet.acknowledged)
        # his menus: his sheets, no campaigns, evaluations, reports or settings
        menus = self.visible_menus(plain_user, "cs_kpi")
        self.assertIn(self.env.ref("cs_kpi.cs_kpi_sheet_menu"), menus)
        for xmlid in (
            "cs_kpi.cs_kpi_campaign_menu",
            "cs_kpi.cs_kpi_evaluation_menu_mine",
            "cs_kpi.cs_kpi_evaluation_menu",
            "cs_kpi.cs_kpi_menu_report",
            "cs_kpi.cs_kpi_menu_config",
        ):
            self.assertNotIn(self.env.ref(xmlid), menus, xmlid)
        self.assertGreaterEqual(self.assertMenusOpen(plain_user, "cs_kpi"), 1)

    def test_existing_internal_users_got_their_sheets(self):
        """Users who existed before the module, like the demo user, have it."""
        group = self.env.ref("cs_kpi.cs_kpi_group_own_sheet")
        self.assertIn(group, self.env.ref("base.group_user").implied_ids)
        internal = self.env["res.users"].search([("share", "=", False)])
        self.assertFalse(internal - group.users)
        portal = new_test_user(self.env, login="kpi_portal", groups="base.group_portal")
        self.assertFalse(portal.has_group("cs_kpi.cs_kpi_group_own_sheet"))

    # ------------------------------------------------------------------
    # The printed sheet
    # ------------------------------------------------------------------
    def _render_sheet(self, sheet, user):
        self.env.invalidate_all()  # as a new request: nothing read by others
        return (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render_qweb_html("cs_kpi.cs_kpi_sheet_pdf_report", sheet.ids)[0]
            .decode()
        )

    def test_sheet_prints_for_employee_and_manager(self):
        """The employee and his manager print the sheet they see, in the
        employee's language, without reading his HR record."""
        self.lead.lang = "en_US"
        self.lead_sheet.published = True
        with self.assertRaises(AccessError):
            self.lead.with_user(self.lead_user).read(["lang"])
        for user in (self.lead_user, self.boss_user):
            self.env.invalidate_all()
            self.assertEqual(self.lead_sheet.with_user(user).report_lang, "en_US")
            html = self._render_sheet(self.lead_sheet, user)
            self.assertIn("Lead", html)
            self.assertIn("Satisfaction", html)
        # still nobody else's
        with self.assertRaises(QWebException) as error:
            self._render_sheet(self.lead_sheet, self.outsider_user)
        self.assertIsInstance(error.exception.__cause__, AccessError)

    # ------------------------------------------------------------------
    # The campaign workbook
    # ------------------------------------------------------------------
    def test_xlsx_worksheet_names_follow_excel_rules(self):
        """Departments named with an apostrophe, forbidden characters, a
        reserved or too long name, or names equal but for case, all export."""
        names = [
            "'Night shift'",
            "night shift",
            "Sales: [East]/West*?",
            "A" * 40,
            "History",
            "'''",
            "=1+1",
        ]
        departments = self.env["hr.department"].create([{"name": n} for n in names])
        self.env["hr.employee"].create(
            [
                {
                    "name": f"Agent {index}",
                    "department_id": department.id,
                    "job_id": self.job_agent.id,
                }
                for index, department in enumerate(departments)
            ]
        )
        campaign = self._new_campaign(
            name="Quoted Q4",
            period_number=4,
            department_ids=[Command.set(departments.ids)],
        )
        campaign.action_generate_sheets()
        self.assertEqual(len(campaign.sheet_ids), len(names))
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(self.hr_officer)
            ._render_xlsx("cs_kpi.campaign_xlsx", campaign.ids, {})
        )
        self.assertEqual(kind, "xlsx")
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        # one worksheet per department, then the computed lines' basis
        *titles, basis = workbook.sheetnames
        self.assertEqual(basis, "Basis")
        self.assertEqual(len(titles), len(names))
        self.assertEqual(len({title.lower() for title in titles}), len(titles))
        for title in titles:
            self.assertTrue(0 < len(title) <= 31, title)
            self.assertFalse(set(title) & set("[]:*?/\\"), title)
            self.assertFalse(title.startswith("'") or title.endswith("'"), title)
            self.assertNotEqual(title.lower(), "history")
        self.assertIn("Night shift", titles)
        # each worksheet is titled with the department's real name, as text
        self.assertEqual({workbook[title]["A1"].value for title in titles}, set(names))
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            for member in archive.namelist():
                if member.startswith("xl/worksheets/"):
                    self.assertNotIn(b"<f>", archive.read(member), member)

    # ------------------------------------------------------------------
    # The evaluators' to-do
    # ------------------------------------------------------------------
    def test_todo_note_escapes_the_campaign_name(self):
        """A campaign name with HTML shows as text in the evaluator's to-do."""
        name = '<b>Q1</b><img src="x" onerror="alert(1)">'
        campaign = self._new_campaign(name=name, period_number=2)
        campaign.action_generate_sheets()
        campaign.action_open()
        todo = campaign.activity_ids.filtered(
            lambda act: act.user_id == self.evaluator_user
        )
        self.assertEqual(len(todo), 1)
        note = str(todo.with_user(self.evaluator_user).note)
        self.assertNotIn("<b>", note)
        self.assertNotIn("<img", note)
        self.assertIn("&lt;b&gt;Q1&lt;/b&gt;", note)
        # still escaped once updated by a submission
        evaluation = campaign.sheet_ids.evaluation_ids[:1]
        evaluation.with_user(self.evaluator_user).action_submit()
        self.assertTrue(todo.exists(), "other evaluations are pending")
        self.assertNotIn("<b>", str(todo.note))
        self.assertIn("&lt;b&gt;Q1&lt;/b&gt;", str(todo.note))
