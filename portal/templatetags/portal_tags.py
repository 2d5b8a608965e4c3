from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

from portal.translation import localized_url, with_translations

register = template.Library()

FOOTER_SLUGS = ["impressum", "datenschutz", "barrierefreiheit"]


def _home(request):
    """The home page in the current language (the German one where none exists)."""
    if not hasattr(request, "_portal_home"):
        site = Site.find_for_request(request)
        request._portal_home = site.root_page.localized if site else None
    return request._portal_home


@register.simple_tag(takes_context=True)
def page_url(context, page):
    return localized_url(context["request"], page)


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language to this same page or view; the path stays, the prefix changes."""
    request = context["request"]
    current = get_language()
    query = request.GET.urlencode()
    links = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(request.path, code)
        if query:
            url = f"{url}?{query}"
        info = get_language_info(code)
        links.append({"code": code, "name": info["name_local"], "url": url, "current": code == current})
    return links


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """Alternate links: a page's real translations, or every language for other views."""
    request = context["request"]
    page = context.get("page")
    if isinstance(page, Page):
        translations = page.get_translations(inclusive=True).live().public().select_related("locale")
        links = [(p.locale.language_code, p.get_full_url(request)) for p in translations]
    else:
        links = [
            (code, request.build_absolute_uri(translate_url(request.path, code))) for code, _n in settings.LANGUAGES
        ]
    default = dict(links).get(settings.LANGUAGE_CODE)
    if default:
        links.append(("x-default", default))
    return [{"code": code, "url": url} for code, url in links if url]


def _children_in_language(request, **filters):
    """Children of the German home page, each replaced by its translation where one exists."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    children = site.root_page.get_children().live().public().filter(**filters).select_related("locale")
    return with_translations(children)


@register.simple_tag(takes_context=True)
def main_menu(context):
    request = context["request"]
    home = _home(request)
    items = []
    for page in _children_in_language(request, show_in_menus=True):
        url = localized_url(request, page)
        items.append({"title": page.title, "url": url, "active": request.path.startswith(url), "page": page})
    return {"items": items, "home_url": localized_url(request, home) if home else "/"}


@register.inclusion_tag("portal/includes/footer_links.html", takes_context=True)
def footer_links(context):
    request = context["request"]
    pages = {p.slug: p for p in _children_in_language(request, slug__in=FOOTER_SLUGS)}
    return {
        "links": [
            {"title": pages[s].title, "url": localized_url(request, pages[s]), "page": pages[s]}
            for s in FOOTER_SLUGS
            if s in pages
        ]
    }


@register.filter
def language_name(code):
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return code


@register.simple_tag
def lang_attr(page):
    """` lang="de" dir="ltr"` for a page shown in a listing of another language."""
    language = page.locale.language_code
    if language == get_language():
        return ""
    direction = "rtl" if get_language_info(language)["bidi"] else "ltr"
    return format_html(' lang="{}" dir="{}"', language, direction)


@register.simple_tag(takes_context=True)
def site_notices(context):
    """Current site notices in the reader's language (German where not translated)."""
    from home.models import Hinweis

    notices = Hinweis.objects.select_related("locale", "link_page__locale")
    german = list(notices.current().filter(locale__language_code=settings.LANGUAGE_CODE))
    if not german or get_language() == settings.LANGUAGE_CODE:
        return german
    translated = {
        n.translation_key: n
        for n in notices.filter(
            locale__language_code=get_language(), translation_key__in=[n.translation_key for n in german]
        )
    }
    return [translated.get(n.translation_key, n) for n in german]
