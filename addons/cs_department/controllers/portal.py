# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64

from dateutil.relativedelta import relativedelta

from odoo import fields, http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

#: The identity documents a customer attaches to a change request.
ATTACHMENT_MAX_SIZE = 10 * 1024 * 1024
ATTACHMENT_MAX_COUNT = 5
#: Months of traffic shown per line.
TRAFFIC_MONTHS = 6


class CsCustomerPortal(CustomerPortal):
    """The customer's lines, change requests and visits. Everything is read
    and created as the portal user, through the access and record rules of
    ``security/cs_portal_security.xml`` and the models' guard: the only
    superuser step is the ticket and its attachments (as helpdesk_mgmt's own
    portal), after the request itself was created as the customer."""

    # ------------------------------------------------------------------
    # Home
    # ------------------------------------------------------------------
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        for counter, model in (
            ("cs_service_line_count", "cs.service.line"),
            ("cs_change_request_count", "cs.change.request"),
            ("cs_work_order_count", "cs.work.order"),
        ):
            if counter in counters:
                Model = request.env[model]
                values[counter] = (
                    Model.search_count(self._cs_domain(model))
                    if Model.has_access("read")
                    else 0
                )
        return values

    def _cs_domain(self, model):
        """What the portal pages list: the record rules restrict them to the
        customer's; the pages add what a customer follows."""
        if model == "cs.work.order":
            return [("state", "in", ["scheduled", "in_progress", "done"])]
        return []

    def _cs_list(self, model, url, page, sortby, sortings, step=None):
        """The records of a portal list page with its pager and sorting."""
        Model = request.env[model]
        if sortby not in sortings:
            sortby = next(iter(sortings))
        domain = self._cs_domain(model)
        pager = portal_pager(
            url=url,
            url_args={"sortby": sortby},
            total=Model.search_count(domain),
            page=page,
            step=step or self._items_per_page,
        )
        records = Model.search(
            domain,
            order=sortings[sortby]["order"],
            limit=step or self._items_per_page,
            offset=pager["offset"],
        )
        return records, pager, sortby

    # ------------------------------------------------------------------
    # My lines
    # ------------------------------------------------------------------
    def _cs_line_sortings(self):
        env = request.env
        return {
            "number": {"label": env._("Number"), "order": "name, id"},
            "type": {"label": env._("Service Type"), "order": "service_type, name"},
            "state": {"label": env._("Status"), "order": "state, name"},
            "since": {"label": env._("Since"), "order": "date_start desc, name"},
        }

    def _cs_traffic(self, lines):
        """``{line_id: [(month, volume, percent)]}``: the last months of traffic
        of ``lines``, for the bars of the page; one ``_read_group``."""
        today = request.env.company._cs_today(request.env.user)
        first = today.replace(day=1) - relativedelta(months=TRAFFIC_MONTHS - 1)
        months = [first + relativedelta(months=n) for n in range(TRAFFIC_MONTHS)]
        volumes = {
            (line.id, month): volume
            for line, month, volume in request.env["cs.traffic.record"]._read_group(
                [
                    ("service_line_id", "in", lines.ids),
                    ("granularity", "=", "month"),
                    ("period_start", ">=", first),
                ],
                ["service_line_id", "period_start:month"],
                ["volume:sum"],
            )
        }
        result = {}
        for line in lines:
            series = [(month, volumes.get((line.id, month), 0.0)) for month in months]
            top = max(volume for _month, volume in series) or 1.0
            result[line.id] = [
                (month, volume, round(100 * volume / top)) for month, volume in series
            ]
        return result

    @http.route(
        ["/my/service-lines", "/my/service-lines/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_service_lines(self, page=1, sortby=None, **kw):
        if not request.env["cs.service.line"].has_access("read"):
            return request.redirect("/my")
        lines, pager, sortby = self._cs_list(
            "cs.service.line",
            "/my/service-lines",
            page,
            sortby,
            self._cs_line_sortings(),
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "lines": lines,
                "traffic": self._cs_traffic(lines),
                "page_name": "cs_service_lines",
                "default_url": "/my/service-lines",
                "pager": pager,
                "searchbar_sortings": self._cs_line_sortings(),
                "sortby": sortby,
            }
        )
        return request.render("cs_department.portal_my_service_lines", values)

    # ------------------------------------------------------------------
    # Ask for a business change
    # ------------------------------------------------------------------
    def _cs_change_form_values(self, kw, error=None):
        env = request.env
        company = env.company.sudo()
        Order = env["cs.change.order"]
        ChangeLine = env["cs.change.request.line"]
        lines = env["cs.service.line"].search([("state", "!=", "closed")])
        selected = set(request.httprequest.form.getlist("service_line_ids"))
        if kw.get("line_id"):
            selected.add(str(kw["line_id"]))
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "cs_change_request_new",
                "lines": lines,
                "selected_line_ids": selected,
                "change_types": ChangeLine._fields[
                    "change_type"
                ]._description_selection(env),
                "service_types": ChangeLine._fields[
                    "service_type"
                ]._description_selection(env),
                "permission_levels": ChangeLine._fields[
                    "new_permission_level"
                ]._description_selection(env),
                "expedited_delay": Order._cs_delay_text(
                    company.cs_change_order_expedited_sla_id
                ),
                "normal_delay": Order._cs_delay_text(company.cs_change_order_sla_id),
                "today": company._cs_today(env.user),
                "max_attachment_mb": ATTACHMENT_MAX_SIZE // (1024 * 1024),
                "max_attachment_count": ATTACHMENT_MAX_COUNT,
                "form": kw,
                "error": error,
            }
        )
        return values

    @http.route("/my/service-lines/change", type="http", auth="user", website=True)
    def portal_cs_change_form(self, **kw):
        if not request.env["cs.change.request"].has_access("create"):
            return request.redirect("/my")
        return request.render(
            "cs_department.portal_cs_change_request_form",
            self._cs_change_form_values(kw),
        )

    def _cs_parse_change(self, kw):
        """The request's values from the form, or a ``UserError`` saying what
        is wrong. Only the types and lines a customer may choose pass; the
        models check the rest again (dates, texts, the lines' customer)."""
        env = request.env
        ChangeLine = env["cs.change.request.line"]
        kinds = dict(ChangeLine._fields["change_type"]._description_selection(env))
        kind = kw.get("change_type")
        if kind not in kinds:
            raise UserError(env._("Choose one of the change types offered."))
        try:
            line_ids = [
                int(value)
                for value in request.httprequest.form.getlist("service_line_ids")
            ]
        except ValueError:
            raise UserError(env._("Choose the lines among your lines.")) from None
        lines = env["cs.service.line"].search(
            [("id", "in", line_ids), ("state", "!=", "closed")]
        )
        if len(lines) != len(set(line_ids)):
            raise UserError(
                env._("One of the chosen lines is not an open line of yours.")
            )
        if kind == "add_line" and lines:
            raise UserError(env._("A line to add is not one of your lines."))
        if kind != "add_line" and not lines:
            raise UserError(env._("Choose the lines to change."))
        try:
            wanted = fields.Date.to_date(kw.get("wanted_date") or None)
        except ValueError:
            wanted = None
        if not wanted:
            raise UserError(env._("Give the wanted date as a valid date."))
        levels = dict(
            ChangeLine._fields["new_permission_level"]._description_selection(env)
        )
        level = kw.get("new_permission_level") or False
        if kind == "change_permission" and level not in levels:
            raise UserError(env._("Choose the new permission level."))
        services = dict(ChangeLine._fields["service_type"]._description_selection(env))
        service_type = kw.get("service_type") or False
        if kind == "add_line" and service_type not in services:
            raise UserError(env._("Choose the service type of the line to add."))
        new_value = (kw.get("new_value") or "").strip() or False
        line_vals = {
            "change_type": kind,
            "new_value": new_value
            if kind in ("add_line", "change_basic_data")
            else False,
            "new_permission_level": level if kind == "change_permission" else False,
        }
        if kind == "add_line":
            changes = [dict(line_vals, service_type=service_type)]
        else:
            changes = [
                dict(line_vals, service_line_id=line.id, sequence=10 * (n + 1))
                for n, line in enumerate(lines)
            ]
        vals = {
            "wanted_date": wanted,
            "expedited": bool(kw.get("expedited")),
            "description": (kw.get("description") or "").strip() or False,
            "line_ids": [fields.Command.create(change) for change in changes],
        }
        if kw.get("partner_id"):
            # never taken from the user: a forged customer meets the rules
            try:
                vals["partner_id"] = int(kw["partner_id"])
            except ValueError:
                raise UserError(env._("Unknown customer.")) from None
        return vals

    def _cs_uploaded_files(self):
        """The uploaded documents, checked before anything is created."""
        env = request.env
        files = [
            upload
            for upload in request.httprequest.files.getlist("attachment")
            if upload.filename
        ]
        if len(files) > ATTACHMENT_MAX_COUNT:
            raise UserError(
                env._("Attach at most %(count)s documents.", count=ATTACHMENT_MAX_COUNT)
            )
        result = []
        for upload in files:
            data = upload.read(ATTACHMENT_MAX_SIZE + 1)
            if len(data) > ATTACHMENT_MAX_SIZE:
                raise UserError(
                    env._(
                        "%(name)s is too large: a document may have at most "
                        "%(size)s MB.",
                        name=upload.filename,
                        size=ATTACHMENT_MAX_SIZE // (1024 * 1024),
                    )
                )
            result.append((upload.filename[:255], data))
        return result

    @http.route(
        "/my/service-lines/change/submit",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
        csrf=True,
    )
    def portal_cs_change_submit(self, **kw):
        env = request.env
        try:
            # nothing of a refused request stays: not the request, not its
            # ticket, not a document
            with env.cr.savepoint():
                vals = self._cs_parse_change(kw)
                files = self._cs_uploaded_files()
                change_request = env["cs.change.request"].create(vals)
                ticket = change_request.sudo().ticket_id
                if files:
                    # as helpdesk_mgmt's portal: on the customer's new
                    # ticket, checked in size and number above
                    env["ir.attachment"].sudo().create(
                        [
                            {
                                "name": name,
                                "datas": base64.b64encode(data),
                                "res_model": "helpdesk.ticket",
                                "res_id": ticket.id,
                            }
                            for name, data in files
                        ]
                    )
        except (UserError, ValidationError, AccessError) as error:
            message = error.args[0] if error.args else str(error)
            if isinstance(error, AccessError):
                message = env._(
                    "This request is refused: it concerns lines or a customer "
                    "that are not yours."
                )
            response = request.render(
                "cs_department.portal_cs_change_request_form",
                self._cs_change_form_values(kw, error=message),
            )
            response.status_code = 400
            return response
        return request.redirect(f"/my/ticket/{ticket.id}")

    # ------------------------------------------------------------------
    # My change requests
    # ------------------------------------------------------------------
    def _cs_request_sortings(self):
        env = request.env
        return {
            "date": {"label": env._("Newest"), "order": "create_date desc, id desc"},
            "wanted": {"label": env._("Wanted Date"), "order": "wanted_date, id"},
            "state": {"label": env._("Status"), "order": "state, id desc"},
        }

    @http.route(
        ["/my/change-requests", "/my/change-requests/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_change_requests(self, page=1, sortby=None, **kw):
        if not request.env["cs.change.request"].has_access("read"):
            return request.redirect("/my")
        requests, pager, sortby = self._cs_list(
            "cs.change.request",
            "/my/change-requests",
            page,
            sortby,
            self._cs_request_sortings(),
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "change_requests": requests,
                "page_name": "cs_change_requests",
                "default_url": "/my/change-requests",
                "pager": pager,
                "searchbar_sortings": self._cs_request_sortings(),
                "sortby": sortby,
            }
        )
        return request.render("cs_department.portal_my_change_requests", values)

    # ------------------------------------------------------------------
    # My installation visits
    # ------------------------------------------------------------------
    def _cs_visit_sortings(self):
        env = request.env
        return {
            "date": {"label": env._("Date"), "order": "scheduled_date desc, id desc"},
            "kind": {"label": env._("Kind"), "order": "kind, scheduled_date desc"},
            "state": {"label": env._("Status"), "order": "state, scheduled_date desc"},
        }

    def _cs_render_visits(self, page=1, sortby=None, error=None, status=200):
        orders, pager, sortby = self._cs_list(
            "cs.work.order",
            "/my/work-orders",
            page,
            sortby,
            self._cs_visit_sortings(),
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "work_orders": orders,
                "page_name": "cs_work_orders",
                "default_url": "/my/work-orders",
                "pager": pager,
                "searchbar_sortings": self._cs_visit_sortings(),
                "sortby": sortby,
                "error": error,
            }
        )
        response = request.render("cs_department.portal_my_work_orders", values)
        response.status_code = status
        return response

    @http.route(
        ["/my/work-orders", "/my/work-orders/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_work_orders(self, page=1, sortby=None, **kw):
        if not request.env["cs.work.order"].has_access("read"):
            return request.redirect("/my")
        return self._cs_render_visits(page, sortby)

    @http.route(
        "/my/work-orders/<int:order_id>/sign-off",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
        csrf=True,
    )
    def portal_cs_work_order_signoff(self, order_id, **kw):
        env = request.env
        try:
            with env.cr.savepoint():
                order = env["cs.work.order"].search([("id", "=", order_id)])
                if not order:
                    raise UserError(env._("This visit is not one of yours."))
                if order.signoff_ids:
                    raise UserError(env._("This visit is already signed off."))
                rating = (kw.get("rating") or "").strip()
                vals = {
                    "work_order_id": order.id,
                    "comment": (kw.get("comment") or "").strip() or False,
                }
                if rating:
                    if not rating.isdigit() or not 0 <= int(rating) <= 100:
                        raise UserError(
                            env._("Rate the visit with a whole number from 0 to 100.")
                        )
                    vals.update(rated=True, rating=int(rating))
                env["cs.work.order.signoff"].create(vals)
        except (UserError, ValidationError, AccessError) as error:
            message = error.args[0] if error.args else str(error)
            if isinstance(error, AccessError):
                message = env._("This visit is not one of yours.")
            return self._cs_render_visits(error=message, status=400)
        return request.redirect("/my/work-orders")
