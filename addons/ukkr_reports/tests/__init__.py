from . import test_report_engine
from . import test_report_calc
from . import test_monthly_report
from . import test_report_access
from . import test_report_dispatch
from . import test_other_reports
from . import test_case_analysis
from . import test_fssp_sheet
