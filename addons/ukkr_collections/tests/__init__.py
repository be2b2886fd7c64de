from . import test_accounting_setup
