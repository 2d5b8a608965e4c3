"""Links to a page's forms, feeds and calendar stay in the reader's language, also where the page
itself is not translated and is shown in German under the reader's prefix."""

import re

import pytest
from bs4 import BeautifulSoup

from tests.factories import (
    VeranstaltungenIndexPageFactory,
    VeranstaltungPageFactory,
    VereinPageFactory,
)

pytestmark = pytest.mark.django_db


def hrefs(response):
    """Link targets and form actions, without the language switcher's and the alternates' links."""
    html = re.sub(r"<(?:a|link) [^>]*hreflang=[^>]*>", "", response.content.decode())
    return re.findall(r'(?:href|action)="([^"]+)"', html)


@pytest.mark.parametrize("language", ["ar", "fa", "uk", "tr", "en"])
def test_membership_button_and_form_stay_in_the_readers_language(client, site_pages, language):
    VereinPageFactory(parent=site_pages.home, slug="verein")
    page = client.get(f"/{language}/verein/")
    assert page.status_code == 200
    assert f"/{language}/verein/antrag/" in hrefs(page)
    assert "/de/verein/antrag/" not in hrefs(page)

    form = client.get(f"/{language}/verein/antrag/")
    assert form.status_code == 200
    assert f"/{language}/verein/antrag/" in hrefs(form)
    # The consent to the privacy notice links it, in the reader's language.
    consent = BeautifulSoup(form.content, "html.parser").select("main form a")
    assert f"/{language}/datenschutz/" in [link["href"] for link in consent]


def test_event_registration_feed_and_calendar_links_stay_in_the_readers_language(client, site_pages):
    index = VeranstaltungenIndexPageFactory(parent=site_pages.home, slug="veranstaltungen")
    event = VeranstaltungPageFactory(parent=index, slug="cafe", anmeldung=True, kapazitaet=10)
    listing = hrefs(client.get("/uk/veranstaltungen/"))
    assert "/uk/veranstaltungen/kalender/" in listing
    assert not [url for url in listing if url.startswith("/de/veranstaltungen/")]
    detail = hrefs(client.get(f"/uk/veranstaltungen/{event.slug}/"))
    assert "/uk/veranstaltungen/cafe/anmelden/" in detail
    assert not [url for url in detail if url.startswith("/de/")]
