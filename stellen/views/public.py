"""Applying for a job: the form of a posting, or the notice that its application period has ended.
The thank-you page is a route of the page itself (StellenangebotPage.bewerben_danke)."""

from portal.public_forms import handle_public_form
from portal.translation import in_source_language

from .. import services
from ..forms import BewerbungForm
from ..models import page_views


@page_views.register
def bewerben(request, page):
    request.sensitive_post_parameters = "__ALL__"  # no applicant data in error reports
    if not page.offen:
        return page.render(request, template="stellen/geschlossen.html")
    stelle = in_source_language(page)

    def speichern(form):
        services.bewerbung_speichern(form, stelle, page.title)

    return handle_public_form(
        request, page, BewerbungForm, "bewerbung", speichern, "stellen/bewerben.html", "bewerben_danke"
    )
