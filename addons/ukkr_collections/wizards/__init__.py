from . import ukkr_billing_import_wizard
from . import ukkr_monthly_close_wizard
from . import ukkr_case_close_wizard
from . import ukkr_notice_batch_wizard
from . import ukkr_limitation_candidate_wizard
