"""Structured data (schema.org JSON-LD): what search engines and other sites read from the pages of
events, offers, job postings and news and from the home page, with the properties Google's rich
results require (and the recommended ones the portal has data for)."""

import datetime
import json
import re

import pytest
from django.utils import timezone
from django.utils.translation import override

from angebote.models import LEBENSBEREICHE, Aufenthaltsstatus, Reichweite
from portal.structured_data import postal_address
from stellen.models import employment_types
from tests.factories import (
    AngeboteIndexPageFactory,
    AngebotPageFactory,
    NewsArticlePageFactory,
    OrtFactory,
    StellenangebotPageFactory,
    StellenIndexPageFactory,
    VeranstaltungenIndexPageFactory,
    VeranstaltungPageFactory,
)
from tests.stellen.helpers import bauhof_stelle
from veranstaltungen import recurrence
from veranstaltungen.models import Ausfall, Verschiebung

pytestmark = pytest.mark.django_db

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
SCHEMA = "https://schema.org/"


def json_ld(response):
    """The page's JSON-LD nodes (its one script's @graph); asserts there is exactly one script."""
    assert response.status_code == 200
    scripts = SCRIPT.findall(response.content.decode())
    assert len(scripts) == 1, scripts
    data = json.loads(scripts[0])
    assert data["@context"] == "https://schema.org"
    return data["@graph"]


def of_type(nodes, kind):
    return [node for node in nodes if node["@type"] == kind]


def no_json_ld(response):
    assert response.status_code == 200
    return not SCRIPT.findall(response.content.decode())


def assert_offset(value):
    """An ISO 8601 moment with its UTC offset (as Google asks for start dates)."""
    moment = datetime.datetime.fromisoformat(value)
    assert moment.utcoffset() is not None, value
    return moment


def at(day, hour):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=recurrence.BERLIN)


@pytest.fixture
def events(site_pages):
    return VeranstaltungenIndexPageFactory(parent=site_pages.home)


def test_an_event_has_the_properties_of_a_rich_result(client, events):
    ort = OrtFactory(name="Begegnungszentrum", adresse="Marktstraße 20\n73207 Plochingen")
    event = VeranstaltungPageFactory(parent=events, title="Sprachcafé", teaser="Deutsch üben bei Kaffee.", ort=ort)
    nodes = json_ld(client.get(event.url))
    page = of_type(nodes, "WebPage")[0]
    (found,) = of_type(nodes, "Event")
    assert found["name"] == "Sprachcafé"
    assert found["description"] == "Deutsch üben bei Kaffee."
    assert assert_offset(found["startDate"]) == event.beginn.replace(microsecond=0)
    assert assert_offset(found["endDate"]) == event.ende.replace(microsecond=0)
    assert found["eventStatus"] == SCHEMA + "EventScheduled"
    assert found["eventAttendanceMode"] == SCHEMA + "OfflineEventAttendanceMode"
    assert found["location"] == {
        "@type": "Place",
        "name": "Begegnungszentrum",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Marktstraße 20",
            "postalCode": "73207",
            "addressLocality": "Plochingen",
            "addressCountry": "DE",
        },
    }
    assert found["inLanguage"] == page["inLanguage"] == "de"
    assert found["isAccessibleForFree"] is True
    assert found["organizer"]["@type"] == "GovernmentOrganization"
    assert found["organizer"]["legalName"] == "Stadt Plochingen"
    assert found["organizer"]["url"] == "http://testserver/"
    assert found["url"] == page["url"] == "http://testserver" + event.url
    assert "offers" not in found  # no registration


def test_a_series_lists_its_next_ten_dates_with_cancelled_and_moved_ones(client, events):
    first = timezone.localdate() + datetime.timedelta(days=2)
    series = VeranstaltungPageFactory(
        parent=events,
        title="Begegnungscafé",
        beginn=at(first, 18),
        ende=at(first, 20),
        wiederholung=recurrence.WEEKLY,
        adresse="Hermannstraße 5\n73207 Plochingen",
        anmeldung=True,
        kapazitaet=20,
    )
    cancelled, moved = first + datetime.timedelta(days=7), first + datetime.timedelta(days=14)
    series.ausfaelle = [Ausfall(datum=cancelled, hinweis="Ferien")]
    series.verschiebungen = [
        Verschiebung(
            datum=moved,
            neuer_beginn=at(moved + datetime.timedelta(days=1), 17),
            neues_ende=at(moved + datetime.timedelta(days=1), 19),
        )
    ]
    series.save_revision().publish()

    found = of_type(json_ld(client.get(series.url)), "Event")
    assert len(found) == 10
    assert [assert_offset(event["startDate"]).date() for event in found[:4]] == [
        first,
        cancelled,
        moved + datetime.timedelta(days=1),
        first + datetime.timedelta(days=21),
    ]
    assert found[0]["eventStatus"] == SCHEMA + "EventScheduled"
    assert found[1]["eventStatus"] == SCHEMA + "EventCancelled"
    assert found[2]["eventStatus"] == SCHEMA + "EventRescheduled"
    assert assert_offset(found[2]["previousStartDate"]) == at(moved, 18)
    assert assert_offset(found[2]["startDate"]) == at(moved + datetime.timedelta(days=1), 17)
    assert found[0]["location"]["address"]["streetAddress"] == "Hermannstraße 5"
    # Registration is open for every date that takes place, on the registration form.
    register = "http://testserver" + series.url + "anmelden/"
    assert found[0]["offers"]["url"] == register
    assert found[2]["offers"]["url"] == register
    assert "offers" not in found[1]
    assert len({event["@id"] for event in found}) == 10
    # The registration form is no page of its own for search engines.
    assert no_json_ld(client.get(series.url + "anmelden/"))


def test_an_all_day_event_has_dates_and_a_past_one_none(client, events):
    day = timezone.localdate() + datetime.timedelta(days=5)
    fest = VeranstaltungPageFactory(parent=events, beginn=at(day, 0), ende=at(day, 23), ganztaegig=True)
    (found,) = of_type(json_ld(client.get(fest.url)), "Event")
    assert found["startDate"] == day.isoformat()
    past = VeranstaltungPageFactory(
        parent=events,
        beginn=timezone.now() - datetime.timedelta(days=3),
        ende=timezone.now() - datetime.timedelta(days=2),
    )
    assert no_json_ld(client.get(past.url))


def test_an_untranslated_event_under_another_language_says_german(client, events, locales):
    event = VeranstaltungPageFactory(parent=events, slug="vortrag", title="Vortrag")
    nodes = json_ld(client.get("/ar/veranstaltungen/vortrag/"))
    (found,) = of_type(nodes, "Event")
    assert found["inLanguage"] == of_type(nodes, "WebPage")[0]["inLanguage"] == "de"
    assert found["url"] == "http://testserver" + event.url  # the German page, its canonical address


def test_a_title_cannot_end_the_script(client, events):
    title = '</script><script>alert("x")</script><!-- & "quoted"'
    event = VeranstaltungPageFactory(parent=events, title=title)
    response = client.get(event.url)
    head = response.content.decode().split("</head>")[0]
    script = SCRIPT.search(head).group(1)
    assert "<" not in script and ">" not in script
    assert head.count("<script") == head.count("</script>")
    (found,) = of_type(json.loads(script)["@graph"], "Event")
    assert found["name"] == title


def test_an_offer_is_a_service_with_provider_area_languages_audience_and_place(client, site_pages):
    finder = AngeboteIndexPageFactory(parent=site_pages.home)
    ort = OrtFactory(name="Rathaus", adresse="Marktstraße 20\n73207 Plochingen")
    offer = AngebotPageFactory(
        parent=finder,
        title="Migrationsberatung",
        traeger="Caritas Fils-Neckar-Alb",
        zielgruppe="Erwachsene Zugewanderte",
        fuer_gestattung=False,
        ort=ort,
        bereiche=["aufenthalt-recht", "arbeit-ausbildung"],
        sprachen_codes=["de", "ar"],
    )
    nodes = json_ld(client.get(offer.url))
    (service,) = of_type(nodes, "Service")
    assert of_type(nodes, "WebPage")[0]["mainEntity"] == {"@id": service["@id"]}
    assert of_type(nodes, "WebPage")[0]["inLanguage"] == "de"
    assert service["name"] == "Migrationsberatung"
    assert service["description"] == "Kurzbeschreibung des Angebots."
    assert service["provider"] == {"@type": "Organization", "name": "Caritas Fils-Neckar-Alb"}
    assert service["areaServed"] == {"@type": "City", "name": "Plochingen"}
    assert [language["alternateName"] for language in service["availableLanguage"]] == ["de", "ar"]
    # Labels in the page's language (German), whatever the reader's.
    with override("de"):
        statuses = [str(Aufenthaltsstatus.DULDUNG.label), str(Aufenthaltsstatus.ANERKENNUNG.label)]
        areas = [str(LEBENSBEREICHE["arbeit-ausbildung"]), str(LEBENSBEREICHE["aufenthalt-recht"])]
    assert service["audience"]["audienceType"] == statuses
    assert service["audience"]["description"] == "Erwachsene Zugewanderte"
    assert service["serviceType"] == areas
    assert service["offers"]["price"] == "0"  # no cost given: free of charge
    location = service["availableChannel"]["serviceLocation"]
    assert location["name"] == "Rathaus"
    assert location["address"]["postalCode"] == "73207"
    assert service["availableChannel"]["serviceUrl"] == "http://testserver" + offer.url


def test_a_county_wide_offer_serves_the_county(client, site_pages):
    finder = AngeboteIndexPageFactory(parent=site_pages.home)
    offer = AngebotPageFactory(parent=finder, reichweite=Reichweite.LANDKREIS, kosten="5 € pro Termin")
    (service,) = of_type(json_ld(client.get(offer.url)), "Service")
    assert service["areaServed"] == {"@type": "AdministrativeArea", "name": "Landkreis Esslingen"}
    assert "offers" not in service
    assert "serviceLocation" not in service["availableChannel"]


def test_a_job_posting_has_the_properties_of_a_rich_result(client, site_pages):
    index = StellenIndexPageFactory(parent=site_pages.home)
    posting = StellenangebotPageFactory(parent=index, umfang="Vollzeit, befristet", beginn="1. März")
    nodes = json_ld(client.get(posting.url))
    (job,) = of_type(nodes, "JobPosting")
    assert of_type(nodes, "WebPage")[0]["inLanguage"] == "de"
    assert job["title"] == "Mitarbeit im Bauhof"
    assert "Sie halten Wege und Grünflächen sauber." in job["description"]
    assert "<li>Grünflächen pflegen</li>" in job["description"]
    posted = assert_offset(job["datePosted"])
    assert posted.date() <= timezone.localdate()
    valid = assert_offset(job["validThrough"])
    assert valid.date() == posting.bewerbungsschluss
    assert job["hiringOrganization"]["legalName"] == "Stadt Plochingen"
    assert job["hiringOrganization"]["department"]["name"] == "Bauhof"
    assert job["jobLocation"]["address"]["addressLocality"] == "Plochingen"
    assert job["jobLocation"]["address"]["addressCountry"] == "DE"
    assert job["employmentType"] == ["FULL_TIME", "TEMPORARY"]
    assert job["directApply"] is True
    assert job["jobStartDate"] == "1. März"
    assert job["url"] == "http://testserver" + posting.url
    # The application form is no page of its own for search engines.
    assert no_json_ld(client.get(posting.url + "bewerben/"))


def test_a_closed_job_posting_has_no_job_posting(client, site_pages):
    index = StellenIndexPageFactory(parent=site_pages.home)
    posting = StellenangebotPageFactory(
        parent=index, bewerbungsschluss=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert no_json_ld(client.get(posting.url))


def test_a_translated_job_posting_is_in_its_language(client, site_pages, locales):
    bauhof_stelle(site_pages, locales)
    nodes = json_ld(client.get("/ar/stellen/bauhof/"))
    (job,) = of_type(nodes, "JobPosting")
    assert job["title"] == "العمل في Bauhof"
    assert of_type(nodes, "WebPage")[0]["inLanguage"] == "ar"
    assert job["url"] == "http://testserver/ar/stellen/bauhof/"


def test_a_news_article_has_its_own_date(client, site_pages):
    article = NewsArticlePageFactory(
        parent=site_pages.news, title="Neues Sprachcafé", date=datetime.date(2026, 3, 1), intro="Ab März."
    )
    article.save_revision().publish()  # changed after its date
    nodes = json_ld(client.get(article.url))
    (found,) = of_type(nodes, "NewsArticle")
    assert found["headline"] == "Neues Sprachcafé"
    assert found["datePublished"] == "2026-03-01"
    assert found["description"] == "Ab März."
    assert found["inLanguage"] == "de"
    assert assert_offset(found["dateModified"]).date() >= datetime.date(2026, 3, 1)
    assert found["author"]["@type"] == found["publisher"]["@type"] == "GovernmentOrganization"
    assert found["publisher"]["logo"].startswith("http://testserver/static/")


def test_the_home_page_describes_the_city(client, site_pages):
    nodes = json_ld(client.get("/de/"))
    (city,) = of_type(nodes, "GovernmentOrganization")
    assert city["legalName"] == "Stadt Plochingen"
    assert city["url"] == "http://testserver/"
    assert city["address"]["streetAddress"] == "Marktplatz 1"
    assert city["contactPoint"]["email"] == "integration@plochingen.example"
    assert len(city["contactPoint"]["availableLanguage"]) == 6
    # The untranslated German home page under /en/ says what it is: German, at its German address.
    (page,) = of_type(json_ld(client.get("/en/")), "WebPage")
    assert page["inLanguage"] == "de"
    assert page["url"] == "http://testserver/de/"


def test_pages_without_structured_data_have_no_script(client, site_pages):
    assert no_json_ld(client.get(site_pages.begriff.url))
    assert no_json_ld(client.get(site_pages.news.url))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rathaus\nMarktplatz 1\n73207 Plochingen",
            {"streetAddress": "Rathaus, Marktplatz 1", "postalCode": "73207", "addressLocality": "Plochingen"},
        ),
        ("Hermannstraße 5, 73207 Plochingen", {"streetAddress": "Hermannstraße 5", "postalCode": "73207"}),
        (
            "Sporthalle am Bruckenwasen",
            {"streetAddress": "Sporthalle am Bruckenwasen", "addressLocality": "Plochingen"},
        ),
    ],
)
def test_addresses_become_postal_addresses(text, expected):
    address = postal_address(text)
    assert address["addressCountry"] == "DE"
    assert {key: address[key] for key in expected} == expected


@pytest.mark.parametrize(
    ("umfang", "expected"),
    [
        ("Vollzeit, 39 Stunden", ["FULL_TIME"]),
        ("Teilzeit (50 %), unbefristet", ["PART_TIME"]),
        ("Minijob, befristet bis Oktober", ["PART_TIME", "TEMPORARY"]),
        ("nach Absprache", []),
    ],
)
def test_working_hours_name_employment_types(umfang, expected):
    assert employment_types(umfang) == expected


def test_no_address_no_postal_address():
    assert postal_address("  \n ") is None
