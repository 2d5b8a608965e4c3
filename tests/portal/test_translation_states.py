"""Editors keep six languages current: drafts, states, outdated marks, coverage (issue 22)."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from angebote.contacts import kontakte
from portal import roles
from portal.demo import translate_page, translate_snippet
from portal.translation_states import Stand, coverage, review, states
from tests.factories import AnsprechpartnerFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

ARABIC = {
    "Gemeinsamer Integrationsbegriff": {"ar": "مفهوم مشترك للاندماج"},
}


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def published(page):
    """Publish the page as an editor does (a revision), so that it has a publication date."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate_all_strings(page, locale, prefix="AR "):
    """Translate every string of the page's German text, as an editor does in the translation editor."""
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": prefix + segment.string.data, "translation_type": "manual"},
        )


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """wagtail-localize publishes a translation when the transaction commits: run that as it would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def publish_translation(page, locale, committed):
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)
    with committed():
        translation.save_target(publish=True)
    return translation


@pytest.fixture
def arabic_home(site_pages, locales):
    return translate_page(published(site_pages.home), locales["ar"], {})


@pytest.fixture
def editor(client_as):
    return client_as(roles.REDAKTION)


def start_translation(editor, page, locale):
    response = editor.post(f"/cms/localize/submit/page/{page.pk}/", {"locales": [locale.pk]})
    assert response.status_code == 302
    return page.get_translation(locale)


def test_a_started_translation_is_a_draft_and_the_public_keeps_the_german_page(
    editor, site_pages, arabic_home, locales, committed
):
    begriff = published(site_pages.begriff)
    arabic = start_translation(editor, begriff, locales["ar"])
    assert not arabic.live
    public = soup(Client().get("/ar/integrationsbegriff/"))
    assert public.main["lang"] == "de"
    assert "لم تُترجم هذه الصفحة" in public.find(class_="notice--translation").get_text()
    assert states([begriff])[begriff.translation_key, "ar"] == Stand.IN_ARBEIT

    # The editor translates every text and publishes: the Arabic page replaces the German one.
    translate_all_strings(begriff, locales["ar"])
    with committed():
        response = editor.post(f"/cms/pages/{arabic.pk}/edit/", {"action": "publish"})
    assert response.status_code == 302
    public = soup(Client().get("/ar/integrationsbegriff/"))
    assert public.h1.get_text() == "AR " + begriff.title
    assert public.find(class_="notice--translation") is None
    assert states([begriff])[begriff.translation_key, "ar"] == Stand.AKTUELL


def test_publishing_a_changed_german_text_marks_the_translation_outdated_until_synced(
    editor, site_pages, arabic_home, locales, committed
):
    begriff = published(site_pages.begriff)
    translate_page(begriff, locales["ar"], {})
    translate_all_strings(begriff, locales["ar"])
    publish_translation(begriff, locales["ar"], committed)
    assert states([begriff])[begriff.translation_key, "ar"] == Stand.AKTUELL

    begriff.title = "Unser gemeinsamer Integrationsbegriff"
    published(begriff)
    assert states([begriff])[begriff.translation_key, "ar"] == Stand.VERALTET
    notice = soup(Client().get("/ar/integrationsbegriff/")).find(class_="notice--translation")
    assert "لا تتضمن هذه الترجمة" in notice.get_text()
    link = notice.find("a")
    assert (link["href"], link["hreflang"]) == ("/de/integrationsbegriff/", "de")

    # The Redaktion sees it in the coverage view and in the page listing filtered by state.
    response = editor.get("/cms/uebersetzungen/")
    assert response.status_code == 200
    assert "Unser gemeinsamer Integrationsbegriff" in response.content.decode()
    listing = editor.get("/cms/uebersetzungen/seiten/?sprache=ar&stand=veraltet")
    titles = [a.get_text(strip=True) for a in soup(listing).select("td.title a")]
    assert any("Unser gemeinsamer Integrationsbegriff" in t for t in titles)
    assert not any(site_pages.feld.title in t for t in titles)

    # "Sync translated pages" takes over the new German text; translated and published, it is current.
    source = TranslationSource.objects.get(object_id=begriff.translation_key, locale=locales["de"])
    assert editor.post(f"/cms/localize/update/{source.pk}/", {}).status_code == 302
    assert states([begriff])[begriff.translation_key, "ar"] == Stand.VERALTET  # the new title is untranslated
    translate_all_strings(begriff, locales["ar"])
    arabic = begriff.get_translation(locales["ar"])
    with committed():
        assert editor.post(f"/cms/pages/{arabic.pk}/edit/", {"action": "publish"}).status_code == 302
    assert states([begriff])[begriff.translation_key, "ar"] == Stand.AKTUELL
    assert soup(Client().get("/ar/integrationsbegriff/")).find(class_="notice--translation") is None


def test_republishing_without_a_change_of_text_keeps_translations_current(site_pages, arabic_home, locales, committed):
    begriff = published(site_pages.begriff)
    translate_page(begriff, locales["ar"], {})
    translate_all_strings(begriff, locales["ar"])
    publish_translation(begriff, locales["ar"], committed)
    begriff.show_in_menus = not begriff.show_in_menus
    published(begriff)
    assert states([begriff])[begriff.translation_key, "ar"] == Stand.AKTUELL


def test_states_and_coverage_of_a_small_tree(site_pages, arabic_home, locales, committed):
    """Known answer: in Arabic, Begriff current, Impressum a draft, Datenschutz and the home page
    outdated; every other page missing. In Ukrainian only Begriff, current."""
    begriff = published(site_pages.begriff)
    for locale in (locales["ar"], locales["uk"]):
        translate_page(begriff, locale, {})
        translate_all_strings(begriff, locale)
        publish_translation(begriff, locale, committed)
    impressum = published(site_pages.legal["impressum"])
    impressum.copy_for_translation(locales["ar"])  # not published
    datenschutz = published(site_pages.legal["datenschutz"])
    translate_page(datenschutz, locales["ar"], {})
    translate_all_strings(datenschutz, locales["ar"])
    publish_translation(datenschutz, locales["ar"], committed)
    datenschutz.title = "Datenschutz"
    published(datenschutz)

    found = states([site_pages.home, begriff, impressum, datenschutz, site_pages.feld])
    assert found[begriff.translation_key, "ar"] == Stand.AKTUELL
    assert found[impressum.translation_key, "ar"] == Stand.IN_ARBEIT
    assert found[datenschutz.translation_key, "ar"] == Stand.VERALTET
    assert found[site_pages.feld.translation_key, "ar"] == Stand.FEHLT
    assert found[datenschutz.translation_key, "uk"] == Stand.FEHLT
    assert found[begriff.translation_key, "uk"] == Stand.AKTUELL

    rows, todo = coverage()
    # Home, Begriff, Handlungsfelder, Feld 1, News, Meldung, Impressum, Datenschutz, Barrierefreiheit.
    german_pages = 9
    arabic = next(row for row in rows if row.language == "ar")
    assert sum(arabic.pages.values()) == german_pages
    assert arabic.pages == {
        Stand.AKTUELL: 1,
        Stand.IN_ARBEIT: 1,
        Stand.VERALTET: 2,  # Datenschutz, and the home page: its texts were never translated
        Stand.MASCHINELL: 0,
        Stand.FEHLT: german_pages - 4,
    }
    ukrainian = next(row for row in rows if row.language == "uk")
    # Translating Begriff copied the home page into Ukrainian as its parent.
    assert (ukrainian.pages[Stand.AKTUELL], ukrainian.pages[Stand.FEHLT]) == (1, german_pages - 2)
    assert arabic.percent_up_to_date == round(100 / german_pages)
    # Newest change of the German text first.
    assert [entry.obj.pk for entry in todo[Stand.VERALTET]] == [datenschutz.pk, site_pages.home.pk]
    assert [z.language for z in todo[Stand.VERALTET][0].languages] == ["ar"]


def test_a_started_snippet_translation_is_not_shown_until_published(editor, site_pages, locales):
    contact = AnsprechpartnerFactory(name="Frau Muster", funktion="Integrationsmanagement")
    response = editor.post(
        f"/cms/localize/submit/snippet/angebote/ansprechpartner/{contact.pk}/", {"locales": [locales["ar"].pk]}
    )
    assert response.status_code == 302
    arabic = contact.get_translation(locales["ar"])
    assert not arabic.live
    assert kontakte([contact], "ar")[0].lang == "de"  # the German original, marked as German
    assert states([contact])[contact.translation_key, "ar"] == Stand.IN_ARBEIT
    # The contact listing shows the state and filters by it.
    listing = soup(editor.get("/cms/snippets/angebote/ansprechpartner/?sprache=ar&stand=in-arbeit"))
    rows = listing.select("tbody tr")
    assert len(rows) == 1 and "Frau Muster" in rows[0].get_text()
    shown = [li.get_text(strip=True) for li in rows[0].select(".portal-translation-states li")]
    assert "Arabisch: in Übersetzung" in shown
    assert not soup(editor.get("/cms/snippets/angebote/ansprechpartner/?stand=aktuell")).select("tbody tr")

    published_contact = translate_snippet(
        AnsprechpartnerFactory(name="Herr Beispiel", funktion="Beratung"),
        locales["ar"],
        {"Beratung": {"ar": "استشارة"}},
    )
    assert published_contact.live
    assert kontakte([published_contact.get_translation(locales["de"])], "ar")[0].funktion == "استشارة"


def test_review_turns_machine_strings_into_checked_ones(editor, site_pages, arabic_home, locales, committed):
    page = published(StandardPageFactory(parent=site_pages.home, slug="seite", title="Eine Seite"))
    translate_page(page, locales["ar"], {})
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=locales["de"])
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=locales["ar"],
            context=segment.context,
            data="آلة " + segment.string.data,
            translation_type="machine",
            tool_name="DeepL",
        )
    translation = publish_translation(page, locales["ar"], committed)
    assert states([page])[page.translation_key, "ar"] == Stand.MASCHINELL
    notice = soup(Client().get("/ar/seite/")).find(class_="notice--translation")
    assert notice is not None and notice.find("a")["href"] == "/de/seite/"

    response = editor.post(f"/cms/uebersetzungen/{translation.pk}/geprueft/", {"next": "/cms/uebersetzungen/"})
    assert response.status_code == 302
    assert not StringTranslation.objects.filter(locale=locales["ar"], translation_type="machine").exists()
    assert states([page])[page.translation_key, "ar"] == Stand.AKTUELL
    assert soup(Client().get("/ar/seite/")).find(class_="notice--translation") is None
    assert review(translation, editor.user) == 0


def test_edit_view_shows_the_states_and_marks_right_to_left_fields(editor, site_pages, arabic_home, locales):
    begriff = published(site_pages.begriff)
    response = editor.get(f"/cms/pages/{begriff.pk}/edit/")
    panel = soup(response).find(class_="portal-translation-panel")
    assert panel["data-portal-content-language"] == "de"
    states_shown = {li["data-state"] for li in panel.select("li")}
    assert states_shown == {"fehlt"}
    # A translation edited in Wagtail's own editor (not synced): its fields are Arabic, right to left.
    manual = begriff.copy_for_translation(locales["fa"], copy_parents=True)
    response = editor.get(f"/cms/pages/{manual.pk}/edit/")
    assert "portal/admin/content-direction.js" in response.content.decode()
    panel = soup(response).find(class_="portal-translation-panel")
    assert (panel["data-portal-content-language"], panel["data-portal-content-direction"]) == ("fa", "rtl")
    assert "Stand dieser Übersetzung: in Übersetzung" in panel.get_text(" ", strip=True)


def test_the_german_cms_speaks_german_in_the_translation_views(editor, site_pages, arabic_home):
    published(site_pages.begriff)
    editor.user.preferred_language = "de"
    listing = soup(editor.get("/cms/uebersetzungen/seiten/"))
    assert "1–9 von 9 Seiten" in listing.get_text(" ", strip=True)
    assert "Arabisch: fehlt" in [li.get_text(strip=True) for li in listing.select(".portal-translation-states li")]
    coverage_page = soup(editor.get("/cms/uebersetzungen/")).get_text(" ", strip=True)
    assert "Veraltete Übersetzungen" in coverage_page and "Maschinelle Entwürfe zum Prüfen" in coverage_page


@pytest.mark.parametrize("extra_pages", [0, 25])
def test_the_coverage_view_needs_the_same_queries_for_few_and_many_pages(
    editor, site_pages, arabic_home, extra_pages, django_assert_max_num_queries
):
    for number in range(extra_pages):
        published(StandardPageFactory(parent=site_pages.home, title=f"Seite {number}"))
    # Five groups (pages and four kinds of snippets), each counted in a fixed number of queries.
    with django_assert_max_num_queries(25):
        assert editor.get("/cms/uebersetzungen/").status_code == 200


def test_a_failing_comparison_never_stops_publishing(site_pages, arabic_home, monkeypatch, caplog):
    from portal import translation_states

    def broken(instance):
        raise RuntimeError("extraction failed")

    monkeypatch.setattr(translation_states, "record_text_change", broken)
    begriff = site_pages.begriff
    begriff.title = "Neu"
    published(begriff)
    assert begriff.live and begriff.title == "Neu"
    assert "Could not compare the German text" in caplog.text


def test_reviewing_a_deleted_translation_is_not_found(editor, site_pages, arabic_home, locales):
    begriff = published(site_pages.begriff)
    arabic = translate_page(begriff, locales["ar"], {})
    translation = Translation.objects.get(source__object_id=begriff.translation_key, target_locale=locales["ar"])
    arabic.delete()
    response = editor.post(f"/cms/uebersetzungen/{translation.pk}/geprueft/", follow=True)
    assert response.status_code == 404
