from . import test_report_engine
