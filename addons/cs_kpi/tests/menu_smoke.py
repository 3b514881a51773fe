# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Open every menu of an addon as a given user, as the web client would."""

from odoo.tools.safe_eval import datetime, dateutil, safe_eval, time


class MenuSmokeMixin:
    """``assertMenusOpen(user, module)``: every menu of ``module`` that ``user``
    sees loads its views and its first records without an error."""

    def _eval_context(self, user):
        return {
            "uid": user.id,
            "user": user,
            "allowed_company_ids": user.company_ids.ids,
            "context_today": lambda: datetime.date.today(),
            "current_date": time.strftime("%Y-%m-%d"),
            "datetime": datetime,
            "relativedelta": dateutil.relativedelta.relativedelta,
            "time": time,
        }

    def visible_menus(self, user, module):
        """The menus of ``module`` in ``user``'s menu tree: visible themselves and
        through all their ancestors, as the web client builds the tree."""
        menus = self.env["ir.ui.menu"].with_user(user)
        visible_ids = menus._visible_menu_ids()
        visible = menus.browse(visible_ids).sudo()
        names = visible.get_external_id()
        return visible.filtered(
            lambda menu: (
                names.get(menu.id, "").startswith(module + ".")
                and all(
                    int(ancestor) in visible_ids
                    for ancestor in menu.parent_path.split("/")
                    if ancestor
                )
            )
        ).with_user(user)

    def assertMenusOpen(self, user, module):
        menus = self.visible_menus(user, module)
        opened = 0
        for menu in menus.sudo().filtered(
            lambda m: m.action and m.action._name == "ir.actions.act_window"
        ):
            action = menu.action
            eval_context = self._eval_context(user)
            context = safe_eval(action.context or "{}", eval_context)
            domain = safe_eval(action.domain or "[]", eval_context)
            model = self.env[action.res_model].with_user(user).with_context(**context)
            modes = [mode for mode in action.view_mode.split(",") if mode]
            views = [(action.view_id.id or False, mode) for mode in modes]
            views.append((action.search_view_id.id or False, "search"))
            result = model.get_views(views, {"load_filters": True})
            self.assertTrue(result["views"], f"{menu.complete_name}: no view")
            model.web_search_read(domain, specification={"display_name": {}}, limit=20)
            opened += 1
        return opened
