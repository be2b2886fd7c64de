from . import sms_report
from . import main
