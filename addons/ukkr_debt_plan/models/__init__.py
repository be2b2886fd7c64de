from . import res_users
from . import ukkr_plan
from . import ukkr_plan_section
from . import ukkr_plan_measure
from . import ukkr_plan_execution
from . import ukkr_plan_meeting
from . import ukkr_plan_meeting_decision
from . import ukkr_plan_info_event
