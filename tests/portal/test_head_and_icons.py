"""HEAD is answered wherever GET is (RFC 9110: a HEAD is a GET without the body), and the favicon
and touch icons are served by the portal itself, at the root where browsers and phones ask."""

import io
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders
from PIL import Image

from tests.factories import VeranstaltungenIndexPageFactory

pytestmark = pytest.mark.django_db


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def veranstaltungen(site_pages):
    return VeranstaltungenIndexPageFactory(parent=site_pages.home, slug="veranstaltungen")


@pytest.mark.parametrize(
    "url",
    [
        "/robots.txt",
        "/healthz",
        "/favicon.ico",
        "/apple-touch-icon.png",
        "/sitemap.xml",
        "/de/",
        "/ar/aktuelles/",
        "/de/aktuelles/feed/rss/",
        "/en/aktuelles/feed/atom/",
        "/de/veranstaltungen/ical/",
        "/de/suche/?q=Sprache",
    ],
)
def test_head_answers_where_get_does(client, site_pages, veranstaltungen, url):
    get = client.get(url)
    assert get.status_code == 200, url
    head = client.head(url)
    assert head.status_code == 200, url
    assert head["Content-Type"] == get["Content-Type"]
    assert body(head) == b""


def test_the_favicon_is_an_icon_in_three_sizes(client):
    response = client.get("/favicon.ico")
    assert response["Content-Type"] == "image/x-icon"
    assert "public" in response["Cache-Control"] and "max-age=604800" in response["Cache-Control"]
    icon = Image.open(io.BytesIO(body(response)))
    assert icon.format == "ICO" and {(16, 16), (32, 32), (48, 48)} <= icon.info["sizes"]


def test_the_touch_icon_is_an_opaque_180px_square(client):
    response = client.get("/apple-touch-icon.png")
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(body(response)))
    assert image.format == "PNG" and image.size == (180, 180) and image.mode == "RGB"
    assert image.getpixel((0, 0)) == (0, 58, 102), "the header's blue up to the corner (iOS rounds it)"


@pytest.mark.parametrize("language", ["de", "ar"])
def test_every_page_links_the_icons_and_they_are_served(client, site_pages, language):
    head = BeautifulSoup(client.get(f"/{language}/").content, "html.parser").head
    svg = head.select_one('link[rel="icon"][type="image/svg+xml"]')["href"]
    assert head.select_one('link[rel="icon"][href="/favicon.ico"]') is not None
    touch = head.select_one('link[rel="apple-touch-icon"]')["href"]
    # Static files are served by whitenoise from collectstatic's output; the tests read the source.
    drawing = Path(finders.find(svg.removeprefix(settings.STATIC_URL))).read_bytes()
    assert drawing.startswith(b"<svg") and b'viewBox="0 0 32 32"' in drawing
    assert Image.open(finders.find(touch.removeprefix(settings.STATIC_URL))).size == (180, 180)
