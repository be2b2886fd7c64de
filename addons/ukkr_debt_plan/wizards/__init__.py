from . import ukkr_plan_version_wizard
