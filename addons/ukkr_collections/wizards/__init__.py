from . import ukkr_billing_import_wizard
from . import ukkr_monthly_close_wizard
from . import ukkr_case_close_wizard
from . import ukkr_notice_batch_wizard
from . import ukkr_enforcement_recovery_wizard
from . import ukkr_write_off_candidates_wizard
from . import ukkr_fssp_reconciliation_wizard
from . import ukkr_court_batch_wizard
