"""Shift planning: places from the Ort snippets, no shifts on dates their event is cancelled,
German titles marked as such for readers of other languages, the Ehrenamtsnachweis."""

import datetime
import io
import re
from decimal import Decimal

import icalendar
import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from ehrenamt.forms import at
from ehrenamt.models import Schicht
from tests.factories import (
    AnsprechpartnerFactory,
    AusfallFactory,
    EinsatzFactory,
    MitmachenPageFactory,
    OrtFactory,
    SchichtFactory,
    VeranstaltungenIndexPageFactory,
    VeranstaltungPageFactory,
)
from tests.pdfs import tagged_pdf_text

pytestmark = pytest.mark.django_db


def wednesday(weeks=1):
    """A Wednesday at least `weeks` weeks ahead."""
    day = timezone.localdate() + datetime.timedelta(weeks=weeks)
    return day + datetime.timedelta(days=(2 - day.weekday()) % 7)


@pytest.fixture
def cafe(site_pages):
    """The weekly Begegnungscafé, closed on the Wednesday two weeks ahead."""
    index = VeranstaltungenIndexPageFactory(parent=site_pages.home)
    page = VeranstaltungPageFactory(parent=index, title="Begegnungscafé", slug="begegnungscafe")
    AusfallFactory(page=page, datum=wednesday(2), hinweis="Weihnachtsferien")
    return page


@pytest.fixture
def zentrum(locales):
    return OrtFactory(name="Begegnungszentrum", adresse="Marktstraße 20\n73207 Plochingen", locale=locales["de"])


def shift_form(day, **changes):
    return {
        "bereich": "begegnungscafe",
        "titel": "Begegnungscafé: Ausschank",
        "datum": day.isoformat(),
        "von": "17:30",
        "bis": "20:30",
        "kapazitaet": "3",
        **changes,
    }


# Cancelled event dates


def test_a_shift_cannot_be_planned_on_a_date_its_event_is_cancelled(koordination, cafe, zentrum):
    response = koordination.post(
        "/en/ehrenamt/koordination/schichten/neu/",
        shift_form(wednesday(2), veranstaltung=cafe.pk, stelle=zentrum.pk),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["datum"]
    assert "Begegnungscafé is cancelled on" in errors["datum"][0] and "Weihnachtsferien" in errors["datum"][0]
    page = response.content.decode()
    assert 'value="Begegnungscafé: Ausschank"' in page  # what was typed is kept
    assert not Schicht.objects.exists()


def test_the_series_tool_skips_cancelled_dates_and_says_which(koordination, cafe, zentrum):
    first = wednesday(1)
    response = koordination.post(
        "/en/ehrenamt/koordination/schichten/neu/",
        shift_form(
            first,
            veranstaltung=cafe.pk,
            stelle=zentrum.pk,
            wiederholen_bis=(first + datetime.timedelta(weeks=3)).isoformat(),
        ),
        follow=True,
    )
    days = sorted(timezone.localdate(s.beginn) for s in Schicht.objects.all())
    assert wednesday(2) not in days
    assert len(days) == 3
    messages = [str(m) for m in response.context["messages"]]
    skipped = next(m for m in messages if m.startswith("No shift on this date"))
    assert str(wednesday(2).year) in skipped and "Weihnachtsferien" in skipped
    assert "3 shift(s) created." in messages


def test_copying_a_week_skips_the_cancelled_date_and_says_so(koordination, cafe, zentrum):
    source = wednesday(1)
    SchichtFactory(
        titel="Café", beginn=at(source, datetime.time(18)), ende=at(source, datetime.time(20)), veranstaltung=cafe
    )
    other = SchichtFactory(
        titel="Kleiderkammer", beginn=at(source, datetime.time(10)), ende=at(source, datetime.time(12))
    )
    response = koordination.post(
        "/en/ehrenamt/koordination/woche-kopieren/",
        {"quelle": source.isoformat(), "ziel": wednesday(2).isoformat()},
        follow=True,
    )
    copied = Schicht.objects.filter(beginn__date__gte=wednesday(2) - datetime.timedelta(days=2))
    assert [s.titel for s in copied] == [other.titel]
    messages = [str(m) for m in response.context["messages"]]
    assert any("Begegnungscafé is cancelled on" in m and "Weihnachtsferien" in m for m in messages)


def test_a_shift_on_a_date_cancelled_later_shows_as_a_conflict(koordination, cafe):
    closed = wednesday(2)
    schicht = SchichtFactory(
        titel="Café", beginn=at(closed, datetime.time(18)), ende=at(closed, datetime.time(20)), veranstaltung=cafe
    )
    fine = SchichtFactory(beginn=at(wednesday(1), datetime.time(18)), ende=at(wednesday(1), datetime.time(20)))
    for einsatz_schicht in (schicht, fine):
        for _n in range(einsatz_schicht.kapazitaet):
            EinsatzFactory(schicht=einsatz_schicht)
    page = koordination.get("/en/ehrenamt/koordination/").content.decode()
    assert page.count('data-konflikt="ausfall"') == 1
    assert "1 shift on a date when its event is cancelled" in page
    row = page[page.index(f"/koordination/schichten/{schicht.pk}/") :]
    assert row.index('data-konflikt="ausfall"') < row.index("</tr>")  # in the café's row, not "fully staffed"
    detail = koordination.get(f"/en/ehrenamt/koordination/schichten/{schicht.pk}/").content.decode()
    assert 'data-konflikt="ausfall"' in detail and "Weihnachtsferien" in detail


# Places


def test_the_form_offers_the_places_first_and_stores_the_chosen_one(koordination, zentrum, locales):
    OrtFactory(name="Ort in Arabisch", locale=locales["ar"])  # translations are not offered
    page = koordination.get("/en/ehrenamt/koordination/schichten/neu/").content.decode()
    assert page.index('name="stelle"') < page.index('name="ort"')
    assert "Begegnungszentrum – Marktstraße 20, 73207 Plochingen" in page
    assert "Ort in Arabisch" not in page
    day = wednesday(1)
    koordination.post("/en/ehrenamt/koordination/schichten/neu/", shift_form(day, stelle=zentrum.pk))
    schicht = Schicht.objects.get()
    assert schicht.stelle == zentrum and schicht.ort == ""


def test_free_text_is_the_exception_and_one_place_is_asked_for(koordination, zentrum):
    url = "/en/ehrenamt/koordination/schichten/neu/"
    day = wednesday(1)
    neither = koordination.post(url, shift_form(day))
    assert list(neither.context["form"].errors) == ["stelle"]
    both = koordination.post(url, shift_form(day, stelle=zentrum.pk, ort="Bahnhof"))
    assert list(both.context["form"].errors) == ["ort"]
    koordination.post(url, shift_form(day, ort="Treffpunkt Bahnhof, Gleis 1"))
    assert Schicht.objects.get().ort == "Treffpunkt Bahnhof, Gleis 1"


def test_without_a_place_a_shift_takes_its_events_place(koordination, cafe, zentrum):
    cafe.ort = zentrum
    cafe.save()
    koordination.post("/en/ehrenamt/koordination/schichten/neu/", shift_form(wednesday(1), veranstaltung=cafe.pk))
    assert Schicht.objects.get().stelle == zentrum


def translated(ort, locale, name):
    arabic = ort.copy_for_translation(locale)
    arabic.name = name
    arabic.live = True
    arabic.save()
    return arabic


def test_the_place_is_shown_in_the_readers_language_with_its_address(freiwillige, zentrum, locales):
    translated(zentrum, locales["ar"], "مركز اللقاء")
    SchichtFactory(titel="Begegnungscafé: Ausschank", stelle=zentrum, ort="")
    page = freiwillige.get("/ar/ehrenamt/schichten/").content.decode()
    assert "مركز اللقاء" in page and "Marktstraße 20, 73207 Plochingen" in page
    german = freiwillige.get("/de/ehrenamt/schichten/").content.decode()
    assert "Begegnungszentrum" in german and "مركز اللقاء" not in german


def test_calendar_and_reminder_name_the_place_and_its_address(freiwillige, zentrum, locales):
    translated(zentrum, locales["ar"], "مركز اللقاء")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    schicht = SchichtFactory(
        beginn=at(tomorrow, datetime.time(10)), ende=at(tomorrow, datetime.time(12)), stelle=zentrum, ort=""
    )
    EinsatzFactory(schicht=schicht, freiwillige=freiwillige.user)
    feed = Client().get(f"/de/ehrenamt/kalender/{freiwillige.user.ehrenamtsprofil.feed_token}/")
    event = icalendar.Calendar.from_ical(feed.content).walk("VEVENT")[0]
    assert str(event["LOCATION"]) == "Begegnungszentrum, Marktstraße 20, 73207 Plochingen"
    freiwillige.user.preferred_language = "ar"
    freiwillige.user.save()
    call_command("send_shift_reminders", stdout=io.StringIO())
    assert "مركز اللقاء, Marktstraße 20, 73207 Plochingen" in mail.outbox[0].body


def test_existing_free_text_places_are_mapped_to_the_ort(zentrum):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("ehrenamt.migrations.0007_schichtplanung")
    old = SchichtFactory(ort="Begegnungszentrum, Marktstraße 1, Plochingen")
    other = SchichtFactory(ort="Treffpunkt Bahnhof")
    by_street = SchichtFactory(ort="marktstraße 20, Plochingen")
    migration.orte_zuordnen(apps, None)
    old.refresh_from_db()
    other.refresh_from_db()
    by_street.refresh_from_db()
    assert (old.stelle, old.ort) == (zentrum, "")
    assert (by_street.stelle, by_street.ort) == (zentrum, "")
    assert (other.stelle, other.ort) == (None, "Treffpunkt Bahnhof")


# Titles and notes in German


def test_german_titles_and_notes_are_marked_for_readers_of_other_languages(freiwillige, zentrum):
    schicht = SchichtFactory(titel="Kleiderkammer: Sortieren", notizen="Bitte Handschuhe mitbringen.", stelle=zentrum)
    EinsatzFactory(schicht=schicht, freiwillige=freiwillige.user)
    marked = re.compile(r'<bdi lang="de" dir="ltr">Kleiderkammer: Sortieren</bdi>')
    for url in ("/ar/ehrenamt/schichten/", f"/ar/ehrenamt/schichten/{schicht.pk}/", "/ar/ehrenamt/meine-einsaetze/"):
        page = freiwillige.get(url).content.decode()
        assert 'dir="rtl"' in page and marked.search(page), url
    detail = freiwillige.get(f"/ar/ehrenamt/schichten/{schicht.pk}/").content.decode()
    assert '<div class="schicht-notizen" lang="de" dir="ltr">Bitte Handschuhe mitbringen.</div>' in detail
    german = freiwillige.get("/de/ehrenamt/schichten/").content.decode()
    assert "<bdi>Kleiderkammer: Sortieren</bdi>" in german


# The Ehrenamtsnachweis


def worked(person, days_ago, hours, titel="Kleiderkammer: Ausgabe"):
    start = timezone.now() - datetime.timedelta(days=days_ago)
    schicht = SchichtFactory(
        titel=titel, beginn=start, ende=start + datetime.timedelta(hours=3), bereich="kleiderkammer"
    )
    return EinsatzFactory(schicht=schicht, freiwillige=person, anwesend=True, stunden=Decimal(hours))


@pytest.fixture
def koordinationskontakt(site_pages, locales):
    kontakt = AnsprechpartnerFactory(
        name="Nadia Muster", funktion="Ehrenamtskoordination", telefon="+49 7153 7005-230", locale=locales["de"]
    )
    MitmachenPageFactory(parent=site_pages.home, kontakt=kontakt)
    return kontakt


def certificate(client, language, einsatz):
    year = timezone.localtime(einsatz.schicht.beginn).year
    response = client.get(f"/{language}/ehrenamt/meine-einsaetze/nachweis/{year}/")
    assert response["Content-Type"] == "application/pdf"
    return " ".join(tagged_pdf_text(response.content, language).split())


def test_one_hour_in_one_shift_is_singular(freiwillige, koordinationskontakt):
    einsatz = worked(freiwillige.user, 3, "1")
    text = certificate(freiwillige, "en", einsatz)
    assert "1 hour in 1 shift" in text


def test_the_certificate_lists_activities_dates_office_and_a_signature_line(freiwillige, koordinationskontakt):
    first = worked(freiwillige.user, 4, "2.5", titel="Kleiderkammer: Ausgabe")
    worked(freiwillige.user, 3, "3", titel="Hausaufgabenhilfe")
    text = certificate(freiwillige, "en", first)
    assert "5.5 hours in 2 shifts" in text
    assert "Kleiderkammer: Ausgabe" in text and "Hausaufgabenhilfe" in text
    assert str(timezone.localtime(first.schicht.beginn).day) in text
    assert "City of Plochingen" in text and "Ehrenamtskoordination" in text and "Nadia Muster" in text
    assert "Signature" in text


def test_the_certificate_in_arabic_is_tagged_and_in_arabic(freiwillige, koordinationskontakt):
    einsatz = worked(freiwillige.user, 3, "2")
    text = certificate(freiwillige, "ar", einsatz)
    assert "Fatima Haddad" in text and "Kleiderkammer: Ausgabe" in text and "Nadia Muster" in text


# Bounded queries


@pytest.mark.parametrize("count", [1, 40])
def test_shift_list_with_places_in_arabic_has_bounded_queries(
    freiwillige, zentrum, locales, django_assert_max_num_queries, count
):
    translated(zentrum, locales["ar"], "مركز اللقاء")
    start = timezone.now() + datetime.timedelta(days=1)
    Schicht.objects.bulk_create(
        Schicht(
            bereich="kleiderkammer",
            titel=f"Schicht {n}",
            beginn=start + datetime.timedelta(hours=n),
            ende=start + datetime.timedelta(hours=n + 1),
            stelle=zentrum,
            kapazitaet=2,
        )
        for n in range(count)
    )
    with django_assert_max_num_queries(20):
        response = freiwillige.get("/ar/ehrenamt/schichten/")
    assert response.content.decode().count("مركز اللقاء") == min(count, 20)


@pytest.mark.parametrize("count", [1, 40])
def test_overview_with_events_has_bounded_queries(koordination, cafe, django_assert_max_num_queries, count):
    start = at(wednesday(1), datetime.time(8))
    Schicht.objects.bulk_create(
        Schicht(
            bereich="begegnungscafe",
            titel=f"Schicht {n}",
            beginn=start + datetime.timedelta(hours=n),
            ende=start + datetime.timedelta(hours=n + 1),
            ort="Begegnungszentrum",
            veranstaltung=cafe,
            kapazitaet=2,
        )
        for n in range(count)
    )
    with django_assert_max_num_queries(20):
        response = koordination.get("/de/ehrenamt/koordination/")
    assert response.status_code == 200


# Demo data


def test_the_demo_has_no_shift_on_a_day_the_cafe_is_closed_and_one_address_per_place():
    from veranstaltungen.models import VeranstaltungPage

    call_command("seed_demo", stdout=io.StringIO())
    cafe = VeranstaltungPage.objects.get(locale__language_code="de", slug="begegnungscafe")
    closed = set(cafe.ausfaelle.values_list("datum", flat=True))
    assert closed
    cafe_shifts = Schicht.objects.filter(veranstaltung=cafe)
    assert cafe_shifts.exists()
    assert not [s for s in cafe_shifts if timezone.localdate(s.beginn) in closed]
    assert not Schicht.objects.filter(stelle__isnull=True).exists()
    assert {s.stelle.adresse for s in Schicht.objects.select_related("stelle")} == {"Marktstraße 20\n73207 Plochingen"}
