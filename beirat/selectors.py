"""Queries of the monitor of the plan's measures: the German records for the members' monitor, and the
progress per Handlungsfeld, in the reader's language, for the public MonitorPage."""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import get_language

from portal import calendars
from portal.models import public_pages
from portal.notifications import link
from portal.translation import lang_attributes, live_translations, localized_url, with_translations

from .models import Handlungsfeld, Planmassnahme


@dataclass
class Feld:
    nummer: int
    titel: str
    massnahmen: list = field(default_factory=list)

    def anzahl(self, status):
        return sum(1 for m in self.massnahmen if m.status == status)

    @property
    def umgesetzt(self):
        return self.anzahl(Planmassnahme.Status.UMGESETZT)

    @property
    def in_umsetzung(self):
        return self.anzahl(Planmassnahme.Status.IN_UMSETZUNG)

    @property
    def geplant(self):
        return self.anzahl(Planmassnahme.Status.GEPLANT)

    @property
    def verworfen(self):
        return self.anzahl(Planmassnahme.Status.VERWORFEN)

    @property
    def prozent_umgesetzt(self):
        offen = len(self.massnahmen) - self.verworfen
        return round(100 * self.umgesetzt / offen) if offen else 0


def massnahmen():
    """The German records (they hold the status), in the plan's order."""
    return Planmassnahme.objects.filter(locale__language_code=settings.LANGUAGE_CODE, live=True).order_by(
        "handlungsfeld", "nummer"
    )


def fortschritt(request):
    """Seven Handlungsfelder with their measures: wording in the reader's language, links to public pages."""
    records = list(massnahmen().prefetch_related("verweise"))
    language = get_language()
    wording = {}
    if language != settings.LANGUAGE_CODE:
        wording = {key: m.titel for key, m in live_translations(Planmassnahme, records, language).items()}
    page_ids = {v.seite_id for m in records for v in m.verweise.all()}
    german = list(public_pages().filter(pk__in=page_ids).select_related("locale"))
    shown = {page.pk: shown for page, shown in zip(german, with_translations(german), strict=True)}
    felder = {nummer: Feld(nummer, label) for nummer, label in Handlungsfeld.choices}
    for record in records:
        record.titel_angezeigt = wording.get(record.translation_key, record.titel)
        record.titel_sprache = language if record.translation_key in wording else settings.LANGUAGE_CODE
        record.links = [
            {
                "title": shown[v.seite_id].title,
                "url": localized_url(request, shown[v.seite_id]),
                "lang_attr": lang_attributes(shown[v.seite_id]),
            }
            for v in record.verweise.all()
            if v.seite_id in shown
        ]
        felder[record.handlungsfeld].massnahmen.append(record)
    return list(felder.values())


def one_line(text):
    return " ".join(str(text).split())


def kalender(sitzung):
    """The meeting as an iCalendar file (METHOD:PUBLISH: members answer in the portal)."""
    event = calendars.Event(
        uid=f"beirat-sitzung-{sitzung.pk}@{calendars.UID_DOMAIN}",
        start=sitzung.beginn,
        end=sitzung.ende,
        summary=one_line(sitzung.titel),
        description="\n".join(f"TOP {top.nummer}: {top.titel}" for top in sitzung.tagesordnung.all()),
        location=one_line(sitzung.ort),
        url=link("beirat:sitzung", sitzung.pk),  # in the active language: the reader's
        sequence=sitzung.sequenz,
        status="CONFIRMED",
        modified=sitzung.geaendert_am,
    )
    return calendars.ics(one_line(sitzung.titel), [event], method="PUBLISH")
