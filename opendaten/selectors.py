"""The datasets of the open data as plain data, one language each: the plan's measures (as the public
monitor shows them), the public events' dates for the next year and the offers of the offer finder.

Each is read through the selectors of the app that owns it and kept until public content changes
(`portal.pagecache.kept`, keyed by dataset and language); the events' dates also by day. Only what
the public pages show goes in: live, public pages and published snippets, no contact persons."""

import datetime

from django.conf import settings
from django.urls import translate_url
from django.utils import timezone, translation

from angebote import selectors as angebote_selectors
from angebote.contacts import stelle
from angebote.models import LEBENSBEREICHE, SPRACHEN, AngeboteIndexPage, AngebotPage, Aufenthaltsstatus, Ort
from beirat import selectors as beirat_selectors
from beirat.models import MonitorPage
from home.models import HandlungsfeldPage
from portal.models import public_pages
from portal.pagecache import kept
from portal.seo import absolute
from portal.translation import language_of, live_translations, with_translations
from veranstaltungen import schedule
from veranstaltungen.models import KATEGORIEN
from veranstaltungen.recurrence import BERLIN

# How far ahead the events' dates go (the issue: "for the next year").
TERMINE_TAGE = 365


def _page(page, language):
    """{title, url, language} of a page, its URL under `language`'s prefix (slugs are German in every
    language, so an untranslated page is reached there too, with a notice)."""
    own = language_of(page)
    with translation.override(own):  # translate_url reads the path in its own language
        path = translate_url(page.get_url_parts()[2], language)
    return {"titel": page.title, "url": absolute(path), "sprache": own}


def _absolute(url):
    return absolute(url) if url.startswith("/") else url


def _latest(*timestamps, fallback):
    found = [t for t in timestamps if t is not None]
    return max(found) if found else fallback


def _landing(page_type):
    """The first live, public German page of `page_type` (the dataset's page), or None."""
    return public_pages().type(page_type).filter(locale__language_code=settings.LANGUAGE_CODE).specific().first()


# --- The plan's measures ------------------------------------------------------------------------


def massnahmen(request, language):
    """The plan's measures as the public monitor shows them (beirat.selectors.fortschritt): nothing
    while there is no public monitor page."""

    def build():
        with translation.override(language):
            monitor = _landing(MonitorPage)
            if monitor is None:
                return {"modified": timezone.now(), "seite": None, "eintraege": []}
            felder = beirat_selectors.fortschritt(request)
            # The Handlungsfelder's own pages (home), in the reader's language where translated.
            feldseiten = list(
                HandlungsfeldPage.objects.live()
                .public()
                .filter(locale__language_code=settings.LANGUAGE_CODE)
                .select_related("locale")
            )
            feldseite = {
                original.nummer: _page(shown, language)
                for original, shown in zip(feldseiten, with_translations(feldseiten, language), strict=True)
            }
            eintraege, stand = [], [monitor.last_published_at]
            for feld in felder:
                for record in feld.massnahmen:
                    stand.append(record.last_published_at)
                    eintraege.append(
                        {
                            "id": str(record.translation_key),
                            "handlungsfeld": feld.nummer,
                            "handlungsfeld_titel": str(feld.titel),
                            "handlungsfeld_seite": feldseite.get(feld.nummer),
                            "nummer": record.nummer,
                            "titel": record.titel_angezeigt,
                            "sprache": record.titel_sprache,
                            "status": record.status,
                            "status_titel": str(record.get_status_display()),
                            "status_seit": record.status_seit.isoformat(),
                            "verantwortlich": record.verantwortlich,
                            "seiten": [
                                {"titel": link["title"], "url": _absolute(link["url"])} for link in record.links
                            ],
                        }
                    )
            return {
                "modified": _latest(*stand, fallback=timezone.now()),
                "seite": _page(monitor, language),
                "eintraege": eintraege,
            }

    return kept(f"opendaten:massnahmen:{language}", build, in_worker=False)


# --- The public events' dates -------------------------------------------------------------------


def _ort(original, translated, language):
    """{name, adresse, oeffnungszeiten, barrierefrei} of a German place in `language`, or None."""
    view = stelle(original, language, translated)
    if view is None:
        return None
    return {
        "name": view.name,
        "adresse": view.adresse,
        "oeffnungszeiten": view.oeffnungszeiten,
        "barrierefrei": view.barrierefrei,
        "sprache": view.lang or language,
    }


def termine(language):
    """The public events with their dates from now for a year, in the order of their first date, from
    the kept dates of every event (veranstaltungen.schedule): cancelled and moved dates included, as on
    the events' pages."""
    today = timezone.localdate()

    def build():
        with translation.override(language):
            now = timezone.now()
            entries = schedule.select(after=now, before=now + datetime.timedelta(days=TERMINE_TAGE))
            dates = schedule.with_events(entries, prefetch=("kategorien", "sprachen"))
            series = list({termin.event.pk: termin.event for termin in dates}.values())
            shown = dict(zip([s.pk for s in series], with_translations(series, language), strict=True))
            places = [s.ort for s in series if s.ort is not None]
            translated_places = live_translations(Ort, places, language)
            overviews = [
                {**shown_page, "ical": shown_page["url"] + "ical/"}
                for page in public_pages()
                .filter(path__in=schedule.dates().parents, locale__language_code=settings.LANGUAGE_CODE)
                .select_related("locale")
                if (shown_page := _page(page, language))
            ]
            veranstaltungen = {}
            for termin in dates:
                event = termin.event
                if event.pk not in veranstaltungen:
                    page = _page(shown[event.pk], language)
                    veranstaltungen[event.pk] = {
                        "id": str(event.translation_key),
                        "titel": page["titel"],
                        "sprache": page["sprache"],
                        "url": page["url"],
                        "ical": page["url"] + "ical/",
                        "kurzbeschreibung": shown[event.pk].teaser,
                        "kategorien": [
                            {"slug": k.slug, "name": str(KATEGORIEN.get(k.slug, k.slug))}
                            for k in event.kategorien.all()
                        ],
                        "sprachen": [
                            {"code": s.code, "name": str(SPRACHEN.get(s.code, s.code))} for s in event.sprachen.all()
                        ],
                        "ganztaegig": event.ganztaegig,
                        "ort": _ort(event.ort, translated_places, language),
                        "adresse": event.adresse if event.ort is None else "",
                        "anmeldung": event.anmeldung,
                        "termine": [],
                    }
                veranstaltungen[event.pk]["termine"].append(
                    {
                        "beginn": termin.beginn.astimezone(BERLIN).isoformat(),
                        "ende": termin.ende.astimezone(BERLIN).isoformat(),
                        "abgesagt": termin.cancelled,
                        "hinweis": termin.note,
                        "verschoben_von": termin.moved_from.isoformat() if termin.moved_from else None,
                    }
                )
            return {
                "modified": _latest(*(s.last_published_at for s in series), fallback=timezone.now()),
                "von": now.isoformat(),
                "bis": (now + datetime.timedelta(days=TERMINE_TAGE)).isoformat(),
                "uebersichten": overviews,
                "eintraege": list(veranstaltungen.values()),
            }

    return kept(f"opendaten:termine:{language}:{today.isoformat()}", build, in_worker=False)


# --- The offers -------------------------------------------------------------------------------


def angebote(language):
    """The live, public offers of every offer finder, in the finder's order, with what its filters
    look at (angebote.selectors.facets) and their place; the texts in `language` where translated."""

    def build():
        with translation.override(language):
            finders = list(
                public_pages().type(AngeboteIndexPage).filter(locale__language_code=settings.LANGUAGE_CODE).specific()
            )
            facets = {}
            for finder in finders:
                facets.update(angebote_selectors.facets(finder))
            loaded = AngebotPage.objects.filter(pk__in=facets).select_related("ort", "locale").in_bulk()
            originals = [loaded[pk] for pk in facets if pk in loaded]
            shown = with_translations(originals, language)
            places = live_translations(Ort, [o.ort for o in originals if o.ort is not None], language)
            statuses = dict(Aufenthaltsstatus.choices)
            eintraege = []
            for original, text in zip(originals, shown, strict=True):
                facts = facets[original.pk]
                page = _page(text, language)
                eintraege.append(
                    {
                        "id": str(original.translation_key),
                        "titel": page["titel"],
                        "sprache": page["sprache"],
                        "url": page["url"],
                        "traeger": text.traeger,
                        "kurzbeschreibung": text.kurzbeschreibung,
                        "lebensbereiche": [
                            {"slug": slug, "name": str(LEBENSBEREICHE.get(slug, slug))} for slug in facts["bereiche"]
                        ],
                        "aufenthaltsstatus": [
                            {"code": code, "name": str(statuses[code])}
                            for code, allowed in facts["status"].items()
                            if allowed
                        ],
                        "sprachen": [
                            {"code": code, "name": str(SPRACHEN.get(code, code))} for code in facts["sprachen"]
                        ],
                        "reichweite": facts["reichweite"],
                        "kosten": text.kosten,
                        "termin_noetig": original.termin_noetig,
                        "barrierefrei": original.barrierefrei,
                        "voruebergehend_geschlossen": original.voruebergehend_geschlossen,
                        "ort": _ort(original.ort, places, language),
                        "zuletzt_geprueft": original.zuletzt_geprueft.isoformat(),
                    }
                )
            return {
                "modified": _latest(*(o.last_published_at for o in originals), fallback=timezone.now()),
                "seite": _page(finders[0], language) if finders else None,
                "eintraege": eintraege,
            }

    return kept(f"opendaten:angebote:{language}", build, in_worker=False)
