from . import building_debt_notice
from . import monthly_report_xlsx
from . import municipal_report_xlsx
from . import plan_execution_report_xlsx
from . import write_off_report_xlsx
