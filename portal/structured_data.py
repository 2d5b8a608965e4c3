"""Structured data: what a page is about, as schema.org JSON-LD for search engines and other sites.

A page type says what it is about in a method `structured_data(self, request)` on its model: a
schema.org node (a dict) or a list of them, or None. The method is called in the page's own
language (an untranslated German page served under /ar/ says "de"); absolute URLs are on the
portal's public address (`PORTAL_BASE_URL`, portal/seo.py), a page's the one of its own language
(its canonical address). `{% structured_data %}` in the <head> of base.html writes them, with a
`WebPage` node that carries the page's language (`inLanguage`: Service, JobPosting and Organization
have none of their own), as one `<script type="application/ld+json">` with `<`, `>` and `&`
escaped, so no text of an editor's can end the script.

The data is kept until public content changes or the day does (events and job postings depend on
the date), per page and language, so that only the first request after a publish reads it. It is
written only on a page's own address: its sub-routes (registration, forms, feeds) get none.
"""

import datetime
import json
import re

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info, override
from django.utils.translation import gettext as _
from wagtail.models import Page

from .pagecache import kept
from .seo import absolute as absolute_url
from .seo import image_url
from .translation import current_site, language_of, localized_url

SCHEMA = "https://schema.org"
POSTCODE_AND_TOWN = re.compile(r"^(?P<code>\d{5})\s+(?P<town>.+)$")
# The types that show the page's picture (portal.seo.image_url) where it has one.
IMAGE_TYPES = ("Event", "NewsArticle", "Service", "JobPosting")
# The escapes of Django's `json_script`: JSON stays valid, and no `</script>` or `<!--` survives.
ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def script(data):
    """`data` (JSON-serialisable) as a `<script type="application/ld+json">` element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":")).translate(ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above


# --- Values ---------------------------------------------------------------------------------------


def date_time(value):
    """A moment with its offset in Plochingen (TIME_ZONE): 2026-12-03T18:00:00+01:00."""
    return timezone.localtime(value).isoformat(timespec="seconds")


def end_of_day(day):
    return date_time(datetime.datetime.combine(day, datetime.time(23, 59, 59), tzinfo=timezone.get_default_timezone()))


def page_url(request, page, route=None, *args):
    """The absolute address of `page` (in its own language), or of one of its routes."""
    with override(language_of(page)):
        url = localized_url(request, page)
    if route:
        url = url.rstrip("/") + "/" + page.reverse_subpage(route, args=args)
    return absolute_url(url) if url.startswith("/") else url


def postal_address(text):
    """A `PostalAddress` from an address kept as lines ("Marktstraße 20\\n73207 Plochingen"), or None."""
    lines = [part.strip() for line in str(text or "").splitlines() for part in line.split(",") if part.strip()]
    if not lines:
        return None
    address = {"@type": "PostalAddress", "addressCountry": "DE"}
    street = []
    for line in lines:
        found = POSTCODE_AND_TOWN.match(line)
        if found and "postalCode" not in address:
            address.update(postalCode=found["code"], addressLocality=found["town"])
        elif "postalCode" not in address:
            street.append(line)
    if street:
        address["streetAddress"] = ", ".join(street)
    if "addressLocality" not in address:
        address["addressLocality"] = settings.PORTAL_ORGANIZATION["locality"]
    return address


def place(name, address_text):
    """A `Place` with its `PostalAddress`, or None without an address."""
    address = postal_address(address_text)
    if address is None:
        return None
    node = {"@type": "Place", "address": address}
    if name:
        node["name"] = name
    return node


def language(code):
    """A `Language` by its code, named in the active language."""
    try:
        name = get_language_info(code)["name_translated"]
    except KeyError:
        name = code
    return {"@type": "Language", "name": str(name), "alternateName": code}


def city(request, full=False):
    """The city that runs the portal (`PORTAL_ORGANIZATION`): the publisher of the pages, the
    organiser of events and the employer of job postings; `full` adds its address and contact."""
    organisation = settings.PORTAL_ORGANIZATION
    node = {
        "@type": "GovernmentOrganization",
        "@id": absolute_url("/#organization"),
        "name": _("City of Plochingen"),
        "legalName": organisation["legal_name"],
        "url": organisation.get("url") or absolute_url("/"),
    }
    if organisation.get("logo"):
        node["logo"] = absolute_url(static(organisation["logo"]))
    if full:
        address = postal_address(organisation.get("address"))
        if address:
            node["address"] = address
        contact = {"@type": "ContactPoint", "contactType": _("Integrationsmanagement")}
        for key, name in (("telephone", "telephone"), ("email", "email")):
            if organisation.get(key):
                contact[name] = organisation[key]
        contact["availableLanguage"] = [language(code) for code, _name in settings.LANGUAGES]
        node["contactPoint"] = contact
        node["areaServed"] = area_served()
    return node


def area_served(county=False):
    """Plochingen, or the county (Landkreis Esslingen) for offers that serve it."""
    organisation = settings.PORTAL_ORGANIZATION
    if county:
        return {"@type": "AdministrativeArea", "name": organisation["county"]}
    return {"@type": "City", "name": organisation["locality"]}


# --- The page's script ----------------------------------------------------------------------------


def _is_main_route(request):
    """A routable page's own address, not one of its sub-routes (forms, feeds, calendars)."""
    match = getattr(request, "routable_resolver_match", None)
    return match is None or match.route in ("", "^$")


def _plain(nodes):
    """The nodes as JSON values (lazy translations and dates written out), safe to keep."""
    return json.loads(json.dumps(nodes, cls=DjangoJSONEncoder))


def _compute(page, request):
    code = language_of(page)
    with override(code):
        found = page.structured_data(request)
        if not found:
            return None
        nodes = found if isinstance(found, list) else [found]
        url = page_url(request, page)
        webpage = {
            "@type": "WebPage",
            "@id": url,
            "url": url,
            "name": page.seo_title or page.title,
            "inLanguage": code,
            "isPartOf": {"@type": "WebSite", "name": settings.WAGTAIL_SITE_NAME, "url": absolute_url("/")},
            "publisher": city(request),
        }
        if len(nodes) == 1 and "@id" in nodes[0]:
            webpage["mainEntity"] = {"@id": nodes[0]["@id"]}
        image = image_url(page)
        if image:
            webpage["primaryImageOfPage"] = image
            for node in nodes:
                if node.get("@type") in IMAGE_TYPES:
                    node.setdefault("image", image)
        return _plain({"@context": SCHEMA, "@graph": [webpage, *nodes]})


def for_page(request, page):
    """The page's `<script type="application/ld+json">`, or "" where it has no structured data."""
    if not isinstance(page, Page) or not hasattr(page, "structured_data") or not _is_main_route(request):
        return ""
    if getattr(request, "is_preview", False):
        data = _compute(page, request)  # a draft: never kept
    else:
        site = current_site(request)
        key = f"structured-data:{site.pk if site else ''}:{page.pk}:{get_language()}:{timezone.localdate()}"
        data = kept(key, lambda: _compute(page, request))
    return script(data) if data else ""
