"""SMS gateway adapters: one small class per provider protocol, registered by code. No Odoo here.

An adapter is built from a plain config dict (``url``, ``login``, ``token``, ``sender``, ``timeout`` in seconds) and
has two methods:

- ``send(phone, text, client_id)`` → :class:`SmsResult` (``status`` ``sent`` or ``delivered``, ``provider_id``)
  or raises :class:`SmsError` (``kind`` one of ``timeout``, ``connection``, ``http``, ``format``, ``rejected`` and
  a technical ``detail``); the caller retries and translates the kind into a message;
- ``check()`` → a short text describing the account (balance, name…) or raises :class:`SmsError`;
- ``status(provider_ids)`` → the delivery status of sent messages, ``[{"id", "status", "time"}]`` in the shape of
  the gateway's delivery reports (``ukkr_sms_delivery``), for the polling of messages without a report
  (``ukkr_sms_polling``); raises :class:`SmsError`. ``STATUS_BATCH`` ids go in one request at most.

To add a provider: subclass :class:`SmsProvider`, set ``code``, decorate with ``@register`` and add the code to the
``provider`` selection of ``ukkr.sms.gateway`` (a test checks that both lists agree).
"""
from collections import namedtuple

import re

import requests

PROVIDERS = {}

SmsResult = namedtuple("SmsResult", "status provider_id raw")

ERROR_STATUSES = ("error", "failed", "fail", "rejected", "refused")


class SmsError(Exception):
    def __init__(self, kind, detail=""):
        super().__init__(kind, detail)
        self.kind = kind
        self.detail = (detail or "")[:500]


def register(cls):
    PROVIDERS[cls.code] = cls
    return cls


def get_provider(code, config):
    if code not in PROVIDERS:
        raise SmsError("format", "unknown provider %r" % code)
    return PROVIDERS[code](config)


class SmsProvider:
    code = None

    def __init__(self, config):
        self.config = config

    def _post(self, url, **kwargs):
        """POST and return the decoded JSON object; every transport problem becomes an SmsError."""
        timeout = self.config.get("timeout") or 10
        try:
            response = requests.post(url, timeout=timeout, **kwargs)
        except requests.Timeout:
            raise SmsError("timeout", str(timeout))
        except requests.RequestException as exc:
            reason = re.search(r"\[Errno -?\d+\] ([^'\")\]]+)", str(exc))  # e.g. «Connection refused»
            raise SmsError("connection", "%s: %s" % (url, reason.group(1) if reason else str(exc)[:200]))
        if response.status_code >= 400:
            raise SmsError("http", "HTTP %s: %s" % (response.status_code, response.text[:300]))
        try:
            data = response.json()
        except ValueError:
            raise SmsError("format", "HTTP %s, not JSON: %s" % (response.status_code, response.text[:300]))
        if not isinstance(data, dict):
            raise SmsError("format", "JSON is not an object: %s" % response.text[:300])
        return data

    STATUS_BATCH = 100

    def send(self, phone, text, client_id):
        raise NotImplementedError

    def check(self):
        raise NotImplementedError

    def status(self, provider_ids):
        raise SmsError("format", "the protocol has no status request")


@register
class GenericJsonProvider(SmsProvider):
    """Generic JSON over HTTP.

    Send: ``POST url`` with the JSON object ``{"login", "token", "sender", "phone", "text", "client_id"}``
    (``phone`` as +7XXXXXXXXXX, ``client_id`` our unique message reference, so that the provider can drop a
    repeated request). Answer: HTTP 2xx and a JSON object with ``id`` (or ``message_id``) and ``status``; a status
    of error/failed/rejected (with ``error`` or ``message`` saying why) is a refusal; ``delivered`` is taken as
    delivered, anything else as sent. Check: ``POST url`` with ``{"login", "token", "sender", "check": true}``,
    answered by any JSON object whose status is not an error.
    """
    code = "generic_json"

    def _credentials(self):
        return {"login": self.config.get("login") or "", "token": self.config.get("token") or "",
                "sender": self.config.get("sender") or ""}

    @staticmethod
    def _refusal(data):
        status = str(data.get("status") or "").lower()
        if status in ERROR_STATUSES:
            return str(data.get("error") or data.get("message") or data.get("description") or status)
        return None

    def send(self, phone, text, client_id):
        payload = dict(self._credentials(), phone=phone, text=text, client_id=client_id)
        data = self._post(self.config["url"], json=payload)
        refusal = self._refusal(data)
        if refusal:
            raise SmsError("rejected", refusal)
        provider_id = data.get("id") or data.get("message_id")
        if not provider_id:
            raise SmsError("format", "no message id in the answer: %s" % data)
        status = "delivered" if str(data.get("status") or "").lower() == "delivered" else "sent"
        return SmsResult(status, str(provider_id), data)

    def check(self):
        data = self._post(self.config["url"], json=dict(self._credentials(), check=True))
        refusal = self._refusal(data)
        if refusal:
            raise SmsError("rejected", refusal)
        return ", ".join("%s: %s" % (k, v) for k, v in sorted(data.items()))

    def status(self, provider_ids):
        """``POST status_url`` (default: the send URL with its last part replaced by ``status``) with
        ``{"login", "token", "ids": [...]}``; answer ``{"messages": [{"id", "status", "time"}]}``."""
        url = self.config.get("status_url") or self.config["url"].rstrip("/").rsplit("/", 1)[0] + "/status"
        data = self._post(url, json=dict(self._credentials(), ids=list(provider_ids)))
        refusal = self._refusal(data)
        if refusal:
            raise SmsError("rejected", refusal)
        items = data.get("messages")
        if not isinstance(items, list):
            raise SmsError("format", "no list of messages in the status answer: %s" % str(data)[:300])
        return [{"id": str(item.get("id") or ""), "status": item.get("status"), "time": item.get("time")}
                for item in items if isinstance(item, dict) and item.get("id")]


@register
class SmsRuStyleProvider(SmsProvider):
    """A form-encoded API in the style of SMS.ru: ``url`` is the send address (…/sms/send).

    Send: ``POST url`` form ``api_id`` (the token), ``to`` (11 digits, 7XXXXXXXXXX), ``msg``, ``from`` (sender, if
    set), ``json=1``. Answer: ``{"status": "OK", "sms": {"79…": {"status": "OK", "sms_id": "…"}}}``, or
    ``"status": "ERROR"`` with ``status_text`` at the top or per number. Check: ``POST`` to the sibling
    ``…/auth/check`` with ``api_id`` and ``json=1``.
    """
    code = "smsru_form"

    def send(self, phone, text, client_id):
        to = phone.lstrip("+")
        form = {"api_id": self.config.get("token") or "", "to": to, "msg": text, "json": "1"}
        if self.config.get("sender"):
            form["from"] = self.config["sender"]
        data = self._post(self.config["url"], data=form)
        if str(data.get("status")).upper() != "OK":
            raise SmsError("rejected", str(data.get("status_text") or data))
        item = (data.get("sms") or {}).get(to) or {}
        if str(item.get("status")).upper() != "OK":
            raise SmsError("rejected", str(item.get("status_text") or item or data))
        if not item.get("sms_id"):
            raise SmsError("format", "no sms_id in the answer: %s" % data)
        return SmsResult("sent", str(item["sms_id"]), data)

    def check(self):
        url = self.config["url"].rstrip("/")
        base = url[:-len("/sms/send")] if url.endswith("/sms/send") else url.rsplit("/", 1)[0]
        data = self._post(base + "/auth/check",
                          data={"api_id": self.config.get("token") or "", "json": "1"})
        if str(data.get("status")).upper() != "OK":
            raise SmsError("rejected", str(data.get("status_text") or data))
        return str(data.get("status_text") or "OK")

    # the status codes of the SMS.ru-style status request: delivered (103, 110 read) and final failures
    DELIVERED_CODES = (103, 110)
    FAILED_CODES = (104, 105, 106, 107, 108, 150)

    def status(self, provider_ids):
        """``POST …/sms/status`` form ``api_id``, ``sms_id`` (comma-separated), ``json=1``; answer
        ``{"status": "OK", "sms": {"<id>": {"status": "OK", "status_code": 103, "status_text": …}}}``."""
        url = self.config["url"].rstrip("/")
        base = url[:-len("/send")] if url.endswith("/send") else url.rsplit("/", 1)[0]
        data = self._post(base + "/status", data={"api_id": self.config.get("token") or "",
                                                  "sms_id": ",".join(provider_ids), "json": "1"})
        if str(data.get("status")).upper() != "OK":
            raise SmsError("rejected", str(data.get("status_text") or data))
        reports = []
        for provider_id, item in (data.get("sms") or {}).items():
            try:
                code = int((item or {}).get("status_code"))
            except (TypeError, ValueError):
                continue
            status = "delivered" if code in self.DELIVERED_CODES else "failed" if code in self.FAILED_CODES \
                else "enroute"
            reports.append({"id": str(provider_id), "status": status, "time": None})
        return reports
