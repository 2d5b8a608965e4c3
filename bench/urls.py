"""The benchmark's URL mix and one page of each type for the cold requests (printed as JSON).

The mix rotates over at least 500 distinct public URLs, as visitors and crawlers spread over the
site: offers, events and news in every language (slugs are German in every language; untranslated
pages answer with the German original), the overviews, filtered offer finders and searches.
"""

import itertools
import json
from urllib.parse import urlencode

import django

django.setup()

from django.conf import settings  # noqa: E402

from angebote.models import AngebotPage, Aufenthaltsstatus, Lebensbereich, Sprache  # noqa: E402
from home.models import NewsArticlePage  # noqa: E402
from portal.models import public_pages  # noqa: E402
from veranstaltungen.models import Kategorie, VeranstaltungPage  # noqa: E402

MINIMUM = 500
LANGUAGES = [code for code, _name in settings.LANGUAGES]
GERMAN = f"/{settings.LANGUAGE_CODE}/"
SEARCH_TERMS = ["Beratung", "Sprache", "Kurs", "Familie", "Wohnung", "Arbeit", "Café", "Schule", "Hilfe", "Frauen"]


def german_urls(model, count):
    pages = model.objects.live().public().filter(locale__language_code=settings.LANGUAGE_CODE).order_by("pk")
    return [page.url for page in pages[:count] if page.url]


def in_language(url, language):
    return f"/{language}/{url.removeprefix(GERMAN)}"


def spread(urls):
    """Each URL in one language, the languages in turn: every page answers in every prefix."""
    return [in_language(url, language) for url, language in zip(urls, itertools.cycle(LANGUAGES), strict=False)]


def main():
    offers = german_urls(AngebotPage, 300)
    events = german_urls(VeranstaltungPage, 200)
    news = german_urls(NewsArticlePage, 120)
    overviews = [
        page.url
        for page in public_pages().filter(depth__lte=3, locale__language_code=settings.LANGUAGE_CODE)
        if page.url
    ]
    finder = next((url for url in overviews if url.endswith("/angebote/")), None)
    events_index = next((url for url in overviews if url.endswith("/veranstaltungen/")), None)
    filters = []
    if finder:
        bereiche = list(Lebensbereich.objects.values_list("slug", flat=True))
        sprachen = list(Sprache.objects.values_list("code", flat=True))[:4]
        statuses = ["", *Aufenthaltsstatus.values]
        for bereich, status, sprache in itertools.islice(itertools.product(bereiche, statuses, ["", *sprachen]), 80):
            query = "&".join(
                f"{k}={v}" for k, v in [("bereich", bereich), ("status", status), ("sprache", sprache)] if v
            )
            filters.append(f"{finder}?{query}")
    if events_index:
        filters += [f"{events_index}?kategorie={slug}" for slug in Kategorie.objects.values_list("slug", flat=True)]
        filters += [f"{events_index}kalender/"]
    searches = [f"{GERMAN}suche/?{urlencode({'q': term})}" for term in SEARCH_TERMS]
    mix = list(
        dict.fromkeys(
            [in_language(url, language) for url in overviews for language in LANGUAGES]
            + spread(offers)
            + spread(events)
            + spread(news)
            + spread(filters)
            + spread(searches)
        )
    )
    if len(mix) < MINIMUM:
        raise SystemExit(f"only {len(mix)} distinct public URLs; the mix needs {MINIMUM} (run seed_bench)")
    samples = {"offer": offers[0], "event": events[0], "news article": news[0]}
    print(json.dumps({"mix": mix, "samples": samples}))


if __name__ == "__main__":
    main()
