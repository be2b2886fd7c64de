from . import ukkr_rule_mixin
from . import ukkr_rule_key_rate
from . import ukkr_rule_penalty_cap
from . import ukkr_rule_moratorium
from . import ukkr_rule_due_day
from . import ukkr_rule_holiday
from . import ukkr_rule_penalty_band
from . import ukkr_rules
