"""What the search and the news feeds list."""

from django.conf import settings
from django.utils.translation import get_language
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from portal.models import Suchseite, public_pages
from portal.pagecache import kept
from portal.translation import (
    attach_locale,
    current_site,
    live_translations,
    localized_url,
    translated_page_ids,
)

from .models import Hinweis, NewsArticlePage


def search_results(request, ids):
    """Title, URL and teaser (from the search index) of the public pages `ids`, in that order, for
    one page of search results; kept until public content changes (the page types' tables are not
    read, and a page of results shown again is not looked up again)."""
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


def site_notices(request, language):
    """The notices valid today in `language` (German where not translated): text, language and the
    URL of the linked page."""
    notices = Hinweis.objects.filter(live=True).select_related("locale", "link_page")
    german = list(notices.current().filter(locale__language_code=settings.LANGUAGE_CODE))
    if german and language != settings.LANGUAGE_CODE:
        translated = live_translations(Hinweis, german, language)
        german = [translated.get(n.translation_key, n) for n in german]
    return [
        {
            "text": notice.text,
            "language": notice.locale.language_code,
            "url": localized_url(request, notice.link_page) if notice.link_page else "",
        }
        for notice in german
    ]


def feed_articles(index_page, language, limit):
    """The newest `limit` articles of the news index in `language`, as (article, its date): the
    German ones, or the live, public translations into `language`, newest first by the German
    article's date (the date an editor set, not when it was published). An article that is not
    translated is not in that language's feed: a feed reader would show it as news in the reader's
    language."""
    originals = index_page.articles()
    if language == settings.LANGUAGE_CODE:
        return [(article, article.date) for article in originals[:limit]]
    translated = translated_page_ids(language)
    chosen = [
        (translated[str(key)], date)
        for key, date in originals.values_list("translation_key", "date")
        if str(key) in translated
    ][:limit]
    articles = NewsArticlePage.objects.select_related("locale").in_bulk([pk for pk, _date in chosen])
    return [(articles[pk], date) for pk, date in chosen if pk in articles]
