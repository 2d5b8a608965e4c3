from urllib.parse import quote, urlencode

from django import template
from django.conf import settings
from django.db.models import Q
from django.urls import translate_url
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info
from wagtail import hooks
from wagtail.models import Page

from portal import formats, seo, translation
from portal.models import public_pages
from portal.pagecache import kept
from portal.translation import (
    current_site,
    lang_attributes,
    language_of,
    localized_url,
    with_translations,
)
from portal.translation_states import Stand, state_of_translation

register = template.Library()

FOOTER_SLUGS = ["impressum", "datenschutz", "barrierefreiheit"]
# BITV 2.0 § 4: explanations in Leichte Sprache and in Deutsche Gebärdensprache, linked from the
# header of every page. Both are German; they keep their German address in every language.
ACCESS_SLUGS = ["leichte-sprache", "gebaerdensprache"]


@register.simple_tag(takes_context=True)
def page_url(context, page):
    return localized_url(context["request"], page)


@register.simple_tag(takes_context=True)
def subpage_url(context, page, name, *args):
    """A routable page's sub-URL (form, feed, calendar) under the reader's language prefix, also
    where the page itself is not translated (unlike `routablepageurl`, which keeps the page's own)."""
    base = localized_url(context["request"], page)
    if not base.endswith("/"):
        base += "/"
    return base + page.reverse_subpage(name, args=args)


def _paths_in_languages(request):
    """{language code: this request's path in that language}. URL patterns are not translated, so
    under a language prefix only the prefix changes; other paths are translated by Django."""
    prefix = f"/{get_language()}/"
    if request.path.startswith(prefix):
        rest = request.path[len(prefix) :]
        return {code: iri_to_uri(f"/{code}/{rest}") for code, _name in settings.LANGUAGES}
    return {code: translate_url(request.path, code) for code, _name in settings.LANGUAGES}


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language to this same page or view; the path stays, the prefix changes."""
    request = context["request"]
    current = get_language()
    query = request.GET.urlencode()
    links = []
    for code, url in _paths_in_languages(request).items():
        if query:
            url = f"{url}?{query}"
        info = get_language_info(code)
        links.append({"code": code, "name": info["name_local"], "url": url, "current": code == current})
    return links


@register.inclusion_tag("portal/includes/seo_head.html", takes_context=True)
def seo_head(context):
    """The head's links and descriptions for search engines and link previews (portal/seo.py): the
    canonical link, hreflang alternates (a page's real translations, every language for other
    views), the meta description and Open Graph / Twitter cards, all on the public address."""
    request = context["request"]
    page = context.get("page")
    page = page if isinstance(page, Page) else None
    canonical, alternates = seo.addresses(request, page)
    language = get_language()
    site_name = context.get("SITE_NAME") or settings.WAGTAIL_SITE_NAME
    image = seo.image_url(page) if page is not None else ""
    return {
        "canonical": canonical,
        "alternates": [{"code": code, "url": url} for code, url in alternates],
        "description": seo.description(page),
        "title": (page.seo_title or page.title) if page is not None else site_name,
        "site_name": site_name,
        "og_type": getattr(page, "og_type", "website"),
        "og_locale": seo.OG_LOCALES.get(language, language),
        "og_locale_alternates": [
            seo.OG_LOCALES.get(code, code) for code, _url in alternates if code not in (language, "x-default")
        ],
        "image": image,
    }


def _link(request, page):
    return {"title": page.title, "url": localized_url(request, page), "lang_attr": lang_attr(page)}


def _chrome(request):
    """Menu and footer links in the current language, kept until public content changes."""
    site = current_site(request)
    if site is None:
        return {"items": [], "footer": [], "home_url": "/"}

    def build():
        # The German home page and its children, each replaced by its translation where one exists.
        home, *children = with_translations(
            [
                site.root_page,
                *public_pages()
                .child_of(site.root_page)
                .filter(Q(show_in_menus=True) | Q(slug__in=FOOTER_SLUGS + ACCESS_SLUGS))
                .select_related("locale"),
            ]
        )
        by_slug = {page.slug: page for page in children}
        return {
            "items": [_link(request, page) for page in children if page.show_in_menus],
            "footer": [{**_link(request, by_slug[slug]), "slug": slug} for slug in FOOTER_SLUGS if slug in by_slug],
            "access": [
                {
                    "slug": slug,
                    "title": by_slug[slug].title,
                    "url": by_slug[slug].get_url(request, current_site=site),
                    "lang_attr": lang_attr(by_slug[slug]),
                }
                for slug in ACCESS_SLUGS
                if slug in by_slug
            ],
            "home_url": localized_url(request, home),
        }

    if not hasattr(request, "_portal_chrome"):
        request._portal_chrome = kept(f"chrome:{site.pk}:{get_language()}", build)
    return request._portal_chrome


@register.simple_tag(takes_context=True)
def main_menu(context):
    request = context["request"]
    chrome = _chrome(request)
    items = [{**item, "active": request.path.startswith(item["url"])} for item in chrome["items"]]
    return {"items": items, "home_url": chrome["home_url"], "access": chrome.get("access", [])}


@register.inclusion_tag("portal/includes/footer_links.html", takes_context=True)
def footer_links(context):
    request = context["request"]
    links = _chrome(request)["footer"]
    statement = next((link for link in links if link["slug"] == "barrierefreiheit"), None)
    # The statement's form for reporting a barrier, with the page the reader is on filled in.
    report = f"{statement['url']}?{urlencode({'seite': request.path})}#barriere-melden" if statement else ""
    return {"links": links, "report_url": report}


@register.simple_tag
def lang_attr(page):
    """` lang="de" dir="ltr"` for a page shown in a listing of another language."""
    return lang_attributes(page)


@register.simple_tag
def reader_lang_attr(page):
    """` lang="ar" dir="rtl"` for interface text inside a page shown in another language (an untranslated
    page's content is marked with its own language, the labels among it with the reader's)."""
    return translation.reader_attributes(page)


@register.simple_tag(takes_context=True)
def translation_warning(context, page):
    """For a published translation that is outdated or an unchecked machine draft: its state and the
    URL of the German original; else None."""
    if not isinstance(page, Page) or language_of(page) in (settings.LANGUAGE_CODE, None):
        return None
    if language_of(page) != get_language():
        return None  # the German original shown in place of a translation says so itself
    stand = state_of_translation(page)
    if stand not in (Stand.VERALTET, Stand.MASCHINELL):
        return None
    # Slugs are German in every language: the German original has the same path under /de/.
    return {"state": stand.value, "url": translate_url(context["request"].path, settings.LANGUAGE_CODE)}


@register.filter
def zeilen(text):
    """The non-empty lines of a plain text (one sentence or paragraph per line), stripped."""
    return [line.strip() for line in str(text or "").splitlines() if line.strip()]


@register.filter
def liste(items):
    """Items joined as the reader's language lists them (see portal.formats)."""
    return formats.liste(items)


@register.filter
def telefon_link(number):
    """A phone number as a `tel:` link that phones dial (digits and a leading +), written left to right."""
    if not number:
        return ""
    digits = "".join(c for c in str(number) if c.isdigit() or c == "+")
    return format_html('<a href="tel:{}" dir="ltr">{}</a>', digits, number)


@register.simple_tag
def list_separator():
    """The separator of lists and date parts in the reader's language (see portal.formats)."""
    return formats.separator()


@register.filter
def tag_datum(value):
    """Weekday and date: "Monday, 30 November 2026" in the reader's language."""
    return formats.day(value)


@register.filter
def tag_und_zeit(start, end):
    """Weekday, date and hours: "Monday, 30 November 2026, 18:00–20:00" in the reader's language."""
    return formats.day_and_hours(start, end)


@register.simple_tag
def language_attributes(language):
    """` lang="de" dir="ltr"` for text in `language` (a code) shown to a reader of another language."""
    return translation.language_attributes(language)


@register.simple_tag
def language_note(obj):
    """ " (German)" in the reader's language after a title shown untranslated, else nothing."""
    language = language_of(obj)
    if language == get_language():
        return ""
    name = get_language_info(language)["name_translated"]
    return format_html(' <span class="language-note" lang="{}">({})</span>', get_language(), name)


@register.simple_tag
def page_title(page):
    """The page's title for use inside a sentence of the interface: where the page is shown in
    another language than the reader's, marked with its language and isolated in direction."""
    attributes = lang_attr(page)
    if not attributes:
        return page.title
    return format_html("<bdi{}>{}</bdi>", attributes, page.title)


@register.simple_tag(takes_context=True)
def site_notices(context):
    """Current site notices in the reader's language (German where not translated): text, language
    and the URL of the linked page, from the apps that register the `portal_site_notices` hook
    (home's notices), kept until public content changes or the day does."""
    request = context["request"]
    site = current_site(request)
    language = get_language()
    today = timezone.localdate()
    return kept(
        f"notices:{site.pk if site else ''}:{language}:{today.isoformat()}",
        lambda: [notice for fn in hooks.get_hooks("portal_site_notices") for notice in fn(request, language)],
    )


@register.inclusion_tag("portal/includes/share.html", takes_context=True)
def share_links(context, page):
    """Send a page on by e-mail or messenger, or print it: links that work without JavaScript (the
    print button appears where scripts run), with the page's address under the reader's language."""
    url = seo.absolute(localized_url(context["request"], page))
    return {
        "mailto": "mailto:?" + urlencode({"subject": page.title, "body": url}, quote_via=quote),
        "whatsapp": "https://wa.me/?" + urlencode({"text": f"{page.title} {url}"}, quote_via=quote),
        "telegram": "https://t.me/share/url?" + urlencode({"url": url, "text": page.title}, quote_via=quote),
    }
