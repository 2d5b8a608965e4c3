"""The Verein page's public form: the membership application (a route of `VereinPage`)."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import get_language

from portal.models import public_pages
from portal.public_forms import handle_public_form
from portal.translation import in_source_language, localized_url

from .. import emails
from ..forms import MitgliedsantragForm
from ..models import Mitglied, page_views
from ..selectors import OFFEN, offene_antraege


@page_views.register
def antrag(request, page):
    beitraege = {art: page.beitrag(art) for art in Mitglied.Art.values}
    satzung = in_source_language(page).satzung
    datenschutz = public_pages().filter(slug="datenschutz", locale__language_code=settings.LANGUAGE_CODE).first()
    links = {
        "satzung_url": satzung.url if satzung else "",
        "datenschutz_url": localized_url(request, datenschutz) if datenschutz else "",
    }

    class Form(MitgliedsantragForm):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, beitraege=beitraege, **links, **kwargs)

    def store(form):
        mitglied = form.save(commit=False)
        bestehend = Mitglied.objects.filter(email=mitglied.email, status__in=OFFEN).first()
        if bestehend is not None:
            # Said only to the address itself: the form must not tell anyone who is a member.
            emails.MitgliedsantragDoppelt(bestehend).send()
            return
        mitglied.einwilligung_am = timezone.now()
        mitglied.sprache = get_language()
        try:
            with transaction.atomic():
                mitglied.save()
        except IntegrityError:  # the same application twice at the same moment: one is enough
            return
        emails.Mitgliedsantrag(mitglied, beitrag=beitraege[mitglied.art]).send()
        emails.NeuerMitgliedsantrag(mitglied, offen=offene_antraege()).send()

    return handle_public_form(request, page, Form, "mitgliedsantrag", store, "verein/antrag.html", "antrag_danke")
