#!/usr/bin/env python3
"""Run a maintenance script inside an Odoo 11 environment, in one transaction.

Usage: odoo_exec.py SCRIPT.py [odoo options…] -- [script arguments…]
SCRIPT.py defines ``main(env, argv)``; it runs as the superuser and is committed only when it returns normally,
so a failing setup leaves the database as it was.
"""
import importlib.util
import logging
import sys

import odoo
from odoo import SUPERUSER_ID, api


def main():
    script = sys.argv[1]
    rest = sys.argv[2:]
    odoo_argv, script_argv = (rest[:rest.index("--")], rest[rest.index("--") + 1:]) if "--" in rest else (rest, [])
    odoo.tools.config.parse_config(odoo_argv)
    odoo.netsvc.init_logger()
    logging.getLogger("odoo").setLevel(logging.WARNING)
    spec = importlib.util.spec_from_file_location("ukkr_script", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    dbname = odoo.tools.config["db_name"]
    registry = odoo.registry(dbname)
    with api.Environment.manage(), registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"lang": "ru_RU", "tz": "Asia/Krasnoyarsk"})
        module.main(env, script_argv)
        cr.commit()


if __name__ == "__main__":
    main()
