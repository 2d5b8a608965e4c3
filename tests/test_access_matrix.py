"""One access matrix: every URL pattern x every role, anonymous included.

Each entry names a URL to request, the expected status per role and the URL patterns it
stands for. A URL pattern that no entry covers fails the test, so a new view must be added
here together with who may see it.
"""

import datetime
import re
from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLResolver, get_resolver
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Collection, PageViewRestriction

from angebote.models import (
    AnwohnerAnliegen,
    BegegnungszentrumPage,
    InfoblattEintrag,
    InfoblattPage,
    Moebelspende,
    SozialhausmeisterPage,
)
from beirat.models import BeiratPage, Beschluss, EmpfehlungPage, MonitorPage, Planmassnahme, Sitzung
from beirat.services import protokoll_speichern
from ehrenamt.models import Qualifikationsnachweis
from home.models import Barrierenmeldung
from intern.faelle.models import Fall, RunderTisch, Uebergabe
from intern.fortbildung.models import Kursanmeldung
from patenschaften.models import Patenbewerbung, Patenschaft, Patensuche
from portal import roles
from stellen.models import Bewerbung, StellenangebotPage, StellenIndexPage
from tests.conftest import ACCOUNT, ALL_ROLES, ANONYMOUS, SUPERUSER, login, make_user
from tests.factories import (
    AngeboteIndexPageFactory,
    AngebotPageFactory,
    EhrenamtsprofilFactory,
    EinsatzFactory,
    KursFactory,
    KursterminFactory,
    MitarbeiterFactory,
    MitgliedFactory,
    MitmachenPageFactory,
    SchichtFactory,
    StandardPageFactory,
    VeranstaltungenIndexPageFactory,
    VeranstaltungPageFactory,
    VereinPageFactory,
)
from wohnraum.models import Vermittlung, WohnraumPage, Wohnungsangebot, Wohnungssuche

SIGNED_IN = [r for r in ALL_ROLES if r != ANONYMOUS]
MFA_ROLES = [*roles.MFA_REQUIRED_ROLES, SUPERUSER]
VOLUNTEERS = [roles.EHRENAMT, roles.EHRENAMTSKOORDINATION, SUPERUSER]
COORDINATION = [roles.EHRENAMTSKOORDINATION, SUPERUSER]
MEMBERS = [roles.VEREINSMITGLIED, roles.VORSTAND, SUPERUSER]
BOARD = [roles.VORSTAND, SUPERUSER]
BEIRAT = [*roles.BEIRAT_ROLES, SUPERUSER]
BEIRAT_PREPARE = [roles.BEIRAT_VORSITZ, roles.BEIRAT_SCHRIFTFUEHRUNG, SUPERUSER]
BEIRAT_CHAIR = [roles.BEIRAT_VORSITZ, SUPERUSER]
CASEWORK = [roles.INTEGRATIONSMANAGEMENT, roles.TEAMLEITUNG, SUPERUSER]
PRIVACY = [roles.DATENSCHUTZ, SUPERUSER]
TRAINING = [roles.VERWALTUNG, roles.PERSONAL, SUPERUSER]
HR = [roles.PERSONAL, SUPERUSER]
# Markers in restricted content: a response for someone without access must not contain them.
SECRET_FOR_MEMBERS = b"Mitgliederinfo-7731"
SECRET_FOR_BEIRAT = b"Beiratsvorlage-4412"
SECRET_FOR_CASES = b"Fallnotiz-5183"
SECRET_FOR_HR = b"Bewerbungsnotiz-6620"


def everyone(status=200):
    return dict.fromkeys(ALL_ROLES, status)


def signed_in(status=200, anonymous=302):
    return {ANONYMOUS: anonymous, **dict.fromkeys(SIGNED_IN, status)}


def only(allowed, ok=200, denied=403, anonymous=302):
    return {r: anonymous if r == ANONYMOUS else ok if r in allowed else denied for r in ALL_ROLES}


# The matrix case is assigned to nobody: a case worker gets 404 as if it did not exist.
UNASSIGNED_CASE = {**only(CASEWORK), roles.INTEGRATIONSMANAGEMENT: 404}


def by_mfa(with_mfa, without_mfa, anonymous=302):
    """Expected status depends on whether the role has a TOTP device."""
    return {r: anonymous if r == ANONYMOUS else with_mfa if r in MFA_ROLES else without_mfa for r in ALL_ROLES}


@dataclass
class Entry:
    url: str
    expected: dict
    # The URL names (namespace:name) this request stands for.
    covers: list = field(default_factory=list)
    # URL trees of Wagtail's own (its CMS, documents), as route patterns: Wagtail guards them.
    areas: list = field(default_factory=list)


ENTRIES = [
    Entry("/healthz", everyone(), ["healthz"]),
    # The staff area: its start page lists the tools of the user's roles.
    Entry("/de/intern/", only([*roles.INTERN_ROLES, SUPERUSER]), ["intern_start"]),
    # The case register (Integrationsmanagement with MFA; the Teamleitung sees every case).
    Entry("/de/intern/faelle/", only(CASEWORK), ["faelle:liste"]),
    Entry("/de/intern/faelle/neu/", only(CASEWORK), ["faelle:neu"]),
    Entry("/de/intern/faelle/aufgaben/", only(CASEWORK), ["faelle:aufgaben"]),
    Entry("{fall}", UNASSIGNED_CASE, ["faelle:fall"]),
    Entry("/ar{fall_ohne_sprache}", UNASSIGNED_CASE),
    Entry("/de/intern/faelle/999999/", only(CASEWORK, ok=404)),
    Entry("{fall}bearbeiten/", UNASSIGNED_CASE, ["faelle:bearbeiten"]),
    Entry("{fall}personen/neu/", UNASSIGNED_CASE, ["faelle:person_neu"]),
    Entry("{person}", UNASSIGNED_CASE, ["faelle:person"]),
    Entry("{fall}personen/999999/", {**UNASSIGNED_CASE, roles.TEAMLEITUNG: 404, SUPERUSER: 404}),
    Entry("{fall}aufenthalt/", UNASSIGNED_CASE, ["faelle:aufenthalt"]),
    Entry("{fall}einwilligung/", UNASSIGNED_CASE, ["faelle:einwilligung"]),
    Entry(
        "{einwilligung}widerrufen/",
        {**UNASSIGNED_CASE, roles.TEAMLEITUNG: 302, SUPERUSER: 302},
        ["faelle:einwilligung_widerrufen"],
    ),
    Entry("{fall}uebergabe/", UNASSIGNED_CASE, ["faelle:uebergabe"]),
    Entry("{fall}raster/", UNASSIGNED_CASE, ["faelle:raster"]),
    Entry("{fall}massnahmen/neu/", UNASSIGNED_CASE, ["faelle:massnahme_neu"]),
    Entry("{massnahme_fall}", UNASSIGNED_CASE, ["faelle:massnahme"]),
    Entry(
        "{massnahme_fall}erledigt/",
        only(CASEWORK, ok=405),
        ["faelle:massnahme_erledigt"],
    ),
    Entry("{fall}kontakte/", UNASSIGNED_CASE, ["faelle:kontakte"]),
    Entry(
        "{fall}kontakte/1/wiedervorlage-erledigt/",
        only(CASEWORK, ok=405),
        ["faelle:wiedervorlage_erledigt"],
    ),
    Entry("/de/intern/faelle/statistik/", only(CASEWORK), ["faelle:statistik"]),
    Entry("/de/intern/faelle/runder-tisch/", only(CASEWORK), ["faelle:runde_tische"]),
    Entry("{tisch}", only(CASEWORK), ["faelle:runder_tisch"]),
    Entry("{tisch}protokoll/", only(CASEWORK), ["faelle:runder_tisch_protokoll"]),
    Entry("/de/intern/faelle/runder-tisch/999999/", only(CASEWORK, ok=404)),
    Entry("{fall}vereinbarung/neu/", UNASSIGNED_CASE, ["faelle:vereinbarung_neu"]),
    Entry("{vereinbarung}", UNASSIGNED_CASE, ["faelle:vereinbarung"]),
    # Requests for access and deletion: the Datenschutz role answers them.
    Entry("/de/intern/datenschutz/auskunft/", only(PRIVACY), ["faelle_datenschutz:auskunft"]),
    Entry("{auskunft_suche}", only(PRIVACY)),
    Entry("{auskunft_json}", only(PRIVACY), ["faelle_datenschutz:auskunft_json"]),
    Entry("{auskunft_pdf}", only(PRIVACY), ["faelle_datenschutz:auskunft_pdf"]),
    Entry("/de/intern/datenschutz/personen/999999/auskunft.json", only(PRIVACY, ok=404)),
    Entry(
        "{person_loeschen}",
        only(PRIVACY, ok=405),
        ["faelle_datenschutz:person_loeschen"],
    ),
    Entry("{fall_loeschen}", only(PRIVACY, ok=405), ["faelle_datenschutz:fall_loeschen"]),
    # Housing: landlords' offers for the housing team; households only from the user's own cases.
    Entry("/de/intern/wohnraum/", only(CASEWORK), ["wohnraum:angebote"]),
    Entry("{wohnungsangebot}", only(CASEWORK), ["wohnraum:angebot"]),
    Entry("/de/intern/wohnraum/angebote/999999/", only(CASEWORK, ok=404)),
    Entry("{wohnungsangebot_foto}", only(CASEWORK), ["wohnraum:angebot_foto"]),
    Entry(
        "{wohnungsangebot}vorschlagen/{suche_pk}/",
        only(CASEWORK, ok=405),
        ["wohnraum:vorschlagen"],
    ),
    Entry("/de/intern/wohnraum/suchende/", only(CASEWORK), ["wohnraum:suchende"]),
    Entry("{suche_fall}", UNASSIGNED_CASE, ["wohnraum:suche"]),
    Entry("{vermittlung}", UNASSIGNED_CASE, ["wohnraum:vermittlung"]),
    Entry("/de/intern/wohnraum/statistik/", only(CASEWORK), ["wohnraum:statistik"]),
    # Intercultural training: city staff browse and enrol (own enrolments only); HR administers.
    Entry("/de/intern/fortbildung/", only(TRAINING), ["fortbildung:katalog"]),
    Entry("/ar/intern/fortbildung/?abteilung=1&format=online", only(TRAINING)),
    Entry("{kurs}", only(TRAINING), ["fortbildung:kurs"]),
    Entry("/de/intern/fortbildung/kurse/999999/", only(TRAINING, ok=404)),
    Entry("{termin}anmelden/", only(TRAINING, ok=405), ["fortbildung:anmelden"]),
    Entry("{termin}termin.ics", only(TRAINING), ["fortbildung:termin_ics"]),
    Entry("/de/intern/fortbildung/meine/", only(TRAINING), ["fortbildung:meine"]),
    # Another person's enrolment: nobody else cancels it or gets the certificate, not even HR.
    Entry(
        "{fremde_anmeldung}abmelden/",
        only(TRAINING, ok=405),
        ["fortbildung:abmelden"],
    ),
    Entry(
        "{fremde_anmeldung}bescheinigung.pdf",
        only(TRAINING, ok=404),
        ["fortbildung:bescheinigung"],
    ),
    Entry("/de/intern/fortbildung/verwaltung/", only(HR), ["fortbildung:uebersicht"]),
    Entry(
        "/de/intern/fortbildung/verwaltung/erinnern/",
        only(HR),  # GET previews the reminders, POST sends them
        ["fortbildung:erinnern"],
    ),
    Entry("/de/intern/fortbildung/verwaltung/export.csv", only(HR), ["fortbildung:export"]),
    Entry("/de/intern/fortbildung/verwaltung/kurse/neu/", only(HR), ["fortbildung:kurs_neu"]),
    Entry(
        "{kurs_verwaltung}bearbeiten/",
        only(HR),
        ["fortbildung:kurs_bearbeiten"],
    ),
    Entry(
        "{kurs_verwaltung}termine/neu/",
        only(HR),
        ["fortbildung:termin_neu"],
    ),
    Entry(
        "{termin_verwaltung}bearbeiten/",
        only(HR),
        ["fortbildung:termin_bearbeiten"],
    ),
    Entry(
        "{termin_verwaltung}teilnehmende/",
        only(HR),
        ["fortbildung:teilnehmende"],
    ),
    Entry(
        "/de/intern/fortbildung/verwaltung/mitarbeitende/",
        only(HR),
        ["fortbildung:mitarbeitende"],
    ),
    Entry(
        "/de/intern/fortbildung/verwaltung/mitarbeitende/neu/",
        only(HR),
        ["fortbildung:mitarbeiter_neu"],
    ),
    Entry("{mitarbeiter}", only(HR), ["fortbildung:mitarbeiter_bearbeiten"]),
    Entry(
        "/de/intern/fortbildung/verwaltung/abteilungen/",
        only(HR),
        ["fortbildung:stammdaten"],
    ),
    Entry(
        "/de/intern/fortbildung/verwaltung/abteilungen/neu/",
        only(HR),
        ["fortbildung:abteilung_neu"],
    ),
    Entry("{abteilung}", only(HR), ["fortbildung:abteilung_bearbeiten"]),
    Entry(
        "/de/intern/fortbildung/verwaltung/positionen/neu/",
        only(HR),
        ["fortbildung:position_neu"],
    ),
    Entry("{position}", only(HR), ["fortbildung:position_bearbeiten"]),
    # Applications: HR only, every read audited.
    Entry("/de/intern/bewerbungen/", only(HR), ["personal:bewerbungen"]),
    Entry("/de/intern/bewerbungen/?status=eingegangen&bereich=bauhof", only(HR)),
    Entry("{bewerbung}", only(HR), ["personal:bewerbung"]),
    Entry("/de/intern/bewerbungen/999999/", only(HR, ok=404)),
    Entry("{bewerbung}lebenslauf.pdf", only(HR), ["personal:lebenslauf"]),
    Entry(
        "{bewerbung}vorstellungsgespraech.ics",
        only(HR),
        ["personal:gespraech_ics"],
    ),
    Entry("/de/intern/bewerbungen/statistik/", only(HR), ["personal:statistik"]),
    # The audit log: the Datenschutz role only.
    Entry(
        "/de/intern/datenschutz/protokoll/",
        only([roles.DATENSCHUTZ, SUPERUSER]),
        ["audit_protokoll"],
    ),
    Entry(
        "/de/intern/datenschutz/protokoll.csv?von=2026-01-01",
        only([roles.DATENSCHUTZ, SUPERUSER]),
        ["audit_protokoll_csv"],
    ),
    Entry("/robots.txt", everyone(), ["robots_txt"]),
    Entry("/favicon.ico", everyone(), ["favicon"]),
    Entry("/apple-touch-icon.png", everyone(), ["apple_touch_icon"]),
    Entry("/sitemap.xml", everyone(), ["sitemap"]),
    Entry("/cms/login/", everyone(302), ["cms_login", "wagtailadmin_login"]),
    Entry("/login/", everyone(302), ["wagtailcore_login"]),
    Entry("/cms/", only([roles.REDAKTION, SUPERUSER]), areas=[r"^cms/"]),
    Entry("/cms/pages/", only([roles.REDAKTION, SUPERUSER])),
    # Wagtail sends editors without the permission back to the CMS dashboard.
    Entry("/cms/users/", {**only([SUPERUSER]), roles.REDAKTION: 302}),
    # Mails not sent hold addresses: administrators only.
    Entry("/cms/mails/", {**only([SUPERUSER]), roles.REDAKTION: 302}),
    # Editors manage public and Verein documents, never the Beirat's.
    Entry("/cms/documents/", only([roles.REDAKTION, SUPERUSER])),
    Entry("/cms/documents/chooser/", only([roles.REDAKTION, SUPERUSER])),
    Entry("/cms/media/", only([roles.REDAKTION, SUPERUSER])),
    Entry("{beirat_document_edit}", {**only([SUPERUSER]), roles.REDAKTION: 302}),
    Entry("{public_document}", everyone(), areas=[r"^documents/\^\(\\d\+\)", r"^\^documents/\(\\d\+\)"]),
    Entry("{beirat_document}", only(BEIRAT)),
    # Shared passwords are switched off: no restriction of that kind exists.
    # (LocaleMiddleware sends the 404 on to /de/…, which is a 404 too.)
    Entry("/documents/authenticate_with_password/1/", everyone(302), areas=[r"^documents/authenticate_with_password/"]),
    Entry("/de/documents/authenticate_with_password/1/", everyone(404)),
    # Pages (Wagtail): public, login-only, group-only and unpublished.
    Entry("/de/", everyone(), ["wagtail_serve"]),
    Entry("/ar/", everyone()),
    Entry("/de/integrationsbegriff/", everyone()),
    Entry("/de/handlungsfelder/", everyone()),
    Entry("/de/handlungsfelder/handlungsfeld-1/", everyone()),
    Entry("/de/aktuelles/", everyone()),
    Entry("/de/aktuelles/meldung/", everyone()),
    Entry("/de/aktuelles/feed/rss/", everyone()),
    Entry("/de/aktuelles/feed/atom/", everyone()),
    Entry("/ar/aktuelles/feed/atom/", everyone()),
    Entry("/en/aktuelles/meldung/", everyone()),
    Entry("/de/barrierefreiheit/", everyone()),
    # The statement's feedback form is public; the reports are the Redaktion's alone (in the CMS).
    Entry("/ar/barrierefreiheit/meldung/", everyone()),
    Entry("/de/barrierefreiheit/meldung/danke/", everyone()),
    Entry("/cms/barrierenmeldungen/", only([roles.REDAKTION, SUPERUSER])),
    Entry("{barrierenmeldung}", only([roles.REDAKTION, SUPERUSER])),
    Entry("/de/nur-angemeldet/", signed_in()),
    Entry("/de/nur-beirat/", only(BEIRAT)),
    Entry("/de/entwurf/", everyone(404)),
    Entry("/de/gibt-es-nicht/", everyone(404)),
    Entry("/de/angebote/", everyone()),
    Entry("/ar/angebote/?bereich=arbeit-ausbildung&status=duldung&sprache=ar&q=Arbeit", everyone()),
    Entry("/de/angebote/beratung/", everyone()),
    Entry("/ar/angebote/infoblatt/", everyone()),
    Entry("/fa/angebote/infoblatt/pdf/", everyone()),
    Entry("/cms/angebote/pruefen/", only([roles.REDAKTION, SUPERUSER])),
    # What the site search did not find, and the editors' promoted results for search terms.
    Entry("/cms/suche/ohne-ergebnis/", only([roles.REDAKTION, SUPERUSER])),
    Entry("/cms/searchpicks/", only([roles.REDAKTION, SUPERUSER])),
    # Wagtail's own report of all search terms: administrators only.
    Entry("/cms/searchpicks/reports/search-terms/", {**only([SUPERUSER]), roles.REDAKTION: 302}),
    Entry("/cms/snippets/angebote/ansprechpartner/", only([roles.REDAKTION, SUPERUSER])),
    # Translation states and coverage: the Redaktion's.
    Entry("/cms/uebersetzungen/", only([roles.REDAKTION, SUPERUSER])),
    Entry("/cms/uebersetzungen/seiten/", only([roles.REDAKTION, SUPERUSER])),
    Entry("/cms/uebersetzungen/seiten/?sprache=ar&stand=veraltet", only([roles.REDAKTION, SUPERUSER])),
    Entry("/cms/uebersetzungen/seiten/results/", only([roles.REDAKTION, SUPERUSER])),
    Entry("/cms/uebersetzungen/999999/geprueft/", only([roles.REDAKTION, SUPERUSER], ok=405)),
    Entry("/de/begegnungszentrum/", everyone()),
    Entry("/ar/begegnungszentrum/moebelspende/", everyone()),
    Entry("/de/begegnungszentrum/moebelspende/danke/", everyone()),
    Entry("/de/sozialhausmeister/anliegen/", everyone()),
    Entry("/de/wohnraum/", everyone()),
    Entry("/ar/wohnraum/angebot/", everyone()),
    Entry("/de/wohnraum/angebot/danke/", everyone()),
    Entry("/de/stellen/", everyone()),
    Entry("/ar/stellen/?bereich=bauhof", everyone()),
    Entry("/ar/stellen/bauhof/", everyone()),
    Entry("/ar/stellen/bauhof/bewerben/", everyone()),
    Entry("/de/stellen/bauhof/bewerben/danke/", everyone()),
    # Inboxes of the public forms.
    Entry(
        "/de/ehrenamt/moebelspenden/",
        only([roles.EHRENAMTSKOORDINATION, SUPERUSER]),
        ["moebelspenden"],
    ),
    Entry("{moebelspende}", only([roles.EHRENAMTSKOORDINATION, SUPERUSER]), ["moebelspende_detail"]),
    Entry(
        "{moebelspende_foto}",
        only([roles.EHRENAMTSKOORDINATION, SUPERUSER]),
        ["moebelspende_foto"],
    ),
    # The staff area's gate sends staff without a second factor to set it up; the view checks the role.
    Entry("/de/intern/anwohner/", only(CASEWORK), ["anwohner_anliegen"]),
    Entry("{anliegen}", only(CASEWORK), ["anwohner_anliegen_detail"]),
    Entry("/de/veranstaltungen/?kategorie=begegnungscafe&sprache=ar", everyone()),
    Entry("/ar/veranstaltungen/archiv/", everyone()),
    Entry("/ar/veranstaltungen/kalender/", everyone()),
    Entry("/de/veranstaltungen/kalender/2027/3/?kategorie=beirat", everyone()),
    Entry("/de/veranstaltungen/ical/", everyone()),
    Entry("/ar/veranstaltungen/ical/begegnungscafe/", everyone()),
    # A category without dates answers a calendar all the same (docs/architecture.md, Feeds).
    Entry("/fa/veranstaltungen/ical/vortrag/", everyone()),
    Entry("/de/veranstaltungen/cafe/", everyone()),
    Entry("/de/veranstaltungen/cafe/ical/", everyone()),
    Entry("{cafe_termin_ics}", everyone()),
    Entry("/de/veranstaltungen/cafe/ical/2000-01-01/", everyone(404)),
    Entry("/de/veranstaltungen/cafe/ical/kein-datum/", everyone(404)),
    Entry("/ar/veranstaltungen/cafe/anmelden/", everyone()),
    Entry("/de/veranstaltungen/cafe/anmelden/bestaetigen/falsch/", everyone(404)),
    Entry("/de/veranstaltungen/cafe/anmelden/abmelden/falsch/", everyone(404)),
    Entry("{anmeldungen}", only([roles.REDAKTION, SUPERUSER])),
    Entry("{anmeldungen}csv/", only([roles.REDAKTION, SUPERUSER])),
    Entry("/de/veranstaltungen/intern/ical/", signed_in()),
    # Volunteering: the public page, the volunteer's side and the coordination's.
    Entry("/de/mitmachen/", everyone()),
    Entry("/de/ehrenamt/mein-profil/", signed_in(), ["ehrenamt:profil"]),
    Entry("/de/ehrenamt/schichten/", only(VOLUNTEERS), ["ehrenamt:schichten"]),
    Entry("{schicht}", only(VOLUNTEERS), ["ehrenamt:schicht"]),
    Entry("{schicht}anmelden/", only(VOLUNTEERS, ok=405), ["ehrenamt:anmelden"]),
    # The confirmation page of someone else's sign-up: not found for every volunteer.
    Entry("{einsatz}absagen/", only(VOLUNTEERS, ok=404), ["ehrenamt:abmelden"]),
    Entry("/de/ehrenamt/meine-einsaetze/", only(VOLUNTEERS), ["ehrenamt:meine_einsaetze"]),
    Entry(
        "/de/ehrenamt/meine-einsaetze/kalender-erneuern/",
        only(VOLUNTEERS, ok=405),
        ["ehrenamt:feed_erneuern"],
    ),
    # Nobody in the matrix has confirmed hours, so there is no certificate to give.
    Entry(
        "/de/ehrenamt/meine-einsaetze/nachweis/2026/",
        only(VOLUNTEERS, ok=404),
        ["ehrenamt:nachweis"],
    ),
    # The personal feed: its secret token is the key, with or without a session.
    Entry("{feed}", everyone(), ["ehrenamt:feed"]),
    Entry("/de/ehrenamt/kalender/falsch/", everyone(404)),
    Entry("/de/ehrenamt/koordination/", only(COORDINATION), ["ehrenamt:uebersicht"]),
    Entry(
        "/de/ehrenamt/koordination/schichten/neu/",
        only(COORDINATION),
        ["ehrenamt:schicht_neu"],
    ),
    Entry("{schicht_koordination}", only(COORDINATION), ["ehrenamt:schicht_koordination"]),
    Entry(
        "{schicht_koordination}bearbeiten/",
        only(COORDINATION),
        ["ehrenamt:schicht_bearbeiten"],
    ),
    Entry(
        "{schicht_koordination}absagen/",
        only(COORDINATION),
        ["ehrenamt:schicht_absagen"],
    ),
    Entry(
        "{schicht_koordination}nachricht/",
        only(COORDINATION),
        ["ehrenamt:schicht_nachricht"],
    ),
    Entry(
        "{schicht_koordination}anwesenheit/",
        only(COORDINATION, ok=405),
        ["ehrenamt:anwesenheit"],
    ),
    Entry(
        "{schicht_koordination}eintragen/",
        only(COORDINATION, ok=405),
        ["ehrenamt:eintragen"],
    ),
    Entry(
        "{einsatz_koordination}austragen/",
        only(COORDINATION),
        ["ehrenamt:austragen"],
    ),
    Entry(
        "/de/ehrenamt/koordination/woche-kopieren/",
        only(COORDINATION),
        ["ehrenamt:woche_kopieren"],
    ),
    Entry("/de/ehrenamt/koordination/export/", only(COORDINATION), ["ehrenamt:export"]),
    Entry(
        "/de/ehrenamt/koordination/export/?von=2026-01-01&bis=2026-12-31",
        {**only(COORDINATION)},
    ),
    Entry(
        "/de/ehrenamt/koordination/freiwillige/",
        only(COORDINATION),
        ["ehrenamt:freiwillige"],
    ),
    Entry("{profil}", only(COORDINATION), ["ehrenamt:freiwillige_detail"]),
    Entry(
        "{profil}entscheiden/",
        only(COORDINATION, ok=405),
        ["ehrenamt:entscheiden"],
    ),
    Entry(
        "{profil}qualifikation/",
        only(COORDINATION, ok=405),
        ["ehrenamt:qualifikation"],
    ),
    Entry(
        "{nachweis_loeschen}",
        only(COORDINATION, ok=405),
        ["ehrenamt:qualifikation_loeschen"],
    ),
    Entry(
        "{profil}nachweis/2026/",
        only(COORDINATION, ok=404),
        ["ehrenamt:freiwillige_nachweis"],
    ),
    # Patenschaften: volunteers apply, the coordination matches, the Integrationsmanagement registers.
    # Accounts in the matrix have no volunteer profile yet: the application sends them to fill it in.
    Entry("/de/ehrenamt/patenschaft/", only(VOLUNTEERS, ok=302), ["patenschaften:patenbewerbung"]),
    Entry("/de/ehrenamt/meine-patenschaften/", only(VOLUNTEERS), ["patenschaften:meine_patenschaften"]),
    Entry("/de/ehrenamt/koordination/paten/", only(COORDINATION), ["patenschaften:patenbewerbungen"]),
    Entry(
        "{patenbewerbung}entscheiden/",
        only(COORDINATION, ok=405),
        ["patenschaften:patenbewerbung_entscheiden"],
    ),
    Entry(
        "/de/ehrenamt/koordination/paten-suchende/",
        only(COORDINATION),
        ["patenschaften:suchende"],
    ),
    Entry(
        "/de/ehrenamt/koordination/paten-suchende/neu/",
        only(COORDINATION),
        ["patenschaften:suche_neu"],
    ),
    Entry("{suche}", only(COORDINATION), ["patenschaften:suche"]),
    Entry(
        "{suche}bearbeiten/",
        only(COORDINATION),
        ["patenschaften:suche_bearbeiten"],
    ),
    Entry(
        "/de/ehrenamt/koordination/patenschaften/",
        only(COORDINATION),
        ["patenschaften:patenschaften"],
    ),
    Entry("{patenschaft}", only(COORDINATION), ["patenschaften:patenschaft"]),
    Entry(
        "{patenschaft}rueckmeldung/",
        only(COORDINATION, ok=405),
        ["patenschaften:rueckmeldung"],
    ),
    Entry(
        "{patenschaft}beenden/",
        only(COORDINATION),
        ["patenschaften:patenschaft_beenden"],
    ),
    Entry(
        "/de/intern/paten-suchende/",
        only(CASEWORK),
        ["patenschaften_intern:suchende"],
    ),
    Entry(
        "/de/intern/paten-suchende/neu/",
        only(CASEWORK),
        ["patenschaften_intern:suche_neu"],
    ),
    # Registered by nobody in the matrix: only the Teamleitung opens it; a case worker gets 404.
    Entry(
        "{suche_intern}",
        {**only(CASEWORK), roles.INTEGRATIONSMANAGEMENT: 404},
        ["patenschaften_intern:suche_bearbeiten"],
    ),
    # The Verein: public page and application, members' area, the Vorstand's register.
    Entry("/de/verein/", everyone()),
    Entry("/ar/verein/antrag/", everyone()),
    Entry("/de/verein/antrag/danke/", everyone()),
    Entry("/de/verein/mitglieder/", only(MEMBERS), ["verein:bereich"]),
    # Accounts in the matrix have no membership record: they are sent back to the members' area.
    Entry("/de/verein/mitglieder/meine-daten/", only(MEMBERS, ok=302), ["verein:meine_daten"]),
    Entry("/de/verein/mitglieder/austreten/", only(MEMBERS, ok=302), ["verein:austreten"]),
    Entry("/de/verein/mitglieder/vorstand/", only(BOARD), ["verein:register"]),
    Entry(
        "/de/verein/mitglieder/vorstand/offene-beitraege/",
        only(BOARD),
        ["verein:offene_beitraege"],
    ),
    Entry("/de/verein/mitglieder/vorstand/export/", only(BOARD), ["verein:export"]),
    Entry(
        "/de/verein/mitglieder/vorstand/sprechrunden/",
        only(BOARD),
        ["verein:sprechrunden"],
    ),
    Entry("{mitglied}", only(BOARD), ["verein:mitglied"]),
    Entry("{mitglied}entscheiden/", only(BOARD, ok=405), ["verein:entscheiden"]),
    Entry("{antrag}ablehnen/", only(BOARD), ["verein:ablehnen"]),
    # A decided membership is not declined again: back to the member.
    Entry("{mitglied}ablehnen/", only(BOARD, ok=302)),
    Entry("{mitglied}beitrag/", only(BOARD, ok=405), ["verein:beitrag"]),
    # Verein documents: members and the Vorstand only (anonymous visitors are sent to the login).
    Entry("{verein_document}", only(MEMBERS)),
    # The Beirat: public page, recommendation and monitor; the members' private area.
    Entry("/de/beirat/", everyone()),
    Entry("/ar/beirat/", everyone()),
    Entry("/de/beirat/empfehlung/", everyone()),
    Entry("/ar/beirat/massnahmen/", everyone()),
    Entry("/de/beirat/intern/", only(BEIRAT), ["beirat:uebersicht"]),
    Entry("/fa/beirat/intern/", only(BEIRAT)),
    Entry("/de/beirat/intern/sitzungen/neu/", only(BEIRAT_PREPARE), ["beirat:sitzung_neu"]),
    Entry("{sitzung}", only(BEIRAT), ["beirat:sitzung"]),
    Entry("{sitzung_uk}", only(BEIRAT)),
    Entry("/de/beirat/intern/sitzungen/999999/", only(BEIRAT, ok=404)),
    Entry("{sitzung}bearbeiten/", only(BEIRAT_PREPARE), ["beirat:sitzung_bearbeiten"]),
    Entry("{sitzung}ical/", only(BEIRAT), ["beirat:sitzung_ical"]),
    Entry(
        "{sitzung}einladen/",
        only(BEIRAT_PREPARE, ok=405),
        ["beirat:sitzung_einladen"],
    ),
    Entry("{sitzung}antwort/", only(BEIRAT, ok=405), ["beirat:sitzung_antworten"]),
    Entry("{sitzung}protokoll/", only(BEIRAT_PREPARE), ["beirat:protokoll"]),
    Entry(
        "{sitzung}protokoll/freigabe/",
        only(BEIRAT_CHAIR, ok=405),
        ["beirat:protokoll_freigabe"],
    ),
    # The fixture's minutes are a draft: members find no PDF yet (only approved minutes are printed).
    Entry("{sitzung}protokoll/pdf/", only(BEIRAT, ok=404), ["beirat:protokoll_pdf"]),
    Entry("{sitzung}beschluss/", only(BEIRAT_PREPARE), ["beirat:beschluss_neu"]),
    Entry("/de/beirat/intern/beschluesse/", only(BEIRAT), ["beirat:beschluesse"]),
    Entry("{beschluss}", only(BEIRAT), ["beirat:beschluss"]),
    Entry("/de/beirat/intern/beschluesse/999999/", only(BEIRAT, ok=404)),
    Entry(
        "{beschluss}veroeffentlichen/",
        only(BEIRAT_CHAIR, ok=405),
        ["beirat:beschluss_veroeffentlichen"],
    ),
    Entry("/de/beirat/intern/dokumente/", only(BEIRAT), ["beirat:dokumente"]),
    Entry("/de/beirat/intern/massnahmen/", only(BEIRAT), ["beirat:monitor"]),
    Entry("{massnahme}", only(BEIRAT), ["beirat:massnahme"]),
    Entry("/de/beirat/intern/meine-angaben/", only(BEIRAT), ["beirat:meine_angaben"]),
    Entry("/de/suche/?q=Beiratsvorlage", everyone()),
    Entry("/de/suche/?q=Integration", everyone(), ["search"]),
    # Open data: anyone reads it; only what the public pages show is in it (tests/opendaten/).
    Entry("/de/offene-daten/", everyone(), ["opendaten:index"]),
    Entry("/de/offene-daten/katalog.jsonld", everyone(), ["opendaten:katalog"]),
    Entry("/de/offene-daten/massnahmen.json", everyone(), ["opendaten:datensatz_json"]),
    Entry("/ar/offene-daten/termine.json", everyone()),
    Entry("/de/offene-daten/angebote.json", everyone()),
    Entry("/de/offene-daten/angebote.csv", everyone(), ["opendaten:datensatz_csv"]),
    Entry("/de/offene-daten/massnahmen.csv", everyone()),
    Entry("/de/offene-daten/schemas/termine.schema.json", everyone(), ["opendaten:schema"]),
    # Search only finds public pages: nobody finds the restricted ones, members included.
    Entry("/de/suche/?q=Nur", everyone()),
    # Accounts.
    Entry("/de/konto/profil/", signed_in(), ["profile"]),
    Entry("/de/konto/daten/", signed_in(), ["account_data_download"]),
    Entry("/de/konto/loeschen/", signed_in(), ["account_delete"]),
    Entry("/de/konto/login/", signed_in(302, anonymous=200), ["account_login"]),
    Entry("/de/konto/signup/", signed_in(302, anonymous=200), ["account_signup"]),
    Entry("/de/konto/logout/", signed_in(200), ["account_logout"]),
    Entry("/de/konto/inactive/", everyone(), ["account_inactive"]),
    Entry("/de/konto/reauthenticate/", signed_in(), ["account_reauthenticate"]),
    Entry("/de/konto/email/", signed_in(), ["account_email"]),
    Entry("/de/konto/confirm-email/", everyone(), ["account_email_verification_sent"]),
    Entry("/de/konto/confirm-email/ungueltig/", everyone(), ["account_confirm_email"]),
    Entry("/de/konto/password/change/", signed_in(), ["account_change_password"]),
    Entry("/de/konto/password/set/", signed_in(302), ["account_set_password"]),
    Entry("/de/konto/password/reset/", everyone(), ["account_reset_password"]),
    Entry("/de/konto/password/reset/done/", everyone(), ["account_reset_password_done"]),
    Entry("/de/konto/password/reset/key/1-ungueltig/", everyone(), ["account_reset_password_from_key"]),
    Entry("/de/konto/password/reset/key/done/", everyone(), ["account_reset_password_from_key_done"]),
    # Login by code is off: the view sends everyone back to the login.
    Entry("/de/konto/login/code/confirm/", everyone(302), ["account_confirm_login_code"]),
    # Two-factor authentication.
    Entry("/de/konto/2fa/", signed_in(), ["mfa_index"]),
    Entry("/de/konto/2fa/authenticate/", everyone(302), ["mfa_authenticate"]),
    Entry("/de/konto/2fa/reauthenticate/", by_mfa(200, 302), ["mfa_reauthenticate"]),
    # Changing 2FA asks for the password again first (tests/portal/test_mfa.py goes on from there).
    Entry("/de/konto/2fa/totp/activate/", signed_in(302), ["mfa_activate_totp"]),
    # Staff without a second factor start its set-up with a mailed link (tests/portal/test_mfa_enrolment.py);
    # the matrix's staff have one already and go to the overview, everyone else straight to allauth's set-up.
    Entry("/de/konto/2fa/einrichten/", signed_in(302), ["mfa_enrolment"]),
    Entry("/de/konto/2fa/einrichten/ungueltig/", signed_in(302), ["mfa_enrolment_confirm"]),
    Entry("/de/konto/2fa/totp/deactivate/", by_mfa(302, 404), ["mfa_deactivate_totp"]),
    Entry("/de/konto/2fa/recovery-codes/", by_mfa(302, 404), ["mfa_view_recovery_codes"]),
    Entry("/de/konto/2fa/recovery-codes/generate/", signed_in(302), ["mfa_generate_recovery_codes"]),
    Entry("/de/konto/2fa/recovery-codes/download/", by_mfa(302, 404), ["mfa_download_recovery_codes"]),
]
# Images from /media/ are only routed in DEBUG (production serves them from the web server).
NOT_ROUTED_IN_TESTS = [r"^\^media/"]


def all_url_patterns(resolver=None, prefix="", namespace=""):
    """(route, URL name) of every URL pattern."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from all_url_patterns(
                pattern, route, namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            )
        else:
            yield route, f"{namespace}{pattern.name}" if pattern.name else None


def test_every_url_pattern_has_an_entry():
    names = {name for entry in ENTRIES for name in entry.covers}
    areas = [area for entry in ENTRIES for area in entry.areas] + NOT_ROUTED_IN_TESTS
    missing = [
        name or route
        for route, name in all_url_patterns()
        if name not in names and not any(re.search(area, route) for area in areas)
    ]
    assert missing == [], f"URL patterns without an access-matrix entry: {missing}"


def test_every_covered_url_name_exists():
    names = {name for _route, name in all_url_patterns()}
    unknown = [name for entry in ENTRIES for name in entry.covers if name not in names]
    assert unknown == [], f"Access-matrix entries for URL names that do not exist: {unknown}"


def test_every_entry_lists_every_role():
    for entry in ENTRIES:
        assert set(entry.expected) == set(ALL_ROLES), entry.url


@pytest.fixture
def restricted_content(site_pages):
    home = site_pages.home
    login_page = StandardPageFactory(
        parent=home, slug="nur-angemeldet", title="Nur angemeldet", intro=SECRET_FOR_MEMBERS.decode()
    )
    PageViewRestriction.objects.create(page=login_page, restriction_type=PageViewRestriction.LOGIN)
    beirat_page = StandardPageFactory(
        parent=home,
        slug="nur-beirat",
        title=f"Nur Beirat {SECRET_FOR_BEIRAT.decode()}",
        intro=SECRET_FOR_BEIRAT.decode(),
    )
    restriction = PageViewRestriction.objects.create(page=beirat_page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(*Group.objects.filter(name__in=roles.BEIRAT_ROLES))
    finder = AngeboteIndexPageFactory(parent=home)
    offer = AngebotPageFactory(parent=finder, slug="beratung", bereiche=["arbeit-ausbildung"], sprachen_codes=["ar"])
    blatt = InfoblattPage(title="Infoblatt", slug="infoblatt", variante="anmeldung")
    blatt.eintraege = [InfoblattEintrag(angebot=offer)]
    finder.add_child(instance=blatt)
    zentrum = BegegnungszentrumPage(title="Begegnungszentrum", slug="begegnungszentrum")
    home.add_child(instance=zentrum)
    hausmeister = SozialhausmeisterPage(title="Sozialhausmeister", slug="sozialhausmeister")
    home.add_child(instance=hausmeister)
    home.add_child(instance=WohnraumPage(title="Wohnraum", slug="wohnraum", intro="<p>Vermieten</p>"))
    spende = Moebelspende.objects.create(
        name=SECRET_FOR_MEMBERS.decode(),
        email="a@example.org",
        gegenstaende="Sofa",
        abholadresse="x",
        wunschtermine="y",
    )
    foto = spende.fotos.create(datei=ContentFile(b"\xff\xd8\xff", "foto.jpg"), content_type="image/jpeg")
    anliegen = AnwohnerAnliegen.objects.create(thema="laerm", nachricht=SECRET_FOR_MEMBERS.decode())
    barrierenmeldung = Barrierenmeldung.objects.create(barriere=SECRET_FOR_MEMBERS.decode(), email="m@example.org")
    termine = VeranstaltungenIndexPageFactory(parent=home)
    cafe = VeranstaltungPageFactory(
        parent=termine, slug="cafe", kategorie_slugs=["begegnungscafe"], anmeldung=True, kapazitaet=10
    )
    internal = VeranstaltungPageFactory(parent=termine, slug="intern", title=SECRET_FOR_MEMBERS.decode())
    PageViewRestriction.objects.create(page=internal, restriction_type=PageViewRestriction.LOGIN)
    draft = StandardPageFactory(parent=home, slug="entwurf", title="Entwurf", live=False)
    draft.unpublish()

    public_document = Document.objects.create(title="Infoblatt", file=ContentFile(b"%PDF-1.4 public", "infoblatt.pdf"))
    beirat_collection = Collection.objects.get(name="Beirat intern")
    beirat_document = Document.objects.create(
        title=f"Protokoll {SECRET_FOR_BEIRAT.decode()}",
        collection=beirat_collection,
        file=ContentFile(b"%PDF-1.4 " + SECRET_FOR_BEIRAT, "protokoll.pdf"),
    )
    MitmachenPageFactory(parent=home)
    schicht = SchichtFactory(titel=f"Schicht {SECRET_FOR_MEMBERS.decode()}", notizen=SECRET_FOR_MEMBERS.decode())
    helfer = EhrenamtsprofilFactory(telefon=SECRET_FOR_MEMBERS.decode())
    einsatz = EinsatzFactory(schicht=schicht, freiwillige=helfer.user)
    nachweis = Qualifikationsnachweis.objects.create(freiwillige=helfer.user, art="fuehrungszeugnis")
    feed_owner = EhrenamtsprofilFactory()
    VereinPageFactory(parent=home)
    mitglied = MitgliedFactory(nachname=SECRET_FOR_MEMBERS.decode())
    antrag = MitgliedFactory(nachname=SECRET_FOR_MEMBERS.decode(), status="beantragt", mitgliedsnummer=None)
    verein_document = Document.objects.create(
        title="Satzung",
        collection=Collection.objects.get(name="Verein intern"),
        file=ContentFile(b"%PDF-1.4 " + SECRET_FOR_MEMBERS, "satzung.pdf"),
    )
    bewerbung = Patenbewerbung.objects.create(user=helfer.user, stadtteil="innenstadt", themen=["sprache"])
    suche = Patensuche.objects.create(
        bezeichnung="Familie K.",
        sprachen=["ar"],
        themen=["schule"],
        stadtteil="innenstadt",
        hinweise=SECRET_FOR_MEMBERS.decode(),
    )
    patenschaft = Patenschaft.objects.create(suche=suche, pate=helfer.user, beginn=datetime.date(2026, 11, 1))
    beirat = beirat_content(home)
    return {
        **beirat,
        **case_content(),
        **personal_content(home),
        "mitglied": f"/de/verein/mitglieder/vorstand/{mitglied.pk}/",
        "antrag": f"/de/verein/mitglieder/vorstand/{antrag.pk}/",
        "verein_document": verein_document.url,
        "patenbewerbung": f"/de/ehrenamt/koordination/paten/{bewerbung.pk}/",
        "suche": f"/de/ehrenamt/koordination/paten-suchende/{suche.pk}/",
        "suche_intern": f"/de/intern/paten-suchende/{suche.pk}/",
        "patenschaft": f"/de/ehrenamt/koordination/patenschaften/{patenschaft.pk}/",
        "schicht": f"/de/ehrenamt/schichten/{schicht.pk}/",
        "einsatz": f"/de/ehrenamt/einsaetze/{einsatz.pk}/",
        "feed": f"/de/ehrenamt/kalender/{feed_owner.feed_token}/",
        "schicht_koordination": f"/de/ehrenamt/koordination/schichten/{schicht.pk}/",
        "einsatz_koordination": f"/de/ehrenamt/koordination/einsaetze/{einsatz.pk}/",
        "profil": f"/de/ehrenamt/koordination/freiwillige/{helfer.pk}/",
        "nachweis_loeschen": f"/de/ehrenamt/koordination/freiwillige/{helfer.pk}/qualifikation/{nachweis.pk}/loeschen/",
        "public_document": public_document.url,
        "beirat_document": beirat_document.url,
        "beirat_document_edit": f"/cms/documents/edit/{beirat_document.pk}/",
        "moebelspende": f"/de/ehrenamt/moebelspenden/{spende.pk}/",
        "moebelspende_foto": f"/de/ehrenamt/moebelspenden/{spende.pk}/foto/{foto.pk}/",
        "anliegen": f"/de/intern/anwohner/{anliegen.pk}/",
        "barrierenmeldung": f"/cms/barrierenmeldungen/edit/{barrierenmeldung.pk}/",
        "anmeldungen": f"/cms/veranstaltungen/{cafe.pk}/anmeldungen/",
        "cafe_termin_ics": f"/ar/veranstaltungen/cafe/ical/{timezone.localtime(cafe.beginn).date().isoformat()}/",
    }


def beirat_content(home):
    """Public Beirat pages, and private meetings, minutes, decisions and notes that carry the marker."""
    secret = SECRET_FOR_BEIRAT.decode()
    seite = BeiratPage(title="Beirat", slug="beirat", intro="<p>Der Beirat</p>")
    home.add_child(instance=seite)
    seite.add_child(instance=MonitorPage(title="Maßnahmen", slug="massnahmen"))
    sitzung = Sitzung.objects.create(
        titel=f"Sitzung {secret}",
        beginn=timezone.now() + datetime.timedelta(days=7),
        ende=timezone.now() + datetime.timedelta(days=7, hours=2),
        ort=secret,
    )
    sitzung.tagesordnung.create(nummer=1, titel=secret)
    protokoll_speichern(sitzung, f"Entwurf {secret}", None)
    beschluss = Beschluss.objects.create(sitzung=sitzung, titel=f"Empfehlung {secret}", text=secret)
    beschluss.verlauf.create(status="uebergeben", notiz=secret)
    seite.add_child(
        instance=EmpfehlungPage(
            title="Empfehlung",
            slug="empfehlung",
            datum=datetime.date(2026, 5, 1),
            zusammenfassung="Öffentlich",
            beschluss=beschluss,
        )
    )
    massnahme = Planmassnahme.objects.create(locale=home.locale, handlungsfeld=5, nummer=1, titel="Beirat einsetzen")
    massnahme.notizen.create(notiz=secret)
    return {
        "sitzung": f"/de/beirat/intern/sitzungen/{sitzung.pk}/",
        "sitzung_uk": f"/uk/beirat/intern/sitzungen/{sitzung.pk}/",
        "beschluss": f"/de/beirat/intern/beschluesse/{beschluss.pk}/",
        "massnahme": f"/de/beirat/intern/massnahmen/{massnahme.pk}/",
    }


def personal_content(home):
    """A job posting, an application with the HR marker, and a course with someone else's enrolment."""
    index = StellenIndexPage(title="Stellen", slug="stellen", intro="<p>Arbeiten</p>", anerkennung="<p>Hilfe</p>")
    home.add_child(instance=index)
    stelle = StellenangebotPage(
        title="Bauhof",
        slug="bauhof",
        bereich="bauhof",
        intro="Draußen arbeiten",
        aufgaben="<p>Mähen</p>",
        anforderungen="<p>Lust</p>",
        umfang="Vollzeit",
        bewerbungsschluss=timezone.localdate() + datetime.timedelta(days=30),
    )
    index.add_child(instance=stelle)
    bewerbung = Bewerbung.objects.create(
        stelle=stelle,
        stelle_titel="Bauhof",
        bereich="bauhof",
        sprache="ar",
        vorname="Samir",
        nachname="Haddad",
        email="s@example.org",
        sprachen="Arabisch",
        qualifikationen=SECRET_FOR_HR.decode(),
        lebenslauf=ContentFile(b"%PDF-1.4 " + SECRET_FOR_HR + b" %%EOF", "cv.pdf"),
        einwilligung_am=timezone.now(),
        gespraech_beginn=timezone.now() + datetime.timedelta(days=3),
        gespraech_ende=timezone.now() + datetime.timedelta(days=3, hours=1),
        gespraech_ort="Rathaus",
    )
    kurs = KursFactory(titel="Interkulturelle Kommunikation")
    termin = KursterminFactory(kurs=kurs)
    andere = make_user(roles.VERWALTUNG)
    anmeldung = Kursanmeldung.objects.create(termin=termin, user=andere, status="angemeldet", teilgenommen=True)
    mitarbeiter = MitarbeiterFactory(user=andere)
    return {
        "kurs": f"/de/intern/fortbildung/kurse/{kurs.pk}/",
        "termin": f"/de/intern/fortbildung/termine/{termin.pk}/",
        "fremde_anmeldung": f"/de/intern/fortbildung/meine/{anmeldung.pk}/",
        "kurs_verwaltung": f"/de/intern/fortbildung/verwaltung/kurse/{kurs.pk}/",
        "termin_verwaltung": f"/de/intern/fortbildung/verwaltung/termine/{termin.pk}/",
        "mitarbeiter": f"/de/intern/fortbildung/verwaltung/mitarbeitende/{mitarbeiter.pk}/",
        "abteilung": f"/de/intern/fortbildung/verwaltung/abteilungen/{mitarbeiter.abteilung_id}/",
        "position": f"/de/intern/fortbildung/verwaltung/positionen/{mitarbeiter.position_id}/",
        "bewerbung": f"/de/intern/bewerbungen/{bewerbung.pk}/",
    }


def case_content():
    """An unassigned case whose encrypted notes carry the marker."""
    secret = SECRET_FOR_CASES.decode()
    fall = Fall.objects.create(pseudonym="Haushalt Linde", zugewiesen_am=datetime.date(2026, 3, 1), adresse=secret)
    person = fall.personen.create(vorname="Amal", nachname=secret)
    Uebergabe.objects.create(fall=fall, gesundheitshinweise=secret)
    einwilligung = fall.einwilligungen.create(erteilt_am=datetime.date(2026, 3, 2), empfaenger=["lbf"])
    massnahme = fall.massnahmen.create(lebensbereich="sprache", beschreibung=secret, stelle="lbf")
    vereinbarung = fall.vereinbarungen.create(
        ziele=secret, unterzeichnet_am=datetime.date(2026, 3, 5), ueberpruefung_am=datetime.date(2026, 9, 5)
    )
    tisch = RunderTisch.objects.create(
        datum=timezone.now(), ort="Rathaus", teilnehmende="Jobcenter, LBF", notizen="Allgemeines"
    )
    tisch.tagesordnung.create(fall=fall)
    wohnung = Wohnungsangebot.objects.create(
        adresse=f"Filsweg {SECRET_FOR_MEMBERS.decode()}",
        stadtteil="filstal",
        flaeche=70,
        zimmer=3,
        kaltmiete=600,
        warmmiete=750,
        frei_ab=datetime.date(2026, 12, 1),
        name="Vermieterin",
        email="v@example.org",
        einwilligung_am=timezone.now(),
    )
    foto = wohnung.fotos.create(datei=ContentFile(b"\xff\xd8\xff", "w.jpg"), content_type="image/jpeg")
    suche = Wohnungssuche.objects.create(fall=fall, personen=3, mietobergrenze=800)
    vermittlung = Vermittlung.objects.create(angebot=wohnung, suche=suche, nachbetreuung_notiz=secret)
    return {
        "wohnungsangebot": f"/de/intern/wohnraum/angebote/{wohnung.pk}/",
        "wohnungsangebot_foto": f"/de/intern/wohnraum/angebote/{wohnung.pk}/foto/{foto.pk}/",
        "suche_pk": suche.pk,
        "suche_fall": f"/de/intern/wohnraum/suchende/{fall.pk}/",
        "vermittlung": f"/de/intern/wohnraum/vermittlungen/{vermittlung.pk}/",
        "tisch": f"/de/intern/faelle/runder-tisch/{tisch.pk}/",
        "vereinbarung": f"/de/intern/faelle/{fall.pk}/vereinbarung/{vereinbarung.pk}/",
        "auskunft_suche": f"/de/intern/datenschutz/auskunft/?fall={fall.nummer}",
        "auskunft_json": f"/de/intern/datenschutz/personen/{person.pk}/auskunft.json",
        "auskunft_pdf": f"/de/intern/datenschutz/personen/{person.pk}/auskunft.pdf",
        "person_loeschen": f"/de/intern/datenschutz/personen/{person.pk}/loeschen/",
        "fall_loeschen": f"/de/intern/datenschutz/faelle/{fall.pk}/loeschen/",
        "fall": f"/de/intern/faelle/{fall.pk}/",
        "fall_ohne_sprache": f"/intern/faelle/{fall.pk}/",
        "person": f"/de/intern/faelle/{fall.pk}/personen/{person.pk}/",
        "einwilligung": f"/de/intern/faelle/{fall.pk}/einwilligung/{einwilligung.pk}/",
        "massnahme_fall": f"/de/intern/faelle/{fall.pk}/massnahmen/{massnahme.pk}/",
    }


def check(entry, role, client, restricted_content):
    """What is wrong with this role's answer for this entry, or None."""
    url = entry.url.format(**restricted_content)
    response = client.get(url)
    if response.status_code != entry.expected[role]:
        return f"{url} as {role}: got {response.status_code}, expected {entry.expected[role]}"
    if response.status_code == 200:
        body = b"".join(response) if response.streaming else response.content
        if role == ANONYMOUS and SECRET_FOR_MEMBERS in body:
            return f"{url} shows member content to anonymous"
        if role not in BEIRAT and SECRET_FOR_BEIRAT in body:
            return f"{url} shows Beirat content to {role}"
        reads_cases = role in (roles.TEAMLEITUNG, SUPERUSER) or (role == roles.DATENSCHUTZ and "/datenschutz/" in url)
        if not reads_cases and SECRET_FOR_CASES in body:
            return f"{url} shows case data to {role}"
        if role not in HR and SECRET_FOR_HR in body:
            return f"{url} shows an application to {role}"
    return None


@pytest.mark.parametrize("role", ALL_ROLES)
def test_access_matrix(role, restricted_content):
    """Every entry for one role: the restricted content is built once per role, not once per URL."""
    client = Client()
    user = make_user(role)
    if user is not None:
        login(client, user)  # MFA done where the role needs it
    problems = [check(entry, role, client, restricted_content) for entry in ENTRIES]
    problems = [p for p in problems if p]
    assert problems == [], "\n".join(problems)


def test_anonymous_is_sent_to_login_with_next(client, restricted_content):
    response = client.get("/de/nur-angemeldet/")
    assert response.status_code == 302
    assert response.url.startswith("/de/konto/login/?next=")


def test_accounts_without_mfa_role_are_not_forced(client_as, site_pages):
    client = client_as(ACCOUNT)
    assert client.get("/de/konto/profil/").status_code == 200


def test_editors_manage_site_notices(client_as, site_pages):
    client = client_as(roles.REDAKTION)
    assert client.get("/cms/snippets/home/hinweis/").status_code == 200
    assert client.get("/cms/snippets/home/hinweis/add/").status_code == 200
