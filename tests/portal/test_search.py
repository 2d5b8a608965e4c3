"""The search engine (portal/search.py): analysis per language, and an index that holds exactly the
live public pages."""

import pytest

from portal import search
from portal.models import Suchwort
from tests.factories import (
    AngeboteIndexPageFactory,
    AngebotPageFactory,
    PageViewRestrictionFactory,
    StandardPageFactory,
)


def analysed(text, language):
    return [stem for stem, _word in search.stems(search.words(text, language), language)]


@pytest.mark.parametrize(
    ("language", "one", "other"),
    [
        ("de", "Sprachkurse", "Sprachkursen"),
        ("de", "Beratungen", "Beratung"),
        ("de", "Café", "cafe"),
        ("de", "Rückkehr", "Ruckkehr"),
        ("en", "courses", "course"),
        ("ar", "السكن", "سكن"),
        ("ar", "للأطفال", "الاطفال"),
        ("ar", "لغة", "لغه"),
        ("fa", "کلاس‌ها", "کلاسها"),
        ("fa", "یادگیری", "يادگيري"),  # Persian and Arabic yeh
        ("fa", "کار", "كار"),  # Persian and Arabic kaf
        ("uk", "німецької", "німецька"),
        ("uk", "роботу", "робота"),
        ("tr", "kıyafetler", "kiyafetler"),
        ("tr", "İş", "iş"),
    ],
)
def test_word_forms_spellings_and_articles_meet_in_one_stem(language, one, other):
    assert analysed(one, language) == analysed(other, language)


def test_query_syntax_is_text():
    assert analysed('"Wohnung" AND (Miete OR -Kaution*) NEAR/2', "de") == analysed(
        "Wohnung and Miete or Kaution near 2", "de"
    )
    assert search.query_stems('"""', "de") == []


def test_stop_words_and_search_verbs_are_dropped_unless_nothing_else_is_left():
    assert [word for _stem, word in search.query_stems("Arbeit finden für mich", "de")] == ["Arbeit"]
    assert [word for _stem, word in search.query_stems("знайти роботу", "uk")] == ["роботу"]
    assert [word for _stem, word in search.query_stems("die", "de")] == ["die"]


@pytest.mark.django_db
def test_the_index_holds_live_public_pages_in_their_language(site_pages):
    page = StandardPageFactory(parent=site_pages.home, title="Schuldnerberatung", intro="Hilfe bei Schulden.")
    assert search.search("Schulden", "de").seiten == [page.pk]

    page.title = "Mietschuldenberatung"
    page.save_revision()  # a draft changes nothing public
    assert search.search("Schuldnerberatung", "de").seiten == [page.pk]
    page.save_revision().publish()
    assert search.search("Mietschuldenberatung", "de").seiten == [page.pk]

    page.unpublish()
    assert search.search("Schulden", "de").seiten == []
    assert not Suchwort.objects.filter(page_id=page.pk).exists()


@pytest.mark.django_db
def test_restricted_pages_are_never_in_the_index(site_pages):
    section = StandardPageFactory(parent=site_pages.home, title="Intern", intro="Geheimwort Zebrastreifen")
    below = StandardPageFactory(parent=section, title="Unterseite", intro="Zebrastreifen noch einmal")
    restriction = PageViewRestrictionFactory(page=section)
    assert not Suchwort.objects.filter(page_id__in=[section.pk, below.pk]).exists()
    assert search.search("Zebrastreifen", "de").seiten == []
    assert search.suggestion("Zebrastreifn", "de") == ""  # no word of a private page is suggested
    assert search.search("Zebrastrefen", "de").seiten == []

    restriction.delete()
    assert set(search.search("Zebrastreifen", "de").seiten) == {section.pk, below.pk}


@pytest.mark.django_db
def test_an_offer_is_found_by_its_areas_statuses_and_search_terms_in_its_language(site_pages, locales):
    from portal.demo import translate_page

    finder = AngeboteIndexPageFactory(parent=site_pages.home)
    offer = AngebotPageFactory(
        parent=finder,
        title="Kleiderkammer",
        suchbegriffe="Klamotten, Anziehsachen",
        fuer_gestattung=False,
        fuer_anerkennung=False,
        bereiche=["wohnen"],
    )
    assert search.search("Klamotten", "de").seiten == [offer.pk]
    assert search.search("Wohnen", "de").seiten == [offer.pk]
    assert search.search("Duldung", "de").seiten == [offer.pk]
    translate_page(site_pages.home, locales["ar"], {})
    translate_page(finder, locales["ar"], {})
    arabic = translate_page(offer, locales["ar"], {"Klamotten, Anziehsachen": {"ar": "ملابس"}})
    assert search.search("سكن", "ar").seiten == [arabic.pk]  # the area of life "السكن", article stripped
    assert search.search("الملابس", "ar").seiten == [arabic.pk]


@pytest.mark.django_db
def test_rebuild_builds_the_same_index(site_pages):
    StandardPageFactory(parent=site_pages.home, title="Wohnungssuche", intro="Eine Wohnung finden.")
    before = set(Suchwort.objects.values_list("page_id", "wort", "gewicht"))
    assert search.rebuild() >= 1
    assert set(Suchwort.objects.values_list("page_id", "wort", "gewicht")) == before
