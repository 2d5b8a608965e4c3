"""The Beirat: meetings, invitations and answers, minutes through the workflow, documents,
recommendations made public, the members' consent, and what none of it shows to others."""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.utils import timezone
from icalendar import Calendar
from wagtail.documents.models import Document
from wagtail.models import Collection, Locale, PageViewRestriction

from beirat.models import (
    Beiratsmitglied,
    EmpfehlungPage,
    Protokoll,
    Rueckmeldung,
    Sitzung,
    Unterlage,
)
from beirat.services import einladen, mitglieder, protokoll_speichern, veroeffentlichen
from portal import roles
from portal.demo import translate_page
from portal.models import Mail
from tests.conftest import login
from tests.factories import (
    BeiratPageFactory,
    BeiratsmitgliedFactory,
    BeschlussFactory,
    PageViewRestrictionFactory,
    PlanmassnahmeVerweisFactory,
    RueckmeldungFactory,
    SitzungFactory,
    UnterlageFactory,
    UserFactory,
    activate_totp,
    volunteer,
)

pytestmark = pytest.mark.django_db


def signed_in(user):
    return login(Client(), user)


@pytest.fixture
def beirat_page(site_pages):
    return BeiratPageFactory(parent=site_pages.home)


@pytest.fixture
def people(beirat_page):
    return {
        "vorsitz": UserFactory(first_name="Helga", roles=[roles.BEIRAT_VORSITZ]),
        "schrift": UserFactory(first_name="Karin", roles=[roles.BEIRAT_SCHRIFTFUEHRUNG]),
        "mitglied": UserFactory(first_name="Nadia", roles=[roles.BEIRAT], preferred_language="ar"),
        "volunteer": volunteer(),
    }


def test_member_is_invited_with_ics_answers_and_reads_the_approved_minutes(people):
    vorsitz, schrift, mitglied = (signed_in(people[k]) for k in ("vorsitz", "schrift", "mitglied"))
    day = timezone.localdate() + datetime.timedelta(days=20)

    response = vorsitz.post(
        "/de/beirat/intern/sitzungen/neu/",
        {
            "titel": "Sitzung im Herbst",
            "ort": "Rathaus, Sitzungssaal",
            "datum": day.isoformat(),
            "von": "18:00",
            "bis": "20:00",
            "tagesordnung": "Begrüßung\nBericht des Integrationsmanagements\n\nVerschiedenes",
        },
    )
    sitzung = Sitzung.objects.get(titel="Sitzung im Herbst")
    assert response.url == f"/de/beirat/intern/sitzungen/{sitzung.pk}/"
    assert [t.titel for t in sitzung.tagesordnung.all()] == [
        "Begrüßung",
        "Bericht des Integrationsmanagements",
        "Verschiedenes",
    ]
    assert timezone.localtime(sitzung.beginn).hour == 18

    vorsitz.post(f"/de/beirat/intern/sitzungen/{sitzung.pk}/einladen/")
    assert sorted(m.to[0] for m in mail.outbox) == sorted(people[k].email for k in ("vorsitz", "schrift", "mitglied"))
    assert people["volunteer"].email not in [m.to[0] for m in mail.outbox]
    einladung = next(m for m in mail.outbox if m.to == [people["mitglied"].email])
    assert "Sitzung im Herbst" in einladung.subject
    assert f"/ar/beirat/intern/sitzungen/{sitzung.pk}/" in einladung.body  # in the member's language
    name, content, mimetype = einladung.attachments[0]
    assert name.endswith(".ics") and mimetype.startswith("text/calendar")
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Sitzung im Herbst"
    assert event.decoded("DTSTART").hour == 18
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert "Bericht des Integrationsmanagements" in str(event["DESCRIPTION"])

    mitglied.post(f"/de/beirat/intern/sitzungen/{sitzung.pk}/antwort/", {"antwort": "ja"})
    schrift.post(f"/de/beirat/intern/sitzungen/{sitzung.pk}/antwort/", {"antwort": "nein"})
    mitglied.post(f"/de/beirat/intern/sitzungen/{sitzung.pk}/antwort/", {"antwort": "nein"})  # changed their mind
    assert Rueckmeldung.objects.get(sitzung=sitzung, user=people["mitglied"]).antwort == "nein"
    page = vorsitz.get(f"/de/beirat/intern/sitzungen/{sitzung.pk}/")
    assert [(e["user"].first_name, e["antwort"] and e["antwort"].antwort) for e in page.context["teilnehmende"]] == [
        (u.first_name, z)
        for u, z in sorted(
            [(people["vorsitz"], None), (people["schrift"], "nein"), (people["mitglied"], "nein")],
            key=lambda x: (x[0].last_name, x[0].first_name),
        )
    ]

    # The meeting took place: the Schriftführung drafts the minutes, members see them marked as a draft.
    Sitzung.objects.filter(pk=sitzung.pk).update(
        beginn=timezone.now() - datetime.timedelta(hours=3), ende=timezone.now() - datetime.timedelta(hours=1)
    )
    mail.outbox.clear()
    schrift.post(
        f"/de/beirat/intern/sitzungen/{sitzung.pk}/protokoll/", {"text": "TOP 1: Begrüßung.\n\nTOP 2: Bericht."}
    )
    draft = mitglied.get(f"/de/beirat/intern/sitzungen/{sitzung.pk}/")
    assert draft.context["protokoll"].live is False
    assert "TOP 2: Bericht." in draft.content.decode()
    assert "badge--warning" in draft.content.decode()
    assert draft.context["freigabe"] == []  # only the chair approves

    schrift.post(
        f"/de/beirat/intern/sitzungen/{sitzung.pk}/protokoll/",
        {"text": "TOP 1: Begrüßung.\n\nTOP 2: Bericht des Integrationsmanagements.", "einreichen": "1"},
    )
    assert [m.to for m in mail.outbox] == [[people["vorsitz"].email]]
    assert f"/beirat/intern/sitzungen/{sitzung.pk}/" in mail.outbox[0].body
    assert "/cms/" not in mail.outbox[0].body
    mail.outbox.clear()

    # The member cannot approve; the chair can.
    assert (
        mitglied.post(
            f"/de/beirat/intern/sitzungen/{sitzung.pk}/protokoll/freigabe/", {"aktion": "approve"}
        ).status_code
        == 403
    )
    vorsitz.post(
        f"/de/beirat/intern/sitzungen/{sitzung.pk}/protokoll/freigabe/", {"aktion": "approve", "kommentar": ""}
    )
    protokoll = Protokoll.objects.get(sitzung=sitzung)
    assert protokoll.live
    # The keeper of the minutes hears of the decision; every other member that the minutes are approved.
    decided = Mail.objects.filter(kind__in=["ProtokollEntschieden", "ProtokollFreigegeben"])
    assert sorted((m.to, m.kind) for m in decided) == sorted(
        [
            (people["schrift"].email, "ProtokollEntschieden"),
            (people["vorsitz"].email, "ProtokollFreigegeben"),
            (people["mitglied"].email, "ProtokollFreigegeben"),
        ]
    )
    assert all("/cms/" not in m.body for m in mail.outbox)

    approved = mitglied.get(f"/de/beirat/intern/sitzungen/{sitzung.pk}/")
    html = approved.content.decode()
    assert "TOP 2: Bericht des Integrationsmanagements." in html
    assert "badge--warning" not in html


def test_the_chair_requests_changes_and_the_revised_minutes_are_approved(people):
    sitzung = SitzungFactory(
        beginn=timezone.now() - datetime.timedelta(days=2), ende=timezone.now() - datetime.timedelta(days=2, hours=-2)
    )
    vorsitz, schrift = signed_in(people["vorsitz"]), signed_in(people["schrift"])
    url = f"/de/beirat/intern/sitzungen/{sitzung.pk}/"
    schrift.post(url + "protokoll/", {"text": "Erste Fassung", "einreichen": "1"})

    # While it waits for approval, the draft cannot be changed.
    schrift.post(url + "protokoll/", {"text": "Heimlich geändert"})
    assert Protokoll.objects.get(sitzung=sitzung).entwurf.text == "Erste Fassung"

    # Asking for changes needs a reason.
    vorsitz.post(url + "protokoll/freigabe/", {"aktion": "reject", "kommentar": ""})
    assert Protokoll.objects.get(sitzung=sitzung).current_workflow_state.status == "in_progress"
    mail.outbox.clear()
    vorsitz.post(url + "protokoll/freigabe/", {"aktion": "reject", "kommentar": "Bitte TOP 2 ergänzen."})
    assert Protokoll.objects.get(sitzung=sitzung).current_workflow_state.status == "needs_changes"
    assert "Bitte TOP 2 ergänzen." in mail.outbox[0].body

    schrift.post(url + "protokoll/", {"text": "Zweite Fassung mit TOP 2", "einreichen": "1"})
    vorsitz.post(url + "protokoll/freigabe/", {"aktion": "approve"})
    protokoll = Protokoll.objects.get(sitzung=sitzung)
    assert protokoll.live and protokoll.text == "Zweite Fassung mit TOP 2"

    # A later correction is a new draft: members keep reading the approved version, the draft is marked.
    schrift.post(url + "protokoll/", {"text": "Dritte Fassung"})
    html = signed_in(people["mitglied"]).get(url).content.decode()
    approved, _, revised = html.partition("<details>")
    assert "Zweite Fassung mit TOP 2" in approved and "Dritte Fassung" not in approved
    assert "Dritte Fassung" in revised.split("</details>")[0]


def test_meeting_form_keeps_input_and_explains_errors(people):
    client = signed_in(people["schrift"])
    response = client.post(
        "/de/beirat/intern/sitzungen/neu/",
        {
            "titel": "Sondersitzung",
            "ort": "Rathaus",
            "datum": "2026-12-01",
            "von": "20:00",
            "bis": "18:00",
            "tagesordnung": "  \n ",
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "bis" in form.errors and "tagesordnung" in form.errors
    assert 'value="Sondersitzung"' in response.content.decode()
    assert not Sitzung.objects.exists()
    response = client.post(
        "/de/beirat/intern/sitzungen/neu/", {"datum": "31.02.2026", "von": "x", "bis": "", "tagesordnung": "A"}
    )
    assert response.status_code == 200 and {"datum", "von", "bis", "titel", "ort"} <= set(
        response.context["form"].errors
    )


def test_members_only_answer_before_the_meeting_and_the_past_meeting_sends_no_invitation(people):
    sitzung = SitzungFactory(
        beginn=timezone.now() - datetime.timedelta(days=1), ende=timezone.now() - datetime.timedelta(hours=20)
    )
    signed_in(people["mitglied"]).post(f"/de/beirat/intern/sitzungen/{sitzung.pk}/antwort/", {"antwort": "ja"})
    assert not Rueckmeldung.objects.exists()
    signed_in(people["vorsitz"]).post(f"/de/beirat/intern/sitzungen/{sitzung.pk}/einladen/")
    assert mail.outbox == []


def test_a_second_invitation_is_a_change_with_a_higher_sequence(people):
    sitzung = SitzungFactory()
    client = signed_in(people["vorsitz"])
    client.post(f"/de/beirat/intern/sitzungen/{sitzung.pk}/einladen/")
    client.post(f"/de/beirat/intern/sitzungen/{sitzung.pk}/einladen/")
    first, second = (
        Calendar.from_ical(m.attachments[0][1]).walk("VEVENT")[0] for m in (mail.outbox[0], mail.outbox[-1])
    )
    assert first["UID"] == second["UID"]
    assert int(second["SEQUENCE"]) == int(first["SEQUENCE"]) + 1


def test_only_recommendations_become_public_pages_and_private_notes_stay_private(people, client, locales, beirat_page):
    sitzung = SitzungFactory()
    empfehlung = BeschlussFactory(
        sitzung=sitzung, titel="Sprachkurse mit Kinderbetreuung", text="Der Beirat empfiehlt Kurse.\n\nMit Betreuung."
    )
    intern = BeschlussFactory(sitzung=sitzung, art="beschluss", titel="Termin der nächsten Sitzung", text="Im Mai.")
    vorsitz = signed_in(people["vorsitz"])

    assert (
        signed_in(people["schrift"])
        .post(f"/de/beirat/intern/beschluesse/{empfehlung.pk}/veroeffentlichen/")
        .status_code
        == 403
    )
    vorsitz.post(f"/de/beirat/intern/beschluesse/{intern.pk}/veroeffentlichen/")
    assert not EmpfehlungPage.objects.exists()

    vorsitz.post(f"/de/beirat/intern/beschluesse/{empfehlung.pk}/veroeffentlichen/")
    seite = EmpfehlungPage.objects.get()
    assert seite.live and seite.get_parent().pk == beirat_page.pk
    vorsitz.post(
        f"/de/beirat/intern/beschluesse/{empfehlung.pk}/",
        {
            "status": "angenommen",
            "datum": timezone.localdate().isoformat(),
            "notiz": "Vertraulich: Fraktion X war dagegen",
        },
    )
    empfehlung.refresh_from_db()
    assert empfehlung.folgestatus == "angenommen"

    listing = client.get("/de/beirat/").content.decode()
    assert "Sprachkurse mit Kinderbetreuung" in listing and "Termin der nächsten Sitzung" not in listing
    detail = client.get(seite.url)
    assert detail.status_code == 200
    html = detail.content.decode()
    assert "Mit Betreuung." in html
    assert "Vertraulich" not in html

    arabic = translate_page(
        seite, locales["ar"], {"Sprachkurse mit Kinderbetreuung": {"ar": "دورات لغة مع رعاية الأطفال"}}
    )
    assert arabic.beschluss_id == empfehlung.pk
    response = client.get("/ar/beirat/")
    assert "دورات لغة مع رعاية الأطفال" in response.content.decode()
    response = client.get("/ar/beirat/sprachkurse-mit-kinderbetreuung/")
    assert response.status_code == 200 and 'dir="rtl"' in response.content.decode()


def test_publishing_twice_makes_one_page(people):
    beschluss = BeschlussFactory(titel="Wohnraum", text="Text")
    first = veroeffentlichen(beschluss, people["vorsitz"])
    assert veroeffentlichen(beschluss, people["vorsitz"]).pk == first.pk
    assert beschluss.verlauf.get().status == "uebergeben"


def test_public_page_names_only_members_who_agreed(people, client):
    BeiratsmitgliedFactory(name="Yusuf Demir", organisation="Migrantenvertretung", namentlich_nennen=True)
    BeiratsmitgliedFactory(name="Thomas Kern", organisation="Gemeinderat")
    html = client.get("/de/beirat/").content.decode()
    assert "Yusuf Demir" in html and "Thomas Kern" not in html

    member = signed_in(people["mitglied"])
    response = member.post(
        "/de/beirat/intern/meine-angaben/", {"name": "Nadia Haddad", "organisation": "LBF", "namentlich_nennen": "on"}
    )
    assert response.status_code == 302
    eintrag = Beiratsmitglied.objects.get(user=people["mitglied"])
    assert eintrag.einwilligung_am is not None
    assert "Nadia Haddad" in client.get("/de/beirat/").content.decode()

    member.post("/de/beirat/intern/meine-angaben/", {"name": "Nadia Haddad", "organisation": "LBF"})
    assert "Nadia Haddad" not in client.get("/de/beirat/").content.decode()

    member.post(
        "/de/beirat/intern/meine-angaben/", {"name": "Nadia Haddad", "organisation": "LBF", "namentlich_nennen": "on"}
    )
    # Without a Beirat role the entry is no longer shown; a deleted account takes it along.
    people["mitglied"].groups.clear()
    assert "Nadia Haddad" not in client.get("/de/beirat/").content.decode()
    people["mitglied"].groups.add(Group.objects.get(name=roles.BEIRAT))
    assert "Nadia Haddad" in client.get("/de/beirat/").content.decode()
    people["mitglied"].delete()
    assert not Beiratsmitglied.objects.filter(name="Nadia Haddad").exists()


def test_documents_are_served_only_to_members_and_never_from_media(people, client, settings):
    schrift = signed_in(people["schrift"])
    sitzung = SitzungFactory()
    response = schrift.post(
        "/de/beirat/intern/dokumente/",
        {"titel": "Kein PDF", "datei": SimpleUploadedFile("vorlage.pdf", b"<html>nope</html>"), "sitzung": sitzung.pk},
    )
    assert response.status_code == 200 and "datei" in response.context["form"].errors
    assert 'value="Kein PDF"' in response.content.decode()
    response = schrift.post(
        "/de/beirat/intern/dokumente/",
        {
            "titel": "Vorlage",
            "datei": SimpleUploadedFile("vorlage.pdf", b"%PDF-1.4 Beiratsvorlage-77"),
            "sitzung": sitzung.pk,
        },
    )
    assert response.status_code == 302
    dokument = Document.objects.get(title="Vorlage")
    assert dokument.collection.name == settings.PORTAL_BEIRAT_COLLECTION
    assert Unterlage.objects.get(dokument=dokument).sitzung == sitzung
    assert (
        signed_in(people["mitglied"])
        .post("/de/beirat/intern/dokumente/", {"titel": "X", "datei": SimpleUploadedFile("x.pdf", b"%PDF-1.4 x")})
        .status_code
        == 403
    )

    download = signed_in(people["mitglied"]).get(dokument.url)
    assert download.status_code == 200
    assert b"Beiratsvorlage-77" in b"".join(download.streaming_content)
    assert "private" in download.headers.get("Cache-Control", "")
    assert signed_in(people["volunteer"]).get(dokument.url).status_code == 403
    assert client.get(dokument.url).status_code == 302
    direct = client.get(settings.MEDIA_URL + dokument.file.name, follow=True)
    assert direct.status_code == 404 and b"Beiratsvorlage-77" not in direct.content
    assert client.get(f"/documents/{dokument.pk}/anders.pdf").status_code in (302, 404)


def test_private_answers_are_never_cached(people):
    sitzung = SitzungFactory()
    client = signed_in(people["mitglied"])
    for url in ["/de/beirat/intern/", f"/de/beirat/intern/sitzungen/{sitzung.pk}/", "/de/beirat/intern/massnahmen/"]:
        cache_control = client.get(url).headers["Cache-Control"]
        assert "private" in cache_control and "no-cache" in cache_control, url


def test_private_content_is_not_in_search_or_sitemap(people, client):
    sitzung = SitzungFactory(titel="Geheimsitzung 5521")
    protokoll_speichern(sitzung, "Protokoll 5521", people["schrift"])
    BeschlussFactory(sitzung=sitzung, titel="Beschluss-5521", text="x")
    for response in (
        client.get("/de/suche/?q=Geheimsitzung"),
        client.get("/de/suche/?q=Protokoll"),
        client.get("/sitemap.xml"),
    ):
        assert b"5521" not in response.content
    assert b"/beirat/intern" not in client.get("/sitemap.xml").content


def test_member_area_page_restriction_covers_every_translation(people, locales, beirat_page):
    """A private Wagtail page below the Beirat page stays private in every language."""
    from tests.factories import StandardPageFactory

    # Restricted pages live under the home page (the Beirat page itself takes no such children).
    home = beirat_page.get_parent().specific
    geheim = StandardPageFactory(parent=home, slug="beirat-vorlagen", title="Vorlagen", intro="Vorlage-8812")
    restriction = PageViewRestrictionFactory(page=geheim, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(*restriction.groups.model.objects.filter(name__in=roles.BEIRAT_ROLES))
    translate_page(home, locales["ar"], {})
    translate_page(geheim, locales["ar"], {})
    for who in (Client(), signed_in(people["volunteer"])):
        for lang in ("de", "ar"):
            response = who.get(f"/{lang}/beirat-vorlagen/")
            assert response.status_code in (302, 403), (lang, response.status_code)
            assert b"Vorlage-8812" not in response.content
    assert b"Vorlage-8812" in signed_in(people["mitglied"]).get("/ar/beirat-vorlagen/").content


@pytest.mark.parametrize("count", [1, 40])
def test_listings_have_bounded_queries(people, beirat_page, locales, django_assert_max_num_queries, count):
    translate_page(beirat_page.get_parent().specific, locales["ar"], {})
    translate_page(beirat_page, locales["ar"], {})
    collection = Collection.objects.get(name=settings.PORTAL_BEIRAT_COLLECTION)
    for n in range(count):
        sitzung = SitzungFactory(beginn=timezone.now() + datetime.timedelta(days=n - count // 2))
        RueckmeldungFactory(sitzung=sitzung, user=people["mitglied"])
        protokoll_speichern(sitzung, f"Protokoll {n}", None)
        beschluss = BeschlussFactory(sitzung=sitzung, titel=f"Empfehlung {n}", text="Text")
        translate_page(veroeffentlichen(beschluss, people["vorsitz"]), locales["ar"], {})
        dokument = Document.objects.create(
            title=f"Dok {n}", collection=collection, file=ContentFile(b"%PDF-1.4", "d.pdf")
        )
        UnterlageFactory(dokument=dokument, sitzung=sitzung)
    member = signed_in(people["mitglied"])
    for url in ["/de/beirat/intern/", "/de/beirat/intern/beschluesse/", "/de/beirat/intern/dokumente/"]:
        with django_assert_max_num_queries(20):
            assert member.get(url).status_code == 200
    last = Sitzung.objects.first()
    with django_assert_max_num_queries(30):
        assert member.get(f"/de/beirat/intern/sitzungen/{last.pk}/").status_code == 200
    anonymous = Client()
    for url in ["/de/beirat/", "/ar/beirat/"]:
        with django_assert_max_num_queries(40):
            assert anonymous.get(url).status_code == 200


@pytest.fixture
def monitor(beirat_page):
    from tests.factories import MonitorPageFactory

    return MonitorPageFactory(parent=beirat_page)


def test_members_update_a_measure_and_the_history_keeps_every_step(people, monitor):
    from beirat.models import Planmassnahme
    from tests.factories import PlanmassnahmeFactory

    massnahme = PlanmassnahmeFactory(handlungsfeld=4, titel="Mietermatching", status="geplant")
    client = signed_in(people["mitglied"])
    url = f"/de/beirat/intern/massnahmen/{massnahme.pk}/"
    response = client.post(url, {"status": "geplant", "text": ""})
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    client.post(url, {"status": "in_umsetzung", "text": "Erste Vermieter gewonnen."})
    client.post(url, {"status": "in_umsetzung", "text": "Zwei Besichtigungen."})
    massnahme.refresh_from_db()
    assert massnahme.status == "in_umsetzung" and massnahme.status_seit == timezone.localdate()
    assert [(n.status, n.notiz) for n in massnahme.notizen.order_by("pk")] == [
        ("in_umsetzung", "Erste Vermieter gewonnen."),
        ("", "Zwei Besichtigungen."),
    ]
    assert all(n.autor == people["mitglied"] for n in massnahme.notizen.all())
    # The German record is the one with the status: a translation's id is not a measure here.
    arabic = massnahme.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic.save()
    assert client.get(f"/de/beirat/intern/massnahmen/{arabic.pk}/").status_code == 404
    assert Planmassnahme.objects.filter(status="in_umsetzung").count() == 2  # copied, but never shown


def test_public_progress_per_handlungsfeld_in_arabic_without_notes_or_private_links(monitor, client, locales):
    from tests.factories import PlanmassnahmeFactory, StandardPageFactory

    home = monitor.get_parent().get_parent().specific
    public = StandardPageFactory(parent=home, slug="patenschaften", title="Patenschaften")
    private = StandardPageFactory(parent=home, slug="intern-vorlage", title="Vorlage-6630")
    PageViewRestrictionFactory(page=private)
    done = PlanmassnahmeFactory(handlungsfeld=6, titel="Patenschaftsprogramm einrichten", status="umgesetzt")
    PlanmassnahmeVerweisFactory(massnahme=done, seite=public)
    PlanmassnahmeVerweisFactory(massnahme=done, seite=private)
    done.notizen.create(notiz="Notiz-6631")
    PlanmassnahmeFactory(handlungsfeld=6, titel="Pauschale prüfen", status="verworfen")
    PlanmassnahmeFactory(handlungsfeld=6, titel="Verein gründen", status="in_umsetzung")
    translate_page(home, locales["ar"], {})
    translate_page(monitor.get_parent().specific, locales["ar"], {})
    translate_page(monitor, locales["ar"], {})
    from portal.demo import translate_snippet

    translate_snippet(done, locales["ar"], {"Patenschaftsprogramm einrichten": {"ar": "إنشاء برنامج الرعاية"}})

    response = client.get("/ar/beirat/massnahmen/")
    html = response.content.decode()
    assert 'lang="ar" dir="rtl"' in html
    assert "إنشاء برنامج الرعاية" in html and "Pauschale prüfen" in html  # German where not translated yet
    assert "Notiz-6631" not in html and "Vorlage-6630" not in html
    assert "/ar/patenschaften/" in html or "/de/patenschaften/" in html
    feld = next(f for f in response.context["felder"] if f.nummer == 6)
    assert (feld.umgesetzt, feld.in_umsetzung, feld.verworfen, feld.prozent_umgesetzt) == (1, 1, 1, 50)
    assert [f.nummer for f in response.context["felder"]] == list(range(1, 8))


@pytest.mark.parametrize("count", [1, 60])
def test_monitor_queries_are_bounded(monitor, client, people, locales, django_assert_max_num_queries, count):
    from tests.factories import PlanmassnahmeFactory

    home = monitor.get_parent().get_parent()
    for n in range(count):
        massnahme = PlanmassnahmeFactory(handlungsfeld=n % 7 + 1)
        PlanmassnahmeVerweisFactory(massnahme=massnahme, seite=home)
        massnahme.notizen.create(notiz="x")
    translate_page(home.specific, locales["ar"], {})
    with django_assert_max_num_queries(40):
        assert client.get("/ar/beirat/massnahmen/").status_code == 200
    member = signed_in(people["mitglied"])
    with django_assert_max_num_queries(20):
        assert member.get("/de/beirat/intern/massnahmen/").status_code == 200


def test_editors_update_a_measure_in_the_cms_and_it_enters_the_history(beirat_page, client_as):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    from tests.factories import PlanmassnahmeFactory

    massnahme = PlanmassnahmeFactory(handlungsfeld=7, titel="Interkulturelle Schulung", status="geplant")
    editor = client_as(roles.REDAKTION)
    data = nested_form_data(
        {
            "handlungsfeld": 7,
            "nummer": massnahme.nummer,
            "titel": "Interkulturelle Schulung",
            "verantwortlich": "Personalamt",
            "status": "in_umsetzung",
            "status_seit": "2026-11-20",
            "verweise": inline_formset([{"seite": beirat_page.pk}]),
        }
    )
    url = f"/cms/snippets/beirat/massnahme/edit/{massnahme.pk}/"
    # A draft changes neither the measure nor its history.
    assert editor.post(url, data).status_code == 302
    massnahme.refresh_from_db()
    assert massnahme.status == "geplant" and not massnahme.notizen.filter(status="in_umsetzung").exists()
    response = editor.post(url, {**data, "action-publish": "action-publish"})
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    massnahme.refresh_from_db()
    assert massnahme.status == "in_umsetzung" and massnahme.verweise.get().seite_id == beirat_page.pk
    notiz = massnahme.notizen.get(status="in_umsetzung")
    assert (notiz.status, notiz.datum, notiz.autor) == ("in_umsetzung", datetime.date(2026, 11, 20), editor.user)


def test_chair_and_keeper_of_minutes_are_members_without_the_beirat_group(people):
    """Their own group is all they hold: the Beirat role is implied, never stored as another group."""
    for key, role in (("vorsitz", roles.BEIRAT_VORSITZ), ("schrift", roles.BEIRAT_SCHRIFTFUEHRUNG)):
        assert list(people[key].groups.values_list("name", flat=True)) == [role]
        client = signed_in(people[key])
        assert client.get("/de/beirat/intern/").status_code == 200
        profile = client.get("/de/konto/profil/")
        assert [r["name"] for r in profile.context["roles"]] == [roles.BEIRAT, role]
        assert "/de/beirat/intern/" in [link["url"] for link in profile.context["area_links"]]
    assert set(mitglieder()) == {people["vorsitz"], people["schrift"], people["mitglied"]}
    sitzung = SitzungFactory(beginn=timezone.now() + datetime.timedelta(days=5))
    assert einladen(sitzung) == 3
    assert "Helga" in signed_in(people["mitglied"]).get(f"/de/beirat/intern/sitzungen/{sitzung.pk}/").content.decode()


def test_line_breaks_in_titles_do_not_break_calendars_or_emails(people):
    client = signed_in(people["vorsitz"])
    day = timezone.localdate() + datetime.timedelta(days=5)
    client.post(
        "/de/beirat/intern/sitzungen/neu/",
        {
            "titel": "Sitzung\r\nBcc: x@example.org",
            "ort": "Rathaus\nSaal",
            "datum": day,
            "von": "18:00",
            "bis": "19:00",
            "tagesordnung": "A",
        },
    )
    sitzung = Sitzung.objects.get()
    assert sitzung.titel == "Sitzung Bcc: x@example.org" and sitzung.ort == "Rathaus Saal"
    assert client.get(f"/de/beirat/intern/sitzungen/{sitzung.pk}/ical/").status_code == 200
    client.post(f"/de/beirat/intern/sitzungen/{sitzung.pk}/einladen/")
    assert len(mail.outbox) == 3 and all(len(m.to) == 1 and not m.bcc for m in mail.outbox)


def test_a_refused_address_does_not_stop_the_invitation(people, monkeypatch):
    from django.core.mail import EmailMessage

    send = EmailMessage.send

    def refuse_one(message, *args, **kwargs):
        if message.to == [people["schrift"].email]:
            raise OSError("refused")
        return send(message, *args, **kwargs)

    monkeypatch.setattr(EmailMessage, "send", refuse_one)
    sitzung = SitzungFactory()
    response = signed_in(people["vorsitz"]).post(f"/de/beirat/intern/sitzungen/{sitzung.pk}/einladen/", follow=True)
    assert len(mail.outbox) == 2
    # The refused invitation stays with the worker, which tries again; the page says all went out.
    assert [m.level_tag for m in response.context["messages"]] == ["success"]
    assert Mail.objects.filter(status=Mail.Status.FAILED).count() == 1
    sitzung.refresh_from_db()
    assert sitzung.einladung_versendet_am is not None


def test_without_an_approval_step_the_draft_is_kept_and_the_user_told(people):
    from wagtail.models import Workflow

    Workflow.objects.update(active=False)
    sitzung = SitzungFactory()
    response = signed_in(people["schrift"]).post(
        f"/de/beirat/intern/sitzungen/{sitzung.pk}/protokoll/", {"text": "Entwurf", "einreichen": "1"}, follow=True
    )
    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    protokoll = Protokoll.objects.get(sitzung=sitzung)
    assert protokoll.entwurf.text == "Entwurf" and not protokoll.live


def test_editors_link_members_only_to_beirat_accounts(people, client_as):
    response = client_as(roles.REDAKTION).get("/cms/snippets/beirat/beiratsmitglied/add/")
    choices = list(response.context["form"].fields["user"].queryset)
    assert set(choices) == {people["vorsitz"], people["schrift"], people["mitglied"]}


# --- Issue 23: answers with comment and deputy, minutes per agenda item, approval after the meeting ---


def _past_meeting(**kwargs):
    return SitzungFactory(
        beginn=timezone.now() - datetime.timedelta(days=2),
        ende=timezone.now() - datetime.timedelta(days=2, hours=-2),
        **kwargs,
    )


def _agenda(sitzung, *titles):
    for nummer, titel in enumerate(titles, start=1):
        sitzung.tagesordnung.create(nummer=nummer, titel=titel)


@pytest.fixture
def deputies(people):
    return {
        "sami": BeiratsmitgliedFactory(name="Sami Yilmaz", funktion="stellv_mitglied"),
        "petra": BeiratsmitgliedFactory(name="Petra Roth", funktion="stellv_mitglied", aktiv=False),
        "thomas": BeiratsmitgliedFactory(name="Thomas Kern", funktion="mitglied"),
    }


def test_members_answer_yes_maybe_or_no_with_a_comment_and_a_deputy_the_keeper_sees_them(people, deputies):
    sitzung = SitzungFactory()
    url = f"/en/beirat/intern/sitzungen/{sitzung.pk}/"
    member, schrift = signed_in(people["mitglied"]), signed_in(people["schrift"])

    # Only active deputy members are offered.
    page = member.get(url)
    choices = list(page.context["antwort_form"].fields["vertretung"].queryset)
    assert choices == [deputies["sami"]]
    html = page.content.decode()
    assert 'value="vielleicht"' in html and "Sami Yilmaz" in html and "Petra Roth" not in html

    # A deputy stands in only for someone who cannot attend: with "maybe" the chosen deputy is dropped.
    member.post(
        url + "antwort/",
        {"antwort": "vielleicht", "kommentar": "Komme evtl. später", "vertretung": deputies["sami"].pk},
    )
    assert Rueckmeldung.objects.get(user=people["mitglied"]).vertretung is None
    Rueckmeldung.objects.all().delete()
    # Someone who is not a deputy member cannot be named, even by a crafted request.
    response = member.post(url + "antwort/", {"antwort": "nein", "vertretung": deputies["thomas"].pk})
    assert response.status_code == 200 and "vertretung" in response.context["antwort_form"].errors
    assert member.post(url + "antwort/", {"kommentar": "x"}).context["antwort_form"].errors["antwort"]

    member.post(url + "antwort/", {"antwort": "vielleicht", "kommentar": "Komme evtl. später"})
    assert Rueckmeldung.objects.get(user=people["mitglied"]).antwort == "vielleicht"
    member.post(
        url + "antwort/", {"antwort": "nein", "kommentar": "Dienstreise-7731", "vertretung": deputies["sami"].pk}
    )
    antwort = Rueckmeldung.objects.get(user=people["mitglied"])
    assert (antwort.antwort, antwort.kommentar, antwort.vertretung) == ("nein", "Dienstreise-7731", deputies["sami"])
    with connection.cursor() as cursor:  # a reason for not coming can be about health: encrypted at rest
        cursor.execute("SELECT kommentar FROM beirat_rueckmeldung")
        assert not any("Dienstreise" in str(row[0]) for row in cursor.fetchall())
    schrift.post(url + "antwort/", {"antwort": "vielleicht"})

    # The keeper of the minutes sees answers, comments and deputies; other members see no comments.
    html = schrift.get(url).content.decode()
    table = html.split('id="antworten"')[1].split("</table>")[0]
    assert "Dienstreise-7731" in table and "Sami Yilmaz" in table
    assert 'data-antwort="nein"' in table and 'data-antwort="vielleicht"' in table
    assert "1 member may attend." in html
    member_view = member.get(url).content.decode()
    assert "Sami Yilmaz" in member_view.split('id="antworten"')[1]
    assert "Dienstreise-7731" not in member_view.split('id="antworten"')[1]
    overview = member.get("/en/beirat/intern/").content.decode()
    assert "You sent your apologies." in overview

    # Yes again, with the form as it was filled in before: the deputy is no longer needed.
    member.post(url + "antwort/", {"antwort": "ja", "vertretung": deputies["sami"].pk})
    assert Rueckmeldung.objects.get(user=people["mitglied"]).vertretung is None

    # The answers are part of the member's own data download.
    from beirat.wagtail_hooks import beirat_data

    member.post(url + "antwort/", {"antwort": "nein", "kommentar": "Krank", "vertretung": deputies["sami"].pk})
    exported = beirat_data(people["mitglied"])["beirat_answers"]
    assert [(a["answer"], a["comment"], a["deputy"]) for a in exported] == [("nein", "Krank", "Sami Yilmaz")]


def test_without_deputy_members_the_answer_form_asks_no_deputy(people):
    sitzung = SitzungFactory()
    page = signed_in(people["mitglied"]).get(f"/de/beirat/intern/sitzungen/{sitzung.pk}/")
    assert "vertretung" not in page.context["antwort_form"].fields
    signed_in(people["mitglied"]).post(f"/de/beirat/intern/sitzungen/{sitzung.pk}/antwort/", {"antwort": "nein"})
    assert Rueckmeldung.objects.get().vertretung is None


def test_minutes_are_written_per_agenda_item_and_read_so(people):
    sitzung = _past_meeting(tops=["Begrüßung", "Sprachkurse", "Verschiedenes"])
    schrift = signed_in(people["schrift"])
    url = f"/en/beirat/intern/sitzungen/{sitzung.pk}/"

    form = schrift.get(url + "protokoll/")
    html = form.content.decode()
    assert all(f'id="top-{n}"' in html for n in (1, 2, 3))
    assert "Sprachkurse" in html and 'name="p1-diskussion"' in html and 'name="p1-verantwortlich"' in html

    # Nothing written: the error says so and nothing is saved.
    response = schrift.post(url + "protokoll/", {"p0-diskussion": "  ", "text": ""})
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    assert not Protokoll.objects.exists()
    # Too long a name: the error is at the field, what was typed is kept.
    response = schrift.post(url + "protokoll/", {"p1-diskussion": "Bedarf-4410", "p1-verantwortlich": "x" * 201})
    assert response.status_code == 200 and "p1-verantwortlich" in response.context["form"].errors
    assert "Bedarf-4410" in response.content.decode()

    schrift.post(
        url + "protokoll/",
        {
            "p0-beschlossen": "Tagesordnung festgestellt.",
            "p1-diskussion": "Eltern kleiner Kinder fehlen in den Kursen.",
            "p1-beschlossen": "Empfehlung: Kurse mit Kinderbetreuung.",
            "p1-verantwortlich": "  Frau   Brenner ",
            "text": "Anwesend: 6 Mitglieder.",
        },
    )
    protokoll = Protokoll.objects.get(sitzung=sitzung)
    assert [(p.nummer, p.titel, p.verantwortlich) for p in protokoll.punkte.all()] == [
        (1, "Begrüßung", ""),
        (2, "Sprachkurse", "Frau Brenner"),
        (3, "Verschiedenes", ""),
    ]
    page = signed_in(people["mitglied"]).get(url).content.decode()
    minutes = page.split('id="protokoll"')[1]
    assert "Item 2" in minutes and "Eltern kleiner Kinder fehlen in den Kursen." in minutes
    assert "Empfehlung: Kurse mit Kinderbetreuung." in minutes and "Frau Brenner" in minutes
    assert "Further notes" in minutes and "Anwesend: 6 Mitglieder." in minutes

    # The form shows what was written; a changed agenda keeps each entry with its item, and none is lost.
    form = schrift.get(url + "protokoll/")
    assert form.context["form"]["p1-diskussion"].value() == "Eltern kleiner Kinder fehlen in den Kursen."
    sitzung.tagesordnung.all().delete()
    _agenda(sitzung, "Begrüßung", "Verschiedenes", "Wohnraum")
    gruppen = schrift.get(url + "protokoll/").context["form"].gruppen()
    assert [(g["nummer"], g["titel"]) for g in gruppen] == [
        (1, "Begrüßung"),
        (2, "Verschiedenes"),
        (3, "Wohnraum"),
        (2, "Sprachkurse"),
    ]
    assert gruppen[3]["felder"][0].value() == "Eltern kleiner Kinder fehlen in den Kursen."
    # An item inserted before another does not take its text.
    sitzung.tagesordnung.all().delete()
    _agenda(sitzung, "Begrüßung", "Neu", "Sprachkurse")
    gruppen = schrift.get(url + "protokoll/").context["form"].gruppen()
    assert [(g["titel"], g["felder"][0].value()) for g in gruppen] == [
        ("Begrüßung", ""),
        ("Neu", ""),
        ("Sprachkurse", "Eltern kleiner Kinder fehlen in den Kursen."),
    ]


def test_approved_minutes_stay_while_a_revision_per_item_waits_and_are_published_with_their_items(people):
    sitzung = _past_meeting(tops=["Bericht"])
    schrift, vorsitz = signed_in(people["schrift"]), signed_in(people["vorsitz"])
    url = f"/de/beirat/intern/sitzungen/{sitzung.pk}/"
    schrift.post(url + "protokoll/", {"p0-diskussion": "Erste Fassung-1", "einreichen": "1"})
    vorsitz.post(url + "protokoll/freigabe/", {"aktion": "approve"})
    schrift.post(url + "protokoll/", {"p0-diskussion": "Zweite Fassung-2", "einreichen": "1"})

    protokoll = Protokoll.objects.get(sitzung=sitzung)
    assert [p.diskussion for p in protokoll.punkte.all()] == ["Erste Fassung-1"]  # live: the approved one
    assert [p.diskussion for p in protokoll.entwurf.punkte.all()] == ["Zweite Fassung-2"]
    html = signed_in(people["mitglied"]).get(url).content.decode()
    approved, _, revised = html.partition("<details>")
    assert "Erste Fassung-1" in approved and "Zweite Fassung-2" not in approved
    assert "Zweite Fassung-2" in revised

    vorsitz.post(url + "protokoll/freigabe/", {"aktion": "approve"})
    protokoll = Protokoll.objects.get(sitzung=sitzung)
    assert [p.diskussion for p in protokoll.punkte.all()] == ["Zweite Fassung-2"]


def test_minutes_written_as_one_text_are_kept_as_further_notes(people):
    sitzung = _past_meeting(tops=["Begrüßung"])
    protokoll_speichern(sitzung, "TOP 1: Alte Fassung-5512 als ein Text.", people["schrift"])
    page = signed_in(people["mitglied"]).get(f"/de/beirat/intern/sitzungen/{sitzung.pk}/")
    assert "TOP 1: Alte Fassung-5512 als ein Text." in page.content.decode()
    form = signed_in(people["schrift"]).get(f"/de/beirat/intern/sitzungen/{sitzung.pk}/protokoll/")
    assert form.context["form"]["text"].value() == "TOP 1: Alte Fassung-5512 als ein Text."


def test_the_change_request_is_shown_on_the_meeting_page_and_in_the_edit_form(people):
    sitzung = _past_meeting(tops=["Bericht"])
    schrift, vorsitz = signed_in(people["schrift"]), signed_in(people["vorsitz"])
    url = f"/en/beirat/intern/sitzungen/{sitzung.pk}/"
    schrift.post(url + "protokoll/", {"p0-diskussion": "Kurz.", "einreichen": "1"})
    vorsitz.post(url + "protokoll/freigabe/", {"aktion": "reject", "kommentar": "Bitte TOP 1 ausführlicher-8820."})

    for client, path in ((signed_in(people["mitglied"]), url), (schrift, url + "protokoll/")):
        html = client.get(path).content.decode()
        notice = html.split('id="aenderungswunsch"')[1].split("</div>")[0]
        assert "The chair has asked for changes." in notice
        assert "Bitte TOP 1 ausführlicher-8820." in notice
        assert people["vorsitz"].get_full_name() in notice

    # Once resubmitted, the request is answered and no longer shown as open.
    schrift.post(url + "protokoll/", {"p0-diskussion": "Ausführlich.", "einreichen": "1"})
    assert 'id="aenderungswunsch"' not in schrift.get(url).content.decode()


def test_minutes_are_approved_only_after_the_meeting(people):
    sitzung = SitzungFactory()  # in two weeks
    schrift, vorsitz = signed_in(people["schrift"]), signed_in(people["vorsitz"])
    url = f"/en/beirat/intern/sitzungen/{sitzung.pk}/"
    schrift.post(url + "protokoll/", {"text": "Vorab-Entwurf", "einreichen": "1"})

    page = vorsitz.get(url)
    html = page.content.decode()
    assert page.context["freigabe"] == ["reject"]
    assert 'value="approve"' not in html and 'value="reject"' in html
    assert 'id="freigabe-erst-nach-sitzung"' in html
    # The answer form and the approval form share the page: each field keeps its own id.
    assert html.count('id="id_kommentar"') == 1 and html.count('id="antwort_kommentar"') == 1
    response = vorsitz.post(url + "protokoll/freigabe/", {"aktion": "approve"}, follow=True)
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert not Protokoll.objects.get(sitzung=sitzung).live

    from beirat.services import SitzungNochNichtVorbei, freigabe_entscheiden

    with pytest.raises(SitzungNochNichtVorbei):
        freigabe_entscheiden(Protokoll.objects.get(sitzung=sitzung), people["vorsitz"], "approve")
    # Nor in the CMS, not even for a superuser.
    from django.urls import reverse

    admin = UserFactory(is_superuser=True, is_staff=True)
    activate_totp(admin)
    protokoll = Protokoll.objects.get(sitzung=sitzung)
    task_state = protokoll.current_workflow_state.current_task_state
    assert "approve" not in [name for name, *_ in task_state.task.specific.get_actions(protokoll, admin)]
    action = reverse("wagtailsnippets_beirat_protokoll:workflow_action", args=[protokoll.pk, "approve", task_state.pk])
    refused = signed_in(admin).post(action)  # Wagtail answers a refused action with its dashboard
    assert (refused.status_code, refused.url) == (302, "/cms/")
    assert not Protokoll.objects.get(sitzung=sitzung).live

    Sitzung.objects.filter(pk=sitzung.pk).update(
        beginn=timezone.now() - datetime.timedelta(hours=3), ende=timezone.now() - datetime.timedelta(hours=1)
    )
    assert 'value="approve"' in vorsitz.get(url).content.decode()
    vorsitz.post(url + "protokoll/freigabe/", {"aktion": "approve"})
    assert Protokoll.objects.get(sitzung=sitzung).live


def test_members_are_told_in_their_language_and_download_the_approved_minutes_as_tagged_pdf(people):
    from tests.pdfs import tagged_pdf_text

    sitzung = _past_meeting(titel="Sitzung im Frühjahr", tops=["Sprachkurse"])
    schrift, vorsitz = signed_in(people["schrift"]), signed_in(people["vorsitz"])
    url = f"/de/beirat/intern/sitzungen/{sitzung.pk}/"
    schrift.post(
        url + "protokoll/",
        {
            "p0-diskussion": "Eltern fehlen.",
            "p0-beschlossen": "Empfehlung-3391",
            "p0-verantwortlich": "Vorsitz",
            "einreichen": "1",
        },
    )
    # A draft is not printed.
    assert signed_in(people["mitglied"]).get(url + "protokoll/pdf/").status_code == 404
    assert 'id="protokoll-pdf"' not in signed_in(people["mitglied"]).get(url).content.decode()

    mail.outbox.clear()
    vorsitz.post(url + "protokoll/freigabe/", {"aktion": "approve"})
    arabic = next(m for m in mail.outbox if m.to == [people["mitglied"].email])
    assert f"http://testserver/ar/beirat/intern/sitzungen/{sitzung.pk}/" in arabic.body
    assert f"http://testserver/ar/beirat/intern/sitzungen/{sitzung.pk}/protokoll/pdf/" in arabic.body
    stored = {m.to: m.language for m in Mail.objects.filter(kind="ProtokollFreigegeben")}
    assert stored[people["mitglied"].email] == "ar" and people["schrift"].email not in stored
    assert not any(m.attachments for m in mail.outbox)  # the minutes stay behind the login

    member = signed_in(people["mitglied"])
    assert 'id="protokoll-pdf"' in member.get(url).content.decode()
    for language in ("de", "ar"):
        response = member.get(f"/{language}/beirat/intern/sitzungen/{sitzung.pk}/protokoll/pdf/")
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        text = tagged_pdf_text(response.content, language)
        assert "Empfehlung-3391" in text and "Eltern fehlen." in text and "Sprachkurse" in text
    assert signed_in(people["volunteer"]).get(url + "protokoll/pdf/").status_code == 403


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_keeps_every_answer(people):
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    sitzung = SitzungFactory()
    RueckmeldungFactory(sitzung=sitzung, user=people["vorsitz"])
    RueckmeldungFactory(sitzung=sitzung, user=people["mitglied"], antwort="nein")
    executor = MigrationExecutor(connection)
    try:
        executor.migrate([("beirat", "0004_massnahme_drafts")])
        old = executor.loader.project_state([("beirat", "0004_massnahme_drafts")]).apps
        assert dict(old.get_model("beirat", "Rueckmeldung").objects.values_list("user_id", "zusage")) == {
            people["vorsitz"].pk: True,
            people["mitglied"].pk: False,
        }
    finally:  # whatever happens, the tests after this one find the current schema
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    assert dict(Rueckmeldung.objects.values_list("user_id", "antwort")) == {
        people["vorsitz"].pk: "ja",
        people["mitglied"].pk: "nein",
    }


def test_the_cms_shows_the_minutes_with_their_agenda_items(people, client_as):
    from tests.conftest import SUPERUSER

    sitzung = _past_meeting(tops=["Bericht"])
    punkte = [{"nummer": 1, "titel": "Bericht", "diskussion": "CMS-6610", "beschlossen": "", "verantwortlich": ""}]
    protokoll = protokoll_speichern(sitzung, "", people["schrift"], punkte=punkte)
    response = client_as(SUPERUSER).get(f"/cms/snippets/beirat/protokoll/edit/{protokoll.pk}/")
    assert response.status_code == 200 and "CMS-6610" in response.content.decode()
