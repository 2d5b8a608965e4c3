"""The open data (docs/open-data.md): each dataset validates against its JSON Schema with one and with
many entries, holds only what the public pages show, is open to every origin, answers HEAD and 304,
keeps spreadsheets from running formulas, and stays within a query budget cold and warm."""

import csv
import datetime
import io
import json
from pathlib import Path

import jsonschema
import pytest
from django.utils import timezone

from angebote.models import AngebotPage
from portal.demo import translate_page
from tests.factories import (
    AngebotAnsprechpartnerFactory,
    AngeboteIndexPageFactory,
    AngebotPageFactory,
    AnsprechpartnerFactory,
    AusfallFactory,
    BeiratPageFactory,
    MonitorPageFactory,
    OrtFactory,
    PageViewRestrictionFactory,
    PlanmassnahmeFactory,
    PlanmassnahmeVerweisFactory,
    SitzungFactory,
    StandardPageFactory,
    VeranstaltungenIndexPageFactory,
    VeranstaltungPageFactory,
)
from veranstaltungen import recurrence

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).resolve().parents[2] / "opendaten" / "schemas"
JSON_URLS = {
    "massnahmen": "/{lang}/offene-daten/massnahmen.json",
    "termine": "/{lang}/offene-daten/termine.json",
    "angebote": "/{lang}/offene-daten/angebote.json",
}
CSV_URLS = ["/de/offene-daten/massnahmen.csv", "/de/offene-daten/angebote.csv"]
ALL_URLS = [
    "/de/offene-daten/",
    "/de/offene-daten/katalog.jsonld",
    *(url.format(lang="de") for url in JSON_URLS.values()),
    *CSV_URLS,
    "/de/offene-daten/schemas/angebote.schema.json",
]
# Markers of what must not leave the portal.
PRIVATE = ["Entwurf-7713", "Geschuetzt-7714", "kontakt-privat@example.org", "Nur-Angemeldet-7715", "Intern-7716"]


def schema(name):
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text())


def build(site_pages, count):
    """`count` public measures, events and offers, and one of each that is not public."""
    home = site_pages.home
    beirat = BeiratPageFactory(parent=home)
    MonitorPageFactory(parent=beirat)
    finder = AngeboteIndexPageFactory(parent=home)
    overview = VeranstaltungenIndexPageFactory(parent=home)
    ort = OrtFactory(name="Begegnungszentrum")
    restricted = StandardPageFactory(parent=home, slug="nur-angemeldet", title="Nur-Angemeldet-7715")
    PageViewRestrictionFactory(page=restricted)
    start = timezone.now() + datetime.timedelta(days=2)
    for number in range(count):
        massnahme = PlanmassnahmeFactory(handlungsfeld=number % 7 + 1, titel=f"Maßnahme {number}", status="umgesetzt")
        PlanmassnahmeVerweisFactory(massnahme=massnahme, seite=site_pages.begriff)
        PlanmassnahmeVerweisFactory(massnahme=massnahme, seite=restricted)
        offer = AngebotPageFactory(
            parent=finder, title=f"Beratung {number}", bereiche=["wohnen"], sprachen_codes=["ar", "tr"], ort=ort
        )
        AngebotAnsprechpartnerFactory(
            page=offer, ansprechpartner=AnsprechpartnerFactory(email="kontakt-privat@example.org")
        )
        VeranstaltungPageFactory(
            parent=overview,
            title=f"Begegnungscafé {number}",
            beginn=start + datetime.timedelta(hours=number),
            ende=start + datetime.timedelta(hours=number, minutes=90),
            wiederholung=recurrence.WEEKLY if number % 5 == 0 else "",
            anzahl=10 if number % 5 == 0 else None,
            kategorie_slugs=["begegnungscafe"],
            ort=ort,
        )
    PlanmassnahmeFactory(titel="Entwurf-7713", live=False)
    AngebotPageFactory(parent=finder, title="Entwurf-7713", live=False)
    hidden = AngebotPageFactory(parent=finder, title="Geschuetzt-7714")
    PageViewRestrictionFactory(page=hidden)
    VeranstaltungPageFactory(
        parent=overview, title="Entwurf-7713", beginn=start, ende=start + datetime.timedelta(hours=1), live=False
    )
    hidden_event = VeranstaltungPageFactory(
        parent=overview, title="Geschuetzt-7714", beginn=start, ende=start + datetime.timedelta(hours=1)
    )
    PageViewRestrictionFactory(page=hidden_event)
    # Internal dates: a cancelled date of the restricted event, the Beirat's (non-public) meeting.
    AusfallFactory(page=hidden_event, hinweis="Intern-7716")
    SitzungFactory(titel="Intern-7716")
    return finder


@pytest.mark.parametrize("count", [1, 12])
@pytest.mark.parametrize("lang", ["de", "ar"])
def test_each_dataset_validates_against_its_schema(client, site_pages, count, lang):
    build(site_pages, count)
    for name, url in JSON_URLS.items():
        response = client.get(url.format(lang=lang))
        assert response.status_code == 200, url
        assert response["Content-Type"] == "application/json; charset=utf-8"
        data = response.json()
        jsonschema.validate(data, schema(name), format_checker=jsonschema.FormatChecker())
        assert data["sprache"] == lang
        assert data["lizenz"]["uri"] == "http://dcat-ap.de/def/licenses/dl-by-de/2.0"
        assert len(data["eintraege"]) == count, name
    termine = client.get(JSON_URLS["termine"].format(lang=lang)).json()
    weekly = next(e for e in termine["eintraege"] if e["titel"] == "Begegnungscafé 0")
    assert len(weekly["termine"]) == 10  # the series' dates, as veranstaltungen computes them
    assert weekly["ical"].endswith(f"/{lang}/veranstaltungen/begegnungscafe-0/ical/")
    assert termine["uebersichten"][0]["ical"].endswith(f"/{lang}/veranstaltungen/ical/")


def test_the_schemas_are_valid_json_schemas():
    for path in SCHEMAS.glob("*.schema.json"):
        jsonschema.Draft202012Validator.check_schema(json.loads(path.read_text()))


def test_the_datasets_hold_what_the_public_pages_show(client, site_pages):
    build(site_pages, 1)
    massnahmen = client.get("/de/offene-daten/massnahmen.json").json()
    [massnahme] = massnahmen["eintraege"]
    assert massnahme["status"] == "umgesetzt" and massnahme["verantwortlich"] == "Stadtverwaltung"
    # The restricted page the measure links to is left out, as on the monitor page.
    assert [s["url"] for s in massnahme["seiten"]] == [f"http://testserver{site_pages.begriff.url}"]
    assert massnahme["handlungsfeld_seite"]["url"] == f"http://testserver{site_pages.feld.url}"
    [angebot] = client.get("/de/offene-daten/angebote.json").json()["eintraege"]
    assert [b["slug"] for b in angebot["lebensbereiche"]] == ["wohnen"]
    assert [s["code"] for s in angebot["sprachen"]] == ["ar", "tr"]
    assert {s["code"] for s in angebot["aufenthaltsstatus"]} == {"gestattung", "duldung", "anerkennung"}
    assert angebot["ort"]["name"] == "Begegnungszentrum" and angebot["ort"]["oeffnungszeiten"] == "Mo–Fr 9–12 Uhr"


def test_nothing_private_leaves_the_portal(client, site_pages):
    build(site_pages, 3)
    for url in ALL_URLS:
        body = client.get(url).content.decode("utf-8-sig")
        for marker in PRIVATE:
            assert marker not in body, (url, marker)
        assert "@" not in body.replace("@context", "").replace("@id", "").replace("@type", "").replace(
            "@value", ""
        ).replace("@language", ""), url


def test_measures_are_not_published_without_a_public_monitor(client, site_pages):
    PlanmassnahmeFactory(titel="Maßnahme ohne Monitor")
    data = client.get("/de/offene-daten/massnahmen.json").json()
    assert data["eintraege"] == [] and data["seite"] is None


def test_a_cancelled_date_is_marked(client, site_pages):
    overview = VeranstaltungenIndexPageFactory(parent=site_pages.home)
    event = VeranstaltungPageFactory(parent=overview, title="Sprachcafé")
    AusfallFactory(page=event, hinweis="Ferien")
    site_pages.begriff.save_revision().publish()  # the cancellation in a new generation
    [eintrag] = client.get("/de/offene-daten/termine.json").json()["eintraege"]
    assert eintrag["termine"][0]["abgesagt"] is True and eintrag["termine"][0]["hinweis"] == "Ferien"


def test_translated_texts_in_their_language(client, site_pages, locales):
    finder = build(site_pages, 1)
    offer = AngebotPage.objects.get(title="Beratung 0")
    translate_page(site_pages.home, locales["en"], {})
    translate_page(finder, locales["en"], {})
    translate_page(offer, locales["en"], {"Beratung 0": {"en": "Advice 0"}})
    [english] = client.get("/en/offene-daten/angebote.json").json()["eintraege"]
    [german] = client.get("/de/offene-daten/angebote.json").json()["eintraege"]
    assert (english["titel"], english["sprache"]) == ("Advice 0", "en")
    assert english["url"] == "http://testserver/en/angebote/beratung-0/"
    assert english["id"] == german["id"]
    assert [b["name"] for b in english["lebensbereiche"]] == ["Housing"]


@pytest.mark.parametrize("url", ALL_URLS)
def test_open_to_every_origin_with_etag_last_modified_and_head(client, site_pages, url):
    build(site_pages, 1)
    response = client.get(url)
    assert response.status_code == 200
    if url.endswith("/offene-daten/"):
        return  # the HTML page is a page like others
    assert response["Access-Control-Allow-Origin"] == "*"
    etag, modified = response["ETag"], response["Last-Modified"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    head = client.head(url)
    assert head.status_code == 200 and head["ETag"] == etag and head["Access-Control-Allow-Origin"] == "*"
    assert client.post(url).status_code == 405


def test_a_change_gives_a_new_etag(client, site_pages):
    build(site_pages, 1)
    etag = client.get("/de/offene-daten/angebote.json")["ETag"]
    offer = AngebotPage.objects.get(title="Beratung 0")
    offer.title = "Beratung neu"
    offer.save_revision().publish()
    response = client.get("/de/offene-daten/angebote.json", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and response["ETag"] != etag
    assert "Beratung neu" in response.content.decode()


def test_csv_keeps_spreadsheets_from_running_formulas(client, site_pages):
    finder = AngeboteIndexPageFactory(parent=site_pages.home)
    AngebotPageFactory(parent=finder, title='=HYPERLINK("http://evil.example")', traeger="+49 Träger", slug="formel")
    MonitorPageFactory(parent=BeiratPageFactory(parent=site_pages.home))
    PlanmassnahmeFactory(titel="@SUM(A1)", verantwortlich="-Amt")
    for url, column in [("/de/offene-daten/angebote.csv", "titel"), ("/de/offene-daten/massnahmen.csv", "titel")]:
        response = client.get(url)
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Access-Control-Allow-Origin"] == "*"
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
        assert rows[0][column].startswith("'"), rows
    [angebot] = csv.DictReader(
        io.StringIO(client.get("/de/offene-daten/angebote.csv").content.decode("utf-8-sig")), delimiter=";"
    )
    assert angebot["traeger"] == "'+49 Träger"
    [massnahme] = csv.DictReader(
        io.StringIO(client.get("/de/offene-daten/massnahmen.csv").content.decode("utf-8-sig")), delimiter=";"
    )
    assert massnahme["verantwortlich"] == "'-Amt"


def test_the_catalogue_describes_every_dataset_in_dcat_ap_de(client, site_pages):
    build(site_pages, 2)
    response = client.get("/de/offene-daten/katalog.jsonld")
    assert response["Content-Type"] == "application/ld+json; charset=utf-8"
    katalog = response.json()
    assert katalog["@type"] == "dcat:Catalog"
    assert katalog["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    datasets = {d["dct:identifier"]: d for d in katalog["dcat:dataset"]}
    assert set(datasets) == {f"plochingen-integrationsportal-{n}" for n in ("massnahmen", "termine", "angebote")}
    for dataset in datasets.values():
        assert dataset["@type"] == "dcat:Dataset"
        datetime.datetime.fromisoformat(dataset["dct:modified"]["@value"])
        assert dataset["dct:license"]["@id"] == "http://dcat-ap.de/def/licenses/dl-by-de/2.0"
        for distribution in dataset["dcat:distribution"]:
            assert distribution["@type"] == "dcat:Distribution"
            assert distribution["dct:license"]["@id"] == "http://dcat-ap.de/def/licenses/dl-by-de/2.0"
            path = distribution["dcat:downloadURL"]["@id"].removeprefix("http://testserver")
            assert client.get(path).status_code == 200, path
    formats = {d["dcat:mediaType"] for d in datasets["plochingen-integrationsportal-termine"]["dcat:distribution"]}
    assert formats == {"application/json", "text/calendar"}


def test_the_index_page_lists_the_datasets(client, site_pages):
    response = client.get("/ar/offene-daten/")
    assert response.status_code == 200
    body = response.content.decode()
    for url in ["/ar/offene-daten/massnahmen.json", "/ar/offene-daten/angebote.csv", "/ar/offene-daten/katalog.jsonld"]:
        assert url in body


@pytest.mark.parametrize("url", ["/de/offene-daten/unbekannt.json", "/de/offene-daten/termine.csv"])
def test_unknown_datasets_are_not_found(client, site_pages, url):
    assert client.get(url).status_code == 404


# Measured: at most 22 queries cold (the catalogue in Arabic, which builds all three datasets with
# their translations), none warm; the same with 1 and 25 entries.
COLD_BUDGET = 25
WARM_BUDGET = 1


@pytest.mark.parametrize(("count", "lang"), [(1, "de"), (25, "de"), (1, "ar"), (25, "ar")])
def test_query_budget_cold_and_warm(client, site_pages, django_assert_max_num_queries, count, lang):
    build(site_pages, count)
    for url in ALL_URLS:
        url = url.replace("/de/", f"/{lang}/", 1)
        site_pages.begriff.save_revision().publish()  # a new generation: nothing is kept
        with django_assert_max_num_queries(COLD_BUDGET, info=f"{url}, cold"):
            assert client.get(url).status_code == 200, url
        with django_assert_max_num_queries(WARM_BUDGET, info=f"{url}, warm"):
            assert client.get(url).status_code == 200, url
