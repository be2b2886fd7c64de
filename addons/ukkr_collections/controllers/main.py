import re

from odoo import http
from odoo.http import request


class UkkrCourtDownloads(http.Controller):

    @http.route("/ukkr_collections/court_applications.zip", type="http", auth="user")
    def court_applications_zip(self, ids="", **kwargs):
        """The applications (DOCX) of the selected court cases in one ZIP, as the user may read them (access rights
        and record rules apply: a case the user may not read is refused, not skipped)."""
        cases = request.env["ukkr.court.case"].browse([int(i) for i in re.findall(r"\d+", ids or "")]).exists()
        filename, content = cases._applications_zip()
        return request.make_response(content, headers=[
            ("Content-Type", "application/zip"), ("Content-Disposition", http.content_disposition(filename))])
