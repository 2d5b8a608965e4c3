from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.utils.http import urlencode
from wagtail.models import Locale

from portal.models import public_pages

from .forms import SearchForm


def search(request):
    """Site search: live, public pages in the current language only."""
    form = SearchForm(request.GET or None)
    results = None
    query = ""
    if form.is_valid():
        query = form.cleaned_data["q"].strip()
        if query:
            pages = public_pages().filter(locale=Locale.get_active()).exclude(depth=1).specific().search(query)
            paginator = Paginator(pages, settings.PORTAL_SEARCH_PAGE_SIZE)
            try:
                results = paginator.page(request.GET.get("seite", 1))
            except PageNotAnInteger:
                results = paginator.page(1)
            except EmptyPage:
                results = paginator.page(paginator.num_pages)
    return render(
        request,
        "home/search.html",
        {"form": form, "query": query, "query_string": urlencode({"q": query}), "results": results},
    )
