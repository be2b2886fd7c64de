from . import test_plan_data
from . import test_execution_cron
from . import test_execution_flow
from . import test_plan_versioning
from . import test_meetings_events
from . import test_login_security
from . import test_execution_roles
