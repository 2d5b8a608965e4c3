"""axe-core on every public page type of the demo, in German and in Arabic (right to left), on a desktop
and on a 360 px phone (the folded menu, the size of the header links, reflowed tables)."""

import pytest
from django.conf import settings
from wagtail.models import Page

from tests.browser.test_browser import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def one_page_per_type():
    pages = {}
    for page in (
        Page.objects.live().public().filter(locale__language_code=settings.LANGUAGE_CODE, depth__gt=1).specific()
    ):
        pages.setdefault(type(page), page)
    return pages


VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 360, "height": 740}}


def test_every_public_page_type_in_german_and_arabic_on_desktop_and_phone(demo, page):
    pages = one_page_per_type()
    assert len(pages) >= 20, f"the demo shows too few page types: {sorted(t.__name__ for t in pages)}"
    for screen, viewport in VIEWPORTS.items():
        page.set_viewport_size(viewport)
        for page_type, example in sorted(pages.items(), key=lambda item: item[0].__name__):
            path = example.get_url()
            for lang in ("de", "ar"):
                url = path.replace("/de/", f"/{lang}/", 1)
                response = page.goto(demo["url"] + url)
                assert response.status == 200, f"{page_type.__name__}: {url} answered {response.status}"
                assert page.locator("html").get_attribute("lang") == lang
                assert_no_axe_violations(page, f"{page_type.__name__}-{lang}-{screen}")
