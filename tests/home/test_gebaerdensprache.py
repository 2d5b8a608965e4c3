"""BITV 2.0 § 4: explanations in Deutsche Gebärdensprache, self-hosted, reached from every page."""

import pytest
from bs4 import BeautifulSoup

from home.demo import GEBAERDENSPRACHE, beispielvideo
from tests.factories import GebaerdensprachePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def gebaerdensprache(site_pages):
    title, einleitung, videos, anforderungen = GEBAERDENSPRACHE
    video = beispielvideo()
    return GebaerdensprachePageFactory(
        parent=site_pages.home,
        einleitung=einleitung,
        videos=[("video", {"titel": titel, "video": video, "transkript": text}) for titel, text in videos],
        anforderungen=anforderungen,
    )


def test_each_explanation_is_a_video_of_the_portal_with_its_german_text_beside_it(client, gebaerdensprache):
    html = client.get("/de/gebaerdensprache/").content
    page = BeautifulSoup(html, "html.parser")
    sections = page.select(".dgs-video")
    assert [section.h2.get_text() for section in sections] == [titel for titel, _text in GEBAERDENSPRACHE[2]]
    for section, (_titel, text) in zip(sections, GEBAERDENSPRACHE[2], strict=True):
        video = section.find("video")
        assert video.has_attr("controls"), "the browser's own player, with its controls"
        source = video.find("source")
        assert source["src"].startswith("/media/media/") and source["type"] == "video/webm"
        assert text in section.select_one(".dgs-video__text").get_text()
        download = section.find("a", attrs={"download": True})
        assert download["href"] == source["src"]
    assert page.find("iframe") is None and b"youtube" not in html.lower(), "no third-party player"
    assert "Beispiele" in page.select_one(".lead").get_text(), "the demo never claims DGS content"
    assert "25 Bilder pro Sekunde" in page.get_text(), "what the videos must meet, for their producers"


@pytest.mark.parametrize("path", ["/de/", "/fa/", "/de/impressum/"])
def test_every_page_links_to_the_sign_language_page_in_its_header(client, gebaerdensprache, path):
    link = BeautifulSoup(client.get(path).content, "html.parser").find("header").find("a", href="/de/gebaerdensprache/")
    assert link is not None and "Gebärdensprache" in link.get_text()
    assert link.find("svg", attrs={"aria-hidden": "true"}) is not None
