from . import test_accounting_setup
from . import test_penalty_rules
