from odoo import http
from odoo.http import request

from odoo.addons.web.controllers.main import Home


class UkkrHome(Home):
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
        return super().web_login(redirect=redirect, **kw)
