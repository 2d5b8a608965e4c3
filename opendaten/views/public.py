"""The open data: the datasets as JSON and CSV, their DCAT-AP.de catalogue, their JSON Schemas and a
page that lists them (docs/open-data.md).

Every file is built once per language and content generation (`portal.pagecache.kept`, the events'
dates also per day) and served with an ETag (its hash) and a Last-Modified (when it was built, so a
changed file is never older than the copy a client holds); Django's `condition` answers 304. The
files are open to every origin (CORS) and to HEAD."""

import datetime
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import condition, require_safe

from portal.exports import csv_download, csv_safe
from portal.pagecache import kept
from portal.seo import absolute

from .. import selectors

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
# How long shared caches and clients may keep a file (as the public calendars).
PUBLIC_SECONDS = 900
PUBLISHER = "Stadt Plochingen"
LICENCE = {
    "id": "dl-by-de/2.0",
    "name": "Datenlizenz Deutschland – Namensnennung – Version 2.0",
    "uri": "http://dcat-ap.de/def/licenses/dl-by-de/2.0",
    "url": "https://www.govdata.de/dl-de/by-2-0",
}
ATTRIBUTION = "Stadt Plochingen, Integrationsportal"


@dataclass(frozen=True)
class Datensatz:
    """One dataset: its name (in URLs and file names), what it holds and its formats."""

    name: str
    title: str
    description: str
    keywords: tuple
    formats: tuple

    def payload(self, request, language):
        if self.name == "massnahmen":
            return selectors.massnahmen(request, language)
        if self.name == "termine":
            return selectors.termine(language)
        return selectors.angebote(language)


DATENSAETZE = {
    d.name: d
    for d in [
        Datensatz(
            "massnahmen",
            _("Measures of the integration plan"),
            _(
                "Every measure of the integration plan with its Handlungsfeld, its status and since when, "
                "who is responsible and the public pages that carry it out."
            ),
            (_("integration"), _("integration plan"), _("measures")),
            ("json", "csv"),
        ),
        Datensatz(
            "termine",
            _("Public events and their dates"),
            _(
                "The public events of the portal with every date of the next twelve months, cancelled and "
                "moved dates included, with place, categories and languages."
            ),
            (_("events"), _("dates"), _("integration")),
            ("json",),
        ),
        Datensatz(
            "angebote",
            _("Counselling and support offers"),
            _(
                "The offers of the offer finder with provider, areas of life, residence statuses, languages, "
                "place and opening hours."
            ),
            (_("counselling"), _("offers"), _("integration")),
            ("json", "csv"),
        ),
    ]
}
MEDIA_TYPES = {
    "json": "application/json",
    "csv": "text/csv",
    "jsonld": "application/ld+json",
}
# The EU vocabulary of file types (DCAT-AP.de asks for it in dct:format).
FILE_TYPES = {
    "json": "http://publications.europa.eu/resource/authority/file-type/JSON",
    "csv": "http://publications.europa.eu/resource/authority/file-type/CSV",
}


@dataclass(frozen=True)
class Datei:
    """A file as a view serves it: plain data, kept in the shared cache."""

    body: bytes
    content_type: str
    filename: str
    attachment: bool
    built: datetime.datetime

    @property
    def etag(self):
        return hashlib.sha256(self.body).hexdigest()[:32]


def _json(data, content_type, filename):
    body = json.dumps(data, ensure_ascii=False, indent=1, default=str).encode()
    return Datei(body, f"{content_type}; charset=utf-8", filename, False, timezone.now())


def _csv(columns, rows, filename):
    response, writer = csv_download(filename)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_safe("" if value is None else value) for value in row])
    return Datei(response.content, response["Content-Type"], filename, True, timezone.now())


def _kept_file(name, language, build):
    day = f":{timezone.localdate().isoformat()}" if "termine" in name or name == "katalog" else ""
    return kept(f"opendaten:datei:{name}:{language}{day}", build, in_worker=False)


def _url(viewname, **kwargs):
    return absolute(reverse(f"opendaten:{viewname}", kwargs=kwargs))


def _envelope(datensatz, payload, language):
    """What every dataset's JSON says about itself before its entries."""
    extra = {key: value for key, value in payload.items() if key not in ("modified", "eintraege")}
    return {
        "datensatz": datensatz.name,
        "titel": str(datensatz.title),
        "beschreibung": str(datensatz.description),
        "sprache": language,
        "herausgeber": PUBLISHER,
        "lizenz": LICENCE,
        "namensnennung": ATTRIBUTION,
        "stand": payload["modified"].isoformat(),
        "schema": _url("schema", name=datensatz.name),
        **extra,
        "eintraege": payload["eintraege"],
    }


def _joined(items, key="name"):
    return ", ".join(item[key] for item in items)


def _one_line(text):
    return ", ".join(line.strip() for line in (text or "").splitlines() if line.strip())


def _csv_rows(name, entries):
    """(columns, rows) of a dataset's CSV: one row per entry, lists joined."""
    if name == "massnahmen":
        columns = [
            "id",
            "handlungsfeld",
            "handlungsfeld_titel",
            "nummer",
            "titel",
            "sprache",
            "status",
            "status_titel",
            "status_seit",
            "verantwortlich",
            "seiten",
        ]
        rows = [[*(e[c] for c in columns[:-1]), " ".join(s["url"] for s in e["seiten"])] for e in entries]
        return columns, rows
    columns = [
        "id",
        "titel",
        "sprache",
        "url",
        "traeger",
        "kurzbeschreibung",
        "lebensbereiche",
        "aufenthaltsstatus",
        "sprachen",
        "reichweite",
        "kosten",
        "termin_noetig",
        "barrierefrei",
        "voruebergehend_geschlossen",
        "ort_name",
        "ort_adresse",
        "ort_oeffnungszeiten",
        "zuletzt_geprueft",
    ]
    rows = []
    for e in entries:
        ort = e["ort"] or {}
        rows.append(
            [
                e["id"],
                e["titel"],
                e["sprache"],
                e["url"],
                e["traeger"],
                e["kurzbeschreibung"],
                _joined(e["lebensbereiche"]),
                _joined(e["aufenthaltsstatus"]),
                _joined(e["sprachen"]),
                e["reichweite"],
                e["kosten"],
                e["termin_noetig"],
                e["barrierefrei"],
                e["voruebergehend_geschlossen"],
                ort.get("name", ""),
                _one_line(ort.get("adresse", "")),
                _one_line(ort.get("oeffnungszeiten", "")),
                e["zuletzt_geprueft"],
            ]
        )
    return columns, rows


def _serve(request, datei):
    """The file, or 304 when the client's copy is current; open to every origin."""

    @condition(etag_func=lambda request: datei.etag, last_modified_func=lambda request: datei.built)
    def respond(request):
        response = HttpResponse(datei.body, content_type=datei.content_type)
        kind = "attachment" if datei.attachment else "inline"
        response["Content-Disposition"] = f'{kind}; filename="{datei.filename}"'
        return response

    response = respond(request)
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=PUBLIC_SECONDS)
    return response


def _datensatz(name):
    try:
        return DATENSAETZE[name]
    except KeyError:
        raise Http404 from None


@require_safe
def datensatz_json(request, name):
    datensatz = _datensatz(name)
    language = get_language()

    def build():
        payload = datensatz.payload(request, language)
        return _json(_envelope(datensatz, payload, language), MEDIA_TYPES["json"], f"{name}-{language}.json")

    return _serve(request, _kept_file(f"{name}:json", language, build))


@require_safe
def datensatz_csv(request, name):
    datensatz = _datensatz(name)
    if "csv" not in datensatz.formats:
        raise Http404
    language = get_language()

    def build():
        columns, rows = _csv_rows(name, datensatz.payload(request, language)["eintraege"])
        return _csv(columns, rows, f"{name}-{language}.csv")

    return _serve(request, _kept_file(f"{name}:csv", language, build))


@require_safe
def schema(request, name):
    _datensatz(name)
    body = (SCHEMAS / f"{name}.schema.json").read_bytes()
    built = datetime.datetime.fromtimestamp((SCHEMAS / f"{name}.schema.json").stat().st_mtime, tz=datetime.UTC)
    return _serve(request, Datei(body, "application/schema+json", f"{name}.schema.json", False, built))


def _literal(value, language):
    return {"@value": str(value), "@language": language}


def _date_time(value):
    return {"@value": value.isoformat(), "@type": "xsd:dateTime"}


def katalog_data(request, language):
    """The DCAT-AP.de description of the datasets in `language` (JSON-LD): a dcat:Catalog with a
    dcat:Dataset per dataset and a dcat:Distribution per format."""
    publisher = {"@type": "foaf:Organization", "foaf:name": PUBLISHER}
    home = absolute(f"/{language}/")
    contact = {"@type": "vcard:Organization", "vcard:fn": PUBLISHER, "vcard:hasURL": {"@id": home}}
    licence = {"@id": LICENCE["uri"]}
    datasets, modified = [], []
    for datensatz in DATENSAETZE.values():
        payload = datensatz.payload(request, language)
        modified.append(payload["modified"])
        landing = payload.get("seite") or (payload.get("uebersichten") or [None])[0]
        distributions = [
            {
                "@id": _url(f"datensatz_{fmt}", name=datensatz.name),
                "@type": "dcat:Distribution",
                "dct:title": _literal(f"{datensatz.title} ({fmt.upper()})", language),
                "dcat:accessURL": {"@id": _url(f"datensatz_{fmt}", name=datensatz.name)},
                "dcat:downloadURL": {"@id": _url(f"datensatz_{fmt}", name=datensatz.name)},
                "dcat:mediaType": MEDIA_TYPES[fmt],
                "dct:format": {"@id": FILE_TYPES[fmt]},
                "dct:license": licence,
                "dcatde:licenseAttributionByText": ATTRIBUTION,
                "dct:modified": _date_time(payload["modified"]),
                "dct:conformsTo": {"@id": _url("schema", name=datensatz.name)} if fmt == "json" else None,
            }
            for fmt in datensatz.formats
        ]
        if datensatz.name == "termine":
            distributions += [
                {
                    "@id": overview["ical"],
                    "@type": "dcat:Distribution",
                    "dct:title": _literal(f"{overview['titel']} (iCalendar)", language),
                    "dcat:accessURL": {"@id": overview["ical"]},
                    "dcat:downloadURL": {"@id": overview["ical"]},
                    "dcat:mediaType": "text/calendar",
                    "dct:format": {"@id": "http://publications.europa.eu/resource/authority/file-type/ICS"},
                    "dct:license": licence,
                    "dcatde:licenseAttributionByText": ATTRIBUTION,
                }
                for overview in payload["uebersichten"]
            ]
        datasets.append(
            {
                "@id": _url("index") + f"#{datensatz.name}",
                "@type": "dcat:Dataset",
                "dct:identifier": f"plochingen-integrationsportal-{datensatz.name}",
                "dct:title": _literal(datensatz.title, language),
                "dct:description": _literal(datensatz.description, language),
                "dcat:keyword": [_literal(word, language) for word in datensatz.keywords],
                "dcat:theme": [{"@id": "http://publications.europa.eu/resource/authority/data-theme/SOCI"}],
                "dct:language": {
                    "@id": f"http://publications.europa.eu/resource/authority/language/{ISO_639_3[language]}"
                },
                "dct:publisher": publisher,
                "dcat:contactPoint": contact,
                "dct:license": licence,
                "dct:modified": _date_time(payload["modified"]),
                "dcat:landingPage": {"@id": landing["url"]} if landing else None,
                "dcatde:politicalGeocodingLevelURI": {
                    "@id": "http://dcat-ap.de/def/politicalGeocoding/Level/municipality"
                },
                "dcat:distribution": [{k: v for k, v in d.items() if v is not None} for d in distributions],
            }
        )
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "dcatde": "http://dcat-ap.de/def/dcatde/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": _url("katalog"),
        "@type": "dcat:Catalog",
        "dct:title": _literal(_("Open data of the Integrationsportal Plochingen"), language),
        "dct:description": _literal(
            _("Measures of the integration plan, public events and counselling offers of the City of Plochingen."),
            language,
        ),
        "dct:publisher": publisher,
        "dct:language": {"@id": f"http://publications.europa.eu/resource/authority/language/{ISO_639_3[language]}"},
        "dct:license": licence,
        "dct:modified": _date_time(max(modified)),
        "foaf:homepage": {"@id": _url("index")},
        "dcat:dataset": [{k: v for k, v in d.items() if v is not None} for d in datasets],
    }


# The portal's languages in the EU language vocabulary (ISO 639-3 codes).
ISO_639_3 = {"de": "DEU", "en": "ENG", "ar": "ARA", "fa": "FAS", "uk": "UKR", "tr": "TUR"}


@require_safe
def katalog(request):
    language = get_language()

    def build():
        return _json(katalog_data(request, language), MEDIA_TYPES["jsonld"], f"katalog-{language}.jsonld")

    return _serve(request, _kept_file("katalog", language, build))


@require_safe
def index(request):
    """The page that lists the datasets, their formats and licence."""
    datasets = [
        {
            "datensatz": datensatz,
            "formats": [
                (fmt.upper(), reverse(f"opendaten:datensatz_{fmt}", args=[datensatz.name])) for fmt in datensatz.formats
            ],
            "schema": reverse("opendaten:schema", args=[datensatz.name]),
        }
        for datensatz in DATENSAETZE.values()
    ]
    return render(
        request,
        "opendaten/index.html",
        {"datasets": datasets, "katalog": reverse("opendaten:katalog"), "licence": LICENCE, "attribution": ATTRIBUTION},
    )
