"""Public views of home/: the site search and the news feeds (their routes are in models.py)."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail import hooks

from portal import search as site_search
from portal.public_forms import handle_public_form

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
    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.index_page.title

    def link(self):
        return self.index_page.get_url(self.request)

    def description(self):
        return self.index_page.search_description or self.index_page.title

    def items(self):
        return self.index_page.articles()[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


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
