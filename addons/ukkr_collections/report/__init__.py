from . import court_application_report
