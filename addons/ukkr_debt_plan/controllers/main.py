from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request
from odoo.tools import html_escape

from odoo.addons.password_security.controllers.main import PasswordSecurityHome
from odoo.addons.web.controllers.main import ReportController


class UkkrHome(PasswordSecurityHome):
    """The login page speaks the suite's language: Russian, whatever the browser asks for, when it is installed.

    Odoo 11 takes the login page's language from the browser's Accept-Language; a municipal office's browsers are
    often in English. ``?lang=en_US`` still switches it explicitly.
    """

    @http.route()
    def web_login(self, redirect=None, **kw):
        wanted = kw.get("lang") or "ru_RU"
        if request.session.db and not request.session.uid:
            installed = dict(request.env["res.lang"].sudo().get_installed())
            if wanted in installed:
                request.session.context = dict(request.session.context or {}, lang=wanted)
                request.context = dict(request.context, lang=wanted)
        response = super().web_login(redirect=redirect, **kw)
        # a login blocked for repeated wrong passwords (OCA auth_brute_force) says so, in Russian
        qcontext = getattr(response, "qcontext", None)
        if request.httprequest.method == "POST" and qcontext and qcontext.get("error") and kw.get("login"):
            message = request.env["res.users"].sudo().with_context(lang=wanted)._ukkr_login_blocked_message(
                kw["login"], request.httprequest.remote_addr)
            if message:
                qcontext["error"] = message
        return response


class UkkrReportController(ReportController):
    """A report the user may not read answers 403 Forbidden with the reason (not a 500 server error); a report
    refused for a business reason answers 400 with its message."""

    @http.route()
    def report_routes(self, reportname, docids=None, converter=None, **data):
        try:
            if docids:   # the documents are checked before rendering (inside a template the error is wrapped)
                report = request.env["ir.actions.report"]._get_report_from_name(reportname)
                if report and report.model in request.env:
                    records = request.env[report.model].browse([int(i) for i in docids.split(",")])
                    records.check_access_rights("read")
                    records.check_access_rule("read")
            return super().report_routes(reportname, docids=docids, converter=converter, **data)
        except (AccessError, MissingError) as error:
            return self._refusal(403, error)
        except UserError as error:
            return self._refusal(400, error)

    @staticmethod
    def _refusal(status, error):
        text = getattr(error, "name", None) or str(error)
        response = request.make_response(html_escape(text), headers=[("Content-Type", "text/plain; charset=utf-8")])
        response.status_code = status
        return response
