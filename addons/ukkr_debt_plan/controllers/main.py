from odoo import http
from odoo.http import request

from odoo.addons.password_security.controllers.main import PasswordSecurityHome


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
