"""Developer loop: run some Odoo test cases of the suite in a kept database, without updating modules.

    source tools/common.sh && odoo_script ukkr_test tools/test_one.py ukkr_collections.tests.test_monthly_close[.Class]

Python changes only (views, data and fields need `tools/retest.sh MODULE`). Each TransactionCase rolls back.
"""
import csv
import unittest


def main(env, argv):
    csv.field_size_limit(500 * 1024 * 1024)   # as odoo/cli/server.py sets it for the server and its test runner
    env.cr.rollback()   # the cases open their own cursors; this script's transaction writes nothing
    suite = unittest.TestSuite()
    for name in argv:
        suite.addTests(unittest.defaultTestLoader.loadTestsFromName("odoo.addons." + name))
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    if not result.wasSuccessful():
        raise SystemExit(1)
