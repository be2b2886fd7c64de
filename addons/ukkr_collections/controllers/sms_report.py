import hmac
import json
import logging

from odoo import SUPERUSER_ID, http
from odoo.http import Response, request

_logger = logging.getLogger(__name__)
MAX_BODY = 1024 * 1024


def _json(data, status):
    return Response(json.dumps(data), status=status, content_type="application/json")


class UkkrSmsReport(http.Controller):
    """The SMS gateway's delivery reports (see ``models/ukkr_sms_delivery.py``): authenticated by the gateway's
    own token, compared in constant time; a wrong or missing token, an unknown gateway and a malformed body all get
    the same answer and change nothing."""

    @http.route("/ukkr/sms/report/<int:gateway_id>", type="http", auth="none", methods=["POST"], csrf=False)
    def sms_report(self, gateway_id, **form):
        env = request.env(user=SUPERUSER_ID)
        headers = request.httprequest.headers
        token = (headers.get("Authorization") or "")
        token = token[7:].strip() if token.lower().startswith("bearer ") else (headers.get("X-UKKR-Token") or "")
        gateway = env["ukkr.sms.gateway"].with_context(active_test=False).browse(gateway_id).exists()
        expected = gateway.report_token if gateway else ""
        if not token or not expected or not hmac.compare_digest(token.encode(), expected.encode()):
            _logger.warning("SMS delivery report for gateway %s refused: %s", gateway_id,
                            "no such gateway" if not gateway else ("no key set" if not expected else "wrong key"))
            return _json({"error": "forbidden"}, 403)
        body = request.httprequest.get_data(cache=False)[:MAX_BODY + 1]
        reports = None
        if len(body) <= MAX_BODY and body.strip().startswith((b"{", b"[")):
            try:
                data = json.loads(body.decode("utf-8"))
                reports = data if isinstance(data, list) else [data]
            except ValueError:
                reports = None
        elif form:
            reports = [dict(form)]
        if reports is None:
            return _json({"error": "bad request"}, 400)
        applied, unknown = env["ukkr.sms.message"]._apply_delivery_reports(gateway, reports)
        return _json({"applied": applied, "unknown": unknown}, 200)
