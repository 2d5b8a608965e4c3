"""Leichte Sprache and Gebärdensprache (DGS) from every page: on a 360 px phone, in German and in Arabic, one
page of every public page type has both links in its header (the printable Infoblatt, which has no site header:
in its tools bar), visible without opening the menu (one tap), each a target of at least 24 × 24 CSS px
(WCAG 2.2, 2.5.8) that nothing covers. And the header does not stay over the page as it scrolls, or the page
keeps focused elements out from under it with scroll-padding-top (WCAG 2.2, 2.4.11)."""

import pytest
from wagtail.models import Locale, Page

from tests.browser.conftest import watch_csp
from tests.browser.test_axe_sweep import one_page_per_type

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 360, "height": 740}
# The site header; the printable Infoblatt has none, its tools bar (shown on screen only) stands in for it.
HEADER = ".site-header, .sheet-tools"
MIN_TARGET = 24

# Where the link is on the screen, and whether a tap on its centre lands on it.
TARGET = """link => {
    const box = link.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return {
        left: box.left, right: box.right, top: box.top, bottom: box.bottom, width: box.width, height: box.height,
        hit: Boolean(hit && hit.closest('a') === link),
    };
}"""
# A header that stays on the screen must not cover what the keyboard focuses (scroll-padding-top).
STICKY = """HEADER => {
    const header = document.querySelector(HEADER);
    const position = getComputedStyle(header).position;
    const padding = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
    return {position, padding, height: header.getBoundingClientRect().height};
}"""


def header_link_to(slug, lang):
    """The URL the header shows for a page under the home page: its translation, else the German page."""
    german = Page.objects.get(depth=3, slug=slug, locale__language_code="de")
    translation = german.get_translation_or_none(Locale.objects.get(language_code=lang))
    return (translation if translation and translation.live else german).get_url()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="de-DE", has_touch=True, is_mobile=True)
    page = context.new_page()
    blocked = watch_csp(page)
    yield page
    context.close()
    assert blocked == [], "\n".join(blocked)


def test_leichte_sprache_and_dgs_one_tap_away_on_every_page_type(demo, phone):
    pages = one_page_per_type()
    assert len(pages) >= 20, f"the demo shows too few page types: {sorted(t.__name__ for t in pages)}"
    expected = {
        lang: {slug: header_link_to(slug, lang) for slug in ("leichte-sprache", "gebaerdensprache")}
        for lang in ("de", "ar")
    }
    assert expected["ar"]["leichte-sprache"] == "/de/leichte-sprache/", "Leichte Sprache is German"
    problems = []
    for page_type, example in sorted(pages.items(), key=lambda item: item[0].__name__):
        for lang in ("de", "ar"):
            url = example.get_url().replace("/de/", f"/{lang}/", 1)
            response = phone.goto(demo["url"] + url)
            assert response.status == 200, f"{page_type.__name__}: {url} answered {response.status}"
            sticky = phone.evaluate(STICKY, HEADER)
            if sticky["position"] in ("fixed", "sticky") and sticky["padding"] < sticky["height"]:
                problems.append(f"{url}: the header is {sticky['position']}, scroll-padding-top {sticky['padding']}")
            for href in expected[lang].values():
                # Outside the menus, which fold on phones (the main menu may list the same page).
                links = phone.locator(", ".join(f"{h} a[href='{href}']:not(details *)" for h in HEADER.split(", ")))
                if links.count() != 1:
                    problems.append(f"{url}: {links.count()} header links to {href} outside the menus")
                    continue
                link = links.first
                if not link.is_visible():
                    problems.append(f"{url}: the link to {href} is hidden")
                    continue
                box = link.evaluate(TARGET)
                if box["width"] < MIN_TARGET or box["height"] < MIN_TARGET:
                    problems.append(f"{url}: the link to {href} is {box['width']:.0f} × {box['height']:.0f} px")
                if (
                    box["left"] < 0
                    or box["right"] > PHONE["width"]
                    or box["top"] < 0
                    or box["bottom"] > PHONE["height"]
                ):
                    problems.append(f"{url}: the link to {href} is off the first screen: {box}")
                elif not box["hit"]:
                    problems.append(f"{url}: a tap on the link to {href} lands on something else")
    assert problems == [], "\n".join(problems)

    # One tap, and the reader is there.
    phone.goto(demo["url"] + "/ar/")
    phone.locator(f".site-header__access a[href='{expected['ar']['gebaerdensprache']}']").tap()
    phone.wait_for_url(f"**{expected['ar']['gebaerdensprache']}")
    phone.locator(".site-header__access a[href='/de/leichte-sprache/']").tap()
    phone.wait_for_url("**/de/leichte-sprache/")
    assert phone.locator("html").get_attribute("lang") == "de"
