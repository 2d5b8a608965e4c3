"""On a 360 × 740 phone, in all six languages: every public page type and the main forms show their
title in the first half of the screen and never scroll sideways, nor do member and staff pages; the
menus fold without JavaScript."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client

from beirat.models import Sitzung
from ehrenamt.models import Schicht
from intern.faelle.models import Fall
from portal import roles
from portal.models import User
from stellen.models import Bewerbung
from tests.browser.conftest import ARTIFACTS
from tests.browser.test_axe_sweep import one_page_per_type
from tests.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 360, "height": 740}
TITLE_WITHIN = 370
VIEWS = [
    "/{lang}/suche/?q=Beratung",
    "/{lang}/suche/?q=Zqxwvy",
    "/{lang}/konto/login/",
    "/{lang}/veranstaltungen/kalender/",
    "/{lang}/offene-daten/",
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


def test_every_public_member_and_staff_page_fits_a_phone_in_every_language(demo, phone, browser):
    """One test, as each browser test seeds the whole demo: public pages (title within the first half
    of the screen, no sideways scrolling), then member and staff pages (no sideways scrolling)."""
    paths = [example.get_url() for example in one_page_per_type().values()]
    problems = signed_in_pages_too_wide(demo, browser)
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
FUNCTION_WORDS = "und|oder|der|die|das|für|mit|nicht|ist|Sie|Ihre|bitte|wir|auf|bei|zum|zur|von"
# Whole words only: Turkish "öder" or "Müdür" hold no German "der". (JavaScript's \b knows only ASCII.)
GERMAN_WORDS = rf"(?<!\p{{L}})({FUNCTION_WORDS})(?!\p{{L}})"
GERMAN_WORDS_PY = rf"\b({FUNCTION_WORDS})\b"
UNMARKED_GERMAN = """(pattern) => {
    const german = new RegExp(pattern, 'u');
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


def test_no_unmarked_german_on_public_pages_in_any_other_language(demo, phone):
    paths = [example.get_url() for example in one_page_per_type().values()]
    problems = []
    for language, _name in settings.LANGUAGES:
        if language == settings.LANGUAGE_CODE:
            continue
        for path in paths:
            url = path.replace("/de/", f"/{language}/", 1)
            phone.goto(demo["url"] + url)
            problems += [f"{url}: {text}" for text in phone.evaluate(UNMARKED_GERMAN, GERMAN_WORDS)]
    assert problems == [], "\n".join(problems)


# Member and staff pages by the demo role that opens them; "{...}" is the first such record of the demo.
SIGNED_IN_PAGES = {
    roles.EHRENAMT: [
        "/{lang}/ehrenamt/schichten/",
        "{schicht}",
        "/{lang}/ehrenamt/meine-einsaetze/",
        "/{lang}/ehrenamt/mein-profil/",
        "/{lang}/ehrenamt/meine-patenschaften/",
    ],
    roles.EHRENAMTSKOORDINATION: [
        "/{lang}/ehrenamt/koordination/",
        "/{lang}/ehrenamt/koordination/paten/",
        "/{lang}/ehrenamt/moebelspenden/",
    ],
    roles.VORSTAND: ["/{lang}/verein/mitglieder/", "/{lang}/verein/mitglieder/vorstand/"],
    roles.BEIRAT: ["/{lang}/beirat/intern/", "{sitzung}", "/{lang}/beirat/intern/beschluesse/"],
    roles.INTEGRATIONSMANAGEMENT: [
        "/{lang}/intern/",
        "/{lang}/intern/faelle/",
        "{fall}",
        "/{lang}/intern/faelle/aufgaben/",
        "/{lang}/intern/faelle/runder-tisch/",
        "/{lang}/intern/wohnraum/",
        "/{lang}/intern/anwohner/",
    ],
    roles.PERSONAL: ["/{lang}/intern/bewerbungen/", "{bewerbung}", "/{lang}/intern/fortbildung/verwaltung/"],
    roles.VERWALTUNG: ["/{lang}/intern/fortbildung/", "/{lang}/intern/fortbildung/meine/"],
    roles.DATENSCHUTZ: ["/{lang}/intern/datenschutz/auskunft/"],
}


def signed_in_phone(browser, live_server_url, email, password):
    """A phone browser with the session of the demo account `email`, second factor done."""
    user = User.objects.get(email=email)
    client = login(Client(), user, password=password)
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server_url,
            }
        ]
    )
    return context


def signed_in_pages_too_wide(demo, browser):
    first = {
        "schicht": f"/{{lang}}/ehrenamt/schichten/{Schicht.objects.order_by('beginn').last().pk}/",
        "sitzung": f"/{{lang}}/beirat/intern/sitzungen/{Sitzung.objects.order_by('pk').first().pk}/",
        "fall": f"/{{lang}}/intern/faelle/{Fall.objects.order_by('pk').first().pk}/",
        "bewerbung": f"/{{lang}}/intern/bewerbungen/{Bewerbung.objects.order_by('pk').first().pk}/",
    }
    problems = []
    for role, paths in SIGNED_IN_PAGES.items():
        login_data = demo["logins"][role]
        context = signed_in_phone(browser, demo["url"], login_data["email"], login_data["password"])
        phone = context.new_page()
        for lang, _name in settings.LANGUAGES:
            for path in paths:
                url = path.format(lang="{lang}", **first).format(lang=lang)
                response = phone.goto(demo["url"] + url)
                assert response.status == 200, f"{role}: {url} answered {response.status}"
                width = phone.evaluate(MEASURE)["width"]
                if width > PHONE["width"]:
                    problems.append(f"{role}: {url}: {width} px wide")
        context.close()
    return problems


def german_sentences(text):
    """Unquoted, unbracketed text with German function words (names and the plan's title aside)."""
    text = re.sub(r"[„\"«(\[][^“\"»)\]]*[“\"»)\]]", "", text)
    return re.findall(GERMAN_WORDS_PY, text)


def test_an_arabic_newcomer_on_a_phone_finds_help_reads_the_infoblatt_and_registers_for_the_cafe(demo, phone):
    """The issue's journey: Duldung and work, the offer, the Infoblatt, the next Begegnungscafé date,
    with no sideways scrolling, no unmarked German sentence and every mail in Arabic."""
    problems = []

    def look(step):
        found = phone.evaluate(MEASURE)
        if found["width"] > PHONE["width"]:
            problems.append(f"{step}: {found['width']} px wide")
        problems.extend(f"{step}: {text}" for text in phone.evaluate(UNMARKED_GERMAN, GERMAN_WORDS))

    phone.goto(demo["url"] + "/ar/")
    look("start page")
    phone.select_option("#finder_bereich", "arbeit-ausbildung")
    phone.select_option("#finder_status", "duldung")
    phone.locator("form.finder-quick button[type=submit]").click()
    phone.wait_for_url(re.compile(r".*/ar/angebote/\?.*status=duldung"))
    look("finder")
    offers = phone.locator(".offer-list h3 a")
    assert offers.count() > 0
    offers.first.click()
    phone.wait_for_load_state()
    assert phone.locator("html").get_attribute("dir") == "rtl"
    look("offer")
    phone.goto(demo["url"] + "/ar/angebote/infoblatt-einweisung/")
    look("Infoblatt")

    # Clothes for the children: the search finds the Kleiderkammer from an everyday word.
    phone.goto(demo["url"] + "/ar/")
    phone.locator("#site-search-q").fill("ملابس للأطفال")
    phone.locator("#site-search-q").press("Enter")
    phone.wait_for_url(re.compile(r".*/ar/suche/\?q="))
    look("search")
    assert "/ar/angebote/kleiderkammer/" in phone.locator(".search-results a").first.get_attribute("href")

    phone.goto(demo["url"] + "/ar/veranstaltungen/begegnungscafe/")
    look("café")
    phone.locator("main a.button[href$='/anmelden/']").click()
    phone.wait_for_url("**/ar/veranstaltungen/begegnungscafe/anmelden/")
    look("registration form")
    phone.locator("#id_name").fill("أمل")
    phone.locator("#id_email").fill("amal@example.org")
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_load_state()
    request_mail = mail.outbox[-1]
    link = re.search(r"(/ar/veranstaltungen/begegnungscafe/anmelden/bestaetigen/\S+/)", request_mail.body).group(1)
    phone.goto(demo["url"] + link)
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_load_state()
    look("registered")
    assert phone.locator("main a.calendar-link").count() == 1
    place_mail = mail.outbox[-1]
    assert place_mail.to == ["amal@example.org"] and place_mail is not request_mail
    for message in (request_mail, place_mail):
        assert german_sentences(message.subject + message.body) == [], message.body
        assert "/de/" not in message.body
    assert problems == [], "\n".join(problems)
