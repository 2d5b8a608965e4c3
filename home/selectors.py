"""What the start page lists: the top tasks newcomers come for, each leading to its section."""

from dataclasses import dataclass

from django.apps import apps
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from portal.models import public_pages
from portal.pagecache import kept
from portal.translation import attach_locale, current_site, localized_url


@dataclass(frozen=True)
class Aufgabe:
    """One top task on the start page: the section's page type, a label and a short text."""

    slug: str
    page_type: str
    title: str
    text: str
    query: str = ""


# In the order of need (issue "Newcomers on a phone"): help first, news last.
AUFGABEN = [
    Aufgabe(
        "hilfe",
        "angebote.AngeboteIndexPage",
        _("Find help and advice"),
        _("Counselling, language courses and help with papers, work and health."),
    ),
    Aufgabe(
        "termine", "veranstaltungen.VeranstaltungenIndexPage", _("Dates and events"), _("Café, courses and talks.")
    ),
    Aufgabe(
        "treffpunkt",
        "angebote.BegegnungszentrumPage",
        pgettext_lazy("start page task", "Begegnungszentrum"),
        _("Meet people, have a coffee, find clothes and furniture."),
    ),
    Aufgabe(
        "mitmachen", "ehrenamt.MitmachenPage", _("Get involved"), _("Volunteer, become a mentor, join the Verein.")
    ),
    Aufgabe(
        "wohnen",
        "angebote.AngeboteIndexPage",
        _("Housing"),
        _("Advice on finding a flat and keeping it."),
        query="?bereich=wohnen",
    ),
    Aufgabe(
        "arbeit", "stellen.StellenIndexPage", _("Jobs at the City"), _("Open positions at the City of Plochingen.")
    ),
]


def top_tasks(request, home):
    """The top tasks whose section exists below `home`, each with its URL in the reader's language
    (one query)."""
    # The sections' types by the joined content type: no lookup of content types by model.
    wanted = {apps.get_model(aufgabe.page_type)._meta.label_lower for aufgabe in AUFGABEN}
    sections = {}
    for page in public_pages().child_of(home).select_related("locale", "content_type"):
        page_type = f"{page.content_type.app_label}.{page.content_type.model}"
        if page_type in wanted:
            sections.setdefault(page_type, page)
    found = []
    for aufgabe in AUFGABEN:
        page = sections.get(apps.get_model(aufgabe.page_type)._meta.label_lower)
        if page is not None:
            found.append({"aufgabe": aufgabe, "url": localized_url(request, page) + aufgabe.query, "page": page})
    return found


def search_results(request, ids):
    """Title, URL and teaser (from the search index) of the public pages `ids`, in that order, for
    one page of search results; kept until public content changes (the page types' tables are not
    read, and a page of results shown again is not looked up again)."""
    from portal.models import Suchseite

    ids = list(ids)
    site = current_site(request)

    def build():
        teasers = dict(Suchseite.objects.filter(page_id__in=ids).values_list("page_id", "teaser"))
        found = {}
        for page in public_pages().filter(pk__in=ids):
            attach_locale(page)
            found[page.pk] = {
                "title": page.title,
                "url": localized_url(request, page),
                "teaser": teasers.get(page.pk, ""),
            }
        return [found[pk] for pk in ids if pk in found]

    key = f"suche:treffer:{site.pk if site else ''}:{get_language()}:{','.join(map(str, ids))}"
    return kept(key, build, in_worker=False)


def promoted_results(query, language):
    """The editors' promoted results for `query` in `language` (Wagtail's search promotions): pages
    in that language that are public, and external links."""
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.search.utils import normalise_query_string

    normalised = normalise_query_string(query)
    promoted = kept(
        "suche:beworbene-begriffe",
        lambda: tuple(SearchPromotion.objects.values_list("query__query_string", flat=True).distinct()),
    )
    if normalised not in promoted:
        return []
    promotions = (
        SearchPromotion.objects.filter(query__query_string=normalised)
        .select_related("page", "page__locale")
        .order_by("sort_order")
    )
    public = None
    shown = []
    for promotion in promotions:
        if promotion.page_id is None:
            shown.append(promotion)
            continue
        if promotion.page.locale.language_code != language:
            continue
        if public is None:
            public = set(
                public_pages().filter(pk__in=[p.page_id for p in promotions if p.page_id]).values_list("pk", flat=True)
            )
        if promotion.page_id in public:
            shown.append(promotion)
    return shown
