"""On a 360 × 740 phone, in all six languages: every public page type and the main forms show their
title in the first half of the screen and never scroll sideways; the menus fold without JavaScript."""

import pytest
from django.conf import settings

from tests.browser.conftest import ARTIFACTS
from tests.browser.test_axe_sweep import one_page_per_type

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
TITLE_WITHIN = 370
VIEWS = [
    "/{lang}/suche/?q=Beratung",
    "/{lang}/konto/login/",
    "/{lang}/veranstaltungen/kalender/",
    "/{lang}/verein/antrag/",
    "/{lang}/veranstaltungen/vortragsreihe-ankommen/anmelden/",
]
MEASURE = """() => {
    const h1 = document.querySelector('main h1') || document.querySelector('h1');
    return {
        h1: h1 ? h1.getBoundingClientRect().top + window.scrollY : null,
        width: document.documentElement.scrollWidth,
    };
}"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_every_public_page_fits_a_phone_in_every_language(demo, phone):
    paths = [example.get_url() for example in one_page_per_type().values()]
    problems = []
    for lang, _name in settings.LANGUAGES:
        urls = [path.replace("/de/", f"/{lang}/", 1) for path in paths] + [v.format(lang=lang) for v in VIEWS]
        for url in urls:
            response = phone.goto(demo["url"] + url)
            assert response.status == 200, url
            found = phone.evaluate(MEASURE)
            if found["width"] > PHONE["width"]:
                problems.append(f"{url}: {found['width']} px wide")
            if found["h1"] is None or found["h1"] > TITLE_WITHIN:
                problems.append(f"{url}: title starts at {found['h1']} px")
    if problems:
        ARTIFACTS.mkdir(exist_ok=True)
        phone.screenshot(path=str(ARTIFACTS / "phone-last.png"))
    assert problems == [], "\n".join(problems)


def test_menus_fold_and_open_without_javascript(demo, phone):
    phone.goto(demo["url"] + "/ar/")
    menu = phone.locator(".header-menu--main")
    assert not menu.locator(".main-nav a").first.is_visible()
    menu.locator("summary").click()
    assert menu.get_attribute("open") is not None
    assert menu.locator(".main-nav a").first.is_visible()
    # Opening the languages closes the menu: one panel at a time.
    languages = phone.locator(".header-menu--languages")
    languages.locator("summary").click()
    assert menu.get_attribute("open") is None
    languages.get_by_role("link", name="Українська").click()
    phone.wait_for_url("**/uk/")
    # The search field is on every page.
    phone.get_by_role("searchbox").fill("Beratung")
    phone.get_by_role("searchbox").press("Enter")
    phone.wait_for_url("**/uk/suche/?q=Beratung")


# Function words of German sentences; names (places, organisations) rarely contain them.
GERMAN_WORDS = r"\b(und|oder|der|die|das|für|mit|nicht|ist|Sie|Ihre|bitte|wir|auf|bei|zum|zur|von)\b"
UNMARKED_GERMAN = """(pattern) => {
    const german = new RegExp(pattern);
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const page = document.documentElement.lang;
    while (walker.nextNode()) {
        const node = walker.currentNode;
        const element = node.parentElement;
        if (!element || element.closest('script, style, [hidden], [aria-hidden="true"], .visually-hidden')) continue;
        const marked = element.closest('[lang]');
        if (marked && marked.lang !== page) continue;
        // Quoted or bracketed German (proper names, the plan's title) is allowed.
        const text = node.textContent.replace(/[„"«(\\[][^“"»)\\]]*[“"»)\\]]/g, '');
        if (german.test(text)) found.push(text.trim().slice(0, 80));
    }
    return found;
}"""


@pytest.mark.parametrize("language", ["ar", "uk"])
def test_no_unmarked_german_on_public_pages(demo, phone, language):
    paths = [example.get_url() for example in one_page_per_type().values()]
    problems = []
    for path in paths:
        url = path.replace("/de/", f"/{language}/", 1)
        phone.goto(demo["url"] + url)
        problems += [f"{url}: {text}" for text in phone.evaluate(UNMARKED_GERMAN, GERMAN_WORDS)]
    assert problems == [], "\n".join(problems)
