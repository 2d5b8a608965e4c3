"""An editor keeps a page current in Arabic and Ukrainian (issue 22), in Chromium."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from home.models import StandardPage
from tests.browser.conftest import ARTIFACTS, sign_in_to_cms

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WORDS = {"ar": "بيانات الناشر", "uk": "Вихідні дані"}
NAMES = {"ar": "Arabisch", "uk": "Ukrainisch"}


def test_an_editor_translates_a_page_and_keeps_it_current(demo, page, browser):
    sign_in_to_cms(page, demo)
    german = StandardPage.objects.get(slug="impressum", locale__language_code="de")
    reader = browser.new_context(viewport={"width": 360, "height": 740}).new_page()

    for language in ("ar", "uk"):
        # The edit view names the missing translation; starting it creates a draft.
        page.goto(f"{demo['url']}/cms/pages/{german.pk}/edit/")
        page.locator(".portal-translation-panel").get_by_role("link", name=f"{NAMES[language]}: fehlt").click()
        page.get_by_label(NAMES[language]).check()
        page.get_by_role("button", name="Absenden").click()
        page.wait_for_url("**/cms/pages/*/edit/")

        # The public still reads the German page, marked as German, with the notice.
        reader.goto(f"{demo['url']}/{language}/impressum/")
        assert reader.locator("main").get_attribute("lang") == "de"
        assert reader.locator(".notice--translation").count() == 1
        assert reader.locator("h1").inner_text() == "Impressum"

        # The translation editor speaks German; fields in the language and direction of the translation.
        heading = page.locator(".js-translation-editor h3").first
        assert heading.inner_text() == f"Deutsch → {NAMES[language]}"
        assert page.get_by_text(" translation").count() == 0
        page.get_by_role("button", name="Übersetzen").first.click()
        field = page.locator(".js-translation-editor textarea").first
        assert (field.get_attribute("lang"), field.get_attribute("dir")) == (
            language,
            "rtl" if language == "ar" else "ltr",
        )
        assert field.evaluate("e => getComputedStyle(e).fontStyle") == "normal"
        field.fill(WORDS[language])
        page.get_by_role("button", name="Speichern").first.click()
        saved = page.locator(".js-translation-editor li.complete").first
        expect(saved).to_contain_text("Manuell übersetzt am")
        note = saved.inner_text()
        assert re.search(r"Manuell übersetzt am \d{1,2}\. [A-Za-zä]+ \d{4}", note), note
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"translation-editor-{language}.png"))
        page.get_by_role("button", name=f"Veröffentlichen in {NAMES[language]}").click()
        page.wait_for_load_state()

        reader.goto(f"{demo['url']}/{language}/impressum/")
        assert reader.locator("h1").inner_text() == WORDS[language]
        assert reader.locator("main").get_attribute("lang") is None

    # The German page changes: both translations are outdated, on the public pages and in the CMS.
    german.title = "Impressum und Herausgeber"
    german.save_revision().publish()
    for language in ("ar", "uk"):
        reader.goto(f"{demo['url']}/{language}/impressum/")
        notice = reader.locator(".notice--translation")
        assert notice.count() == 1
        assert notice.get_by_role("link").get_attribute("href") == "/de/impressum/"
        assert reader.evaluate("document.documentElement.scrollWidth") <= 360
    reader.screenshot(path=str(ARTIFACTS / "translation-outdated-uk-360.png"))
    page.goto(demo["url"] + "/cms/uebersetzungen/")
    outdated = page.locator("table").nth(1)
    assert outdated.get_by_text("Impressum und Herausgeber").count() == 1
    page.screenshot(path=str(ARTIFACTS / "translation-coverage.png"), full_page=True)
    arabic = german.get_translation(Locale.objects.get(language_code="ar"))
    assert arabic.live
