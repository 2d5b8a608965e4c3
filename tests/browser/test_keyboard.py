"""The main journeys by keyboard only: every control is reached with Tab and used with the keys
a keyboard user has (typing, Space, arrows, Enter). A journey starts by typing an address."""

import datetime
from pathlib import Path

import pytest
from django.utils import timezone

from ehrenamt.models import Einsatz, Schicht
from wohnraum.models import Wohnungsangebot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

MAX_TABS = 250


def tab_to(page, selector):
    """Press Tab until the focused element matches `selector`; fail if the keyboard never gets there."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} cannot be reached with the Tab key on {page.url}")


def focused_is_visible(page):
    """WCAG 2.4.7: the focused element shows a focus indicator (an outline or a box shadow)."""
    return page.evaluate(
        """() => {
            const style = getComputedStyle(document.activeElement);
            return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
        }"""
    )


def test_main_journeys_by_keyboard_only(demo, page):
    url = demo["url"]

    # Find an offer: tick an area of life with Space, submit with Enter, open the first result.
    page.goto(url + "/de/angebote/")
    tab_to(page, "input[name=bereich][value=arbeit-ausbildung]")
    assert focused_is_visible(page)
    page.keyboard.press("Space")
    tab_to(page, "form.finder__filters button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/de/angebote/?*bereich=arbeit-ausbildung*")
    tab_to(page, ".offer-card h3 a")
    title = page.evaluate("document.activeElement.textContent").strip()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().strip() == title

    # Subscribe to events: the calendar download is a link the keyboard reaches and follows.
    page.goto(url + "/de/veranstaltungen/")
    tab_to(page, ".feeds a[href$='/ical/']:not([href^='webcal'])")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert "BEGIN:VCALENDAR" in Path(download.value.path()).read_text(encoding="utf-8")
    tab_to(page, ".feeds a[href^='webcal://']")
    assert page.evaluate("document.activeElement.getAttribute('href')").endswith("/de/veranstaltungen/ical/")

    # Sign in and sign up for a shift.
    login = demo["logins"]["Ehrenamt"]
    page.goto(url + "/de/konto/login/")
    tab_to(page, "input[name=login]")
    page.keyboard.type(login["email"])
    tab_to(page, "input[name=password]")
    page.keyboard.type(login["password"])
    page.keyboard.press("Enter")
    page.wait_for_url("**/ehrenamt/meine-einsaetze/")
    page.goto(url + "/de/ehrenamt/schichten/")
    tab_to(page, "form[action*='/anmelden/'] button[type=submit]")
    action = page.evaluate("document.activeElement.form.getAttribute('action')")
    schicht = Schicht.objects.get(pk=int(action.rstrip("/").split("/")[-2]))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".messages").count() == 1, "the volunteer is told what happened"
    assert Einsatz.objects.filter(schicht=schicht, freiwillige__email=login["email"]).exists()
    page.goto(url + "/de/konto/logout/")
    tab_to(page, "main form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # Offer a flat: every field by keyboard, the choice of district with the arrow keys.
    page.goto(url + "/de/wohnraum/angebot/")
    # Chromium orders a date field's parts by the system's locale, not the page's: a date whose day
    # and month are equal is typed the same in either order.
    available = timezone.localdate() + datetime.timedelta(days=1)
    while available.day != available.month:
        available += datetime.timedelta(days=1)
    fields = [
        ("input[name=adresse]", "Filsweg 12"),
        ("input[name=flaeche]", "70"),
        ("input[name=zimmer]", "3"),
        ("input[name=kaltmiete]", "600"),
        ("input[name=warmmiete]", "750"),
        ("input[name=frei_ab]", available.strftime("%d%m%Y")),
        ("input[name=name]", "Frau Weber"),
        ("input[name=email]", "weber@example.org"),
    ]
    for selector, text in fields:
        tab_to(page, selector)
        page.keyboard.type(text)
    tab_to(page, "select[name=stadtteil]")
    page.keyboard.press("ArrowDown")
    tab_to(page, "input[name=einwilligung]")
    page.keyboard.press("Space")
    tab_to(page, "form.form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    errors = page.locator(".field__errors").all_inner_texts()
    assert page.url.endswith("/wohnraum/angebot/danke/"), f"the form was refused: {errors}"
    angebot = Wohnungsangebot.objects.get(email="weber@example.org")
    assert angebot.adresse == "Filsweg 12" and angebot.frei_ab == available and angebot.stadtteil
