from . import ukkr_report_wizard
from . import ukkr_measure_effect_wizard
from . import ukkr_measure_effect_line
