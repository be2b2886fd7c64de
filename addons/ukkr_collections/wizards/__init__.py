from . import ukkr_billing_import_wizard
