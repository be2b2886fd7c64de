"""Developer loop: run some Odoo test cases of the suite in a kept database, without updating modules.

    source tools/common.sh && odoo_script ukkr_test tools/test_one.py ukkr_collections.tests.test_monthly_close[.Class]

Python changes only (views, data and fields need `tools/retest.sh MODULE`). Each TransactionCase rolls back.
`--http` first serves HTTP on a free local port for the run (the HttpCase tests, e.g. the button sweep:
`odoo_script ukkr_test tools/test_one.py --http ukkr_reports.tests.test_button_sweep`).
"""
import csv
import socket
import threading
import unittest

import odoo


def serve_http():
    """Odoo's HTTP server in a thread, as `odoo --test-enable` runs it, on a free port the tests are told."""
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    odoo.tools.config["http_port"] = port
    odoo.tools.config["http_interface"] = "127.0.0.1"
    import odoo.tests.common as test_common
    test_common.PORT = port
    odoo.service.server.ThreadedServer(odoo.service.wsgi_server.application).http_spawn()


def main(env, argv):
    csv.field_size_limit(500 * 1024 * 1024)   # as odoo/cli/server.py sets it for the server and its test runner
    env.cr.rollback()   # the cases open their own cursors; this script's transaction writes nothing
    threading.currentThread().testing = True   # as Odoo's test runner: code that commits in production does not
    if argv and argv[0] == "--http":
        argv = argv[1:]
        serve_http()
    suite = unittest.TestSuite()
    for name in argv:
        suite.addTests(unittest.defaultTestLoader.loadTestsFromName("odoo.addons." + name))
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    if not result.wasSuccessful():
        raise SystemExit(1)
