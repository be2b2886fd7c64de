from . import ukkr_report_wizard
from . import ukkr_measure_effect_wizard
from . import ukkr_measure_effect_line
from . import ukkr_cost_recovery_wizard
