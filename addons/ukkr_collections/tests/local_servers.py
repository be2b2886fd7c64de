"""Real local servers for the messaging tests: an HTTP SMS gateway and an SMTP server, each in a thread on a free
port of 127.0.0.1. They record what arrived; the gateway can be told to fail, refuse or be slow."""
import asyncore
import json
import smtpd
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs


class FakeSmsGateway:
    """``requests``: list of dicts (path, headers, body bytes, json or form). Behaviour of the next requests:
    ``fail(n, status)`` answers HTTP ``status`` n times; ``refuse(n, error)`` answers a JSON error n times;
    ``delay`` seconds before every answer; ``answer_status`` is the status of successful answers."""

    def __init__(self):
        self.requests = []
        self.failures = []  # queue of ("http", status) / ("refuse", text)
        self.delay = 0
        self.answer_status = "accepted"
        self.lock = threading.Lock()
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                record = {"path": self.path, "headers": dict(self.headers), "body": raw}
                if "json" in (self.headers.get("Content-Type") or ""):
                    record["json"] = json.loads(raw.decode("utf-8"))
                else:
                    record["form"] = {k: v[0] for k, v in parse_qs(raw.decode("utf-8")).items()}
                with gateway.lock:
                    gateway.requests.append(record)
                    number = len(gateway.requests)
                    failure = gateway.failures.pop(0) if gateway.failures else None
                if gateway.delay:
                    time.sleep(gateway.delay)
                if failure and failure[0] == "http":
                    return self._answer(failure[1], {"error": "internal"})
                if failure:
                    return self._answer(200, {"status": "error", "error": failure[1]})
                if "/auth/check" in self.path:
                    return self._answer(200, {"status": "OK", "status_code": 100, "status_text": "balance 42"})
                if "form" in record:
                    to = record["form"].get("to")
                    return self._answer(200, {"status": "OK", "status_code": 100,
                                              "sms": {to: {"status": "OK", "sms_id": "RU-%d" % number}}})
                if record["json"].get("check"):
                    return self._answer(200, {"status": "ok", "balance": 42})
                return self._answer(200, {"id": "MSG-%d" % number, "status": gateway.answer_status})

            def _answer(self, status, payload):
                body = json.dumps(payload).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout test)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = "http://127.0.0.1:%d/api/send" % self.port
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)
        self.thread.start()

    def fail(self, count, status=500):
        self.failures += [("http", status)] * count

    def refuse(self, count, error):
        self.failures += [("refuse", error)] * count

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


class LocalSmtpServer:
    """An SMTP server (stdlib ``smtpd``) on a free port; ``messages`` holds (mail from, recipients, raw bytes)."""

    def __init__(self):
        self.messages = []
        self._map = {}
        self._stop = threading.Event()
        outer = self

        class Server(smtpd.SMTPServer):
            def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
                outer.messages.append((mailfrom, rcpttos, data))

        self.server = Server(("127.0.0.1", 0), None, map=self._map, decode_data=False)
        self.port = self.server.socket.getsockname()[1]
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()

    def _loop(self):
        while not self._stop.is_set():
            asyncore.loop(timeout=0.05, map=self._map, count=1)

    def stop(self):
        self._stop.set()
        self.thread.join(5)
        asyncore.close_all(map=self._map)
