from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import PageListingButton

from portal.translation import lang_attributes, localized_url, with_translations

from . import schedule
from .models import VeranstaltungPage
from .views import cms


@hooks.register("portal_upcoming_dates")
def upcoming_events(request, limit, kategorie=None):
    """The next dates for the home page (or of one category), in the reader's language."""
    now = timezone.now()
    ids = None
    if kategorie:
        ids = set(VeranstaltungPage.objects.filter(kategorien__slug=kategorie).values_list("pk", flat=True))
    termine = schedule.with_events(schedule.select(ids=ids, after=now, cancelled=False, limit=limit))
    events = list({t.event.pk: t.event for t in termine}.values())
    shown = {s.pk: t for s, t in zip(events, with_translations(events), strict=True)}
    return [
        {
            "title": shown[t.event.pk].title,
            "lang_attr": lang_attributes(shown[t.event.pk]),
            "start": t.beginn,
            "url": localized_url(request, shown[t.event.pk]),
            "location": t.event.ort.name if t.event.ort else "",
            "location_lang_attr": lang_attributes(t.event.ort) if t.event.ort else "",
        }
        for t in termine
    ]


@hooks.register("register_admin_urls")
def registration_urls():
    return [
        path("veranstaltungen/<int:page_id>/anmeldungen/", cms.attendees, name="veranstaltungen_anmeldungen"),
        path(
            "veranstaltungen/<int:page_id>/anmeldungen/csv/",
            cms.attendees_csv,
            name="veranstaltungen_anmeldungen_csv",
        ),
    ]


@hooks.register("register_page_listing_more_buttons")
def registrations_button(page, user, next_url=None):
    if isinstance(page.specific_deferred, VeranstaltungPage) and page.specific_deferred.anmeldung:
        yield PageListingButton(_("Registrations"), reverse("veranstaltungen_anmeldungen", args=[page.pk]), priority=90)
