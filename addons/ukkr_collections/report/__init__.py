from . import court_application_report
from . import enforcement_documents
from . import write_off_documents
