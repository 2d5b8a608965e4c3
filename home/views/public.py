"""Public views of home/: the site search and the news feeds (their routes are in models.py)."""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail import hooks

from portal import search as site_search
from portal.public_forms import handle_public_form
from portal.translation import localized_url

from .. import selectors
from ..forms import BarrierenmeldungForm, SearchForm
from ..models import page_views
from ..services import barriere_melden

FEED_ITEMS = 20


def _results_page(ids, number):
    return Paginator(ids, settings.PORTAL_SEARCH_PAGE_SIZE).get_page(number)


def search(request):
    """Site search: live, public pages in the current language (portal/search.py), with the
    editors' promoted results first; a search that finds nothing offers help."""
    form = SearchForm(request.GET or None)
    context = {"form": form, "query": "", "results": None}
    if form.is_valid() and form.cleaned_data["q"].strip():
        query = form.cleaned_data["q"].strip()
        language = get_language()
        found = site_search.search(query, language)
        promoted = selectors.promoted_results(query, language)
        promoted_ids = {promotion.page_id for promotion in promoted}
        # The index holds live public pages only; the page of results shown is checked again.
        ids = [pk for pk in found.seiten if pk not in promoted_ids]
        first_page = request.GET.get("seite", "1") == "1"
        results = _results_page(ids, request.GET.get("seite", 1))
        results.object_list = selectors.search_results(request, results.object_list)
        nothing = not ids and not promoted
        if first_page:
            site_search.record(query, language, found=not nothing)
        context.update(
            query=query,
            query_string=urlencode({"q": query}),
            results=results,
            promoted=promoted if first_page else [],
            total=len(ids) + len(promoted),
        )
        if nothing:
            context["suggestion"] = site_search.suggestion(query, language)
            context["help"] = mark_safe("".join(fn(request) for fn in hooks.get_hooks("portal_search_help")))  # noqa: S308 - rendered templates
    return render(request, "home/search.html", context)


class NewsRssFeed(Feed):
    """The news of one language (home.selectors.feed_articles), each item dated by the article's
    own date; the feed's title and link are those of the news index in that language."""

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.index_page.title

    def link(self):
        return localized_url(self.request, self.index_page)

    def description(self):
        return self.index_page.search_description or self.index_page.title

    # The feed's language is the active one (Django's default). RFC 4287 asks for an author of the
    # feed (or of every entry): the city's editorial office.
    def author_name(self):
        return _("City of Plochingen")

    def author_link(self):
        return self.request.build_absolute_uri(f"/{get_language()}/")

    def items(self):
        return selectors.feed_articles(self.index_page, get_language(), FEED_ITEMS)

    def item_title(self, item):
        return item[0].title

    def item_description(self, item):
        return item[0].intro

    def item_link(self, item):
        return localized_url(self.request, item[0])

    def item_pubdate(self, item):
        return datetime.datetime.combine(item[1], datetime.time.min, tzinfo=timezone.get_current_timezone())

    # Atom's `updated` (required in each entry) is the article's date too, not when it was last published.
    item_updateddate = item_pubdate


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description


@page_views.register
def news_rss(request, index_page):
    return NewsRssFeed(index_page)(request)


@page_views.register
def news_atom(request, index_page):
    return NewsAtomFeed(index_page)(request)


@page_views.register
def barrierefreiheit(request, page):
    form = BarrierenmeldungForm(initial=BarrierenmeldungForm.initial_for(request))
    return page.render(request, context_overrides={"form": form})


@page_views.register
def barrierenmeldung(request, page):
    return handle_public_form(
        request,
        page,
        BarrierenmeldungForm,
        "barrierenmeldung",
        lambda form: barriere_melden(form, page),
        page.get_template(request),
        "meldung_danke",
        initial=BarrierenmeldungForm.initial_for(request),
    )
