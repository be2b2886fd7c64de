from . import test_accounting_setup
from . import test_penalty_rules
from . import test_billing_parser
from . import test_billing_import
from . import test_allocation
from . import test_monthly_close
from . import test_xlsx_safe
from . import test_bad_input_campaign
