"""Patenschaften: applying, registering households, ranked suggestions with reasons, who sees what."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone, translation

from ehrenamt import matching
from ehrenamt.models import Nachweis, Patenbewerbung, Patenschaft, Patensuche
from portal import roles
from tests.conftest import login
from tests.factories import EhrenamtsprofilFactory, UserFactory, activate_totp

pytestmark = pytest.mark.django_db


def pate(name, sprachen, stadtteil, themen=(), kinder=False, wochentage=(), zeugnis=False, status="aktiv"):
    profil = EhrenamtsprofilFactory(
        user__first_name=name, sprachen=list(sprachen), wochentage=list(wochentage), tageszeiten=["abend"]
    )
    Patenbewerbung.objects.create(
        user=profil.user, stadtteil=stadtteil, themen=list(themen), kinder=kinder, status=status
    )
    if zeugnis:
        Nachweis.objects.create(freiwillige=profil.user, art="fuehrungszeugnis")
    return profil.user


def familie(**kwargs):
    data = {
        "bezeichnung": "Familie K., 4 Personen",
        "sprachen": ["ar"],
        "themen": ["schule", "behoerden"],
        "stadtteil": "stumpenhof",
        "wochentage": ["mi"],
        "tageszeiten": ["abend"],
        "mit_kindern": True,
    }
    data.update(kwargs)
    return Patensuche.objects.create(**data)


def test_suggestions_rank_the_best_fit_first_and_say_why():
    suche = familie()
    # The right order is known: shared language and children first, then district and topics.
    best = pate("Amina", ["ar", "de"], "stumpenhof", ["schule"], kinder=True, wochentage=["mi"], zeugnis=True)
    second = pate("Bernd", ["ar", "de"], "innenstadt", ["schule", "behoerden"], kinder=True, zeugnis=True)
    third = pate("Carla", ["ar", "de"], "stumpenhof", ["behoerden"], kinder=False)
    no_language = pate("Dirk", ["de"], "stumpenhof", ["schule", "behoerden"], kinder=True, zeugnis=True)
    pate("Paused", ["ar"], "stumpenhof", ["schule"], kinder=True, zeugnis=True, status="pausiert")

    with translation.override("en"):
        result = matching.vorschlaege(suche)
    assert [v.pate for v in result] == [best, second, third, no_language]
    top = result[0]
    assert any("Arabic" in reason for reason in top.gruende)
    assert any("same district" in reason for reason in top.gruende)
    assert any("children" in reason for reason in top.gruende)
    assert "No shared language" in result[-1].bedenken
    assert "Does not accompany children" in result[2].bedenken


def test_busy_paten_rank_lower_and_the_reason_says_so():
    suche = familie(mit_kindern=False)
    busy = pate("Eva", ["ar"], "stumpenhof", ["schule"])
    free = pate("Fritz", ["ar"], "stumpenhof", ["schule"])
    Patenschaft.objects.create(suche=familie(bezeichnung="Herr A."), pate=busy, beginn=timezone.localdate())
    with translation.override("en"):
        result = matching.vorschlaege(suche)
    assert [v.pate for v in result] == [free, busy]
    assert any("Already accompanies 1" in c for c in result[1].bedenken)


@pytest.fixture
def koordination(client):
    user = UserFactory(roles=[roles.EHRENAMTSKOORDINATION])
    login(client, user)
    return client


def test_coordinator_matches_and_the_pate_sees_only_their_own(koordination):
    suche = familie(hinweise="Vater arbeitet im Schichtdienst")
    other = familie(bezeichnung="Frau M.", hinweise="Geheimer Hinweis")
    amina = pate("Amina", ["ar"], "stumpenhof", ["schule"], kinder=True, zeugnis=True)
    page = koordination.get(f"/de/ehrenamt/koordination/paten-suchende/{suche.pk}/").content.decode()
    assert "Amina" in page and "points" in page or "Punkte" in page
    response = koordination.post(
        f"/de/ehrenamt/koordination/paten-suchende/{suche.pk}/",
        {"pate": amina.pk, "beginn": timezone.localdate().isoformat(), "rueckmeldung_wochen": "4"},
    )
    assert response.status_code == 302
    patenschaft = Patenschaft.objects.get()
    suche.refresh_from_db()
    assert suche.status == "vermittelt"
    assert mail.outbox[-1].to == [amina.email]

    pate_client = Client()
    login(pate_client, amina)
    page = pate_client.get("/de/ehrenamt/meine-patenschaften/").content.decode()
    assert "Familie K., 4 Personen" in page and "Schichtdienst" in page
    assert "Frau M." not in page and "Geheimer Hinweis" not in page
    # Nor through the coordination's pages.
    assert pate_client.get(f"/de/ehrenamt/koordination/paten-suchende/{other.pk}/").status_code == 403
    assert pate_client.get(f"/de/ehrenamt/koordination/patenschaften/{patenschaft.pk}/").status_code == 403


def test_check_ins_and_ending_with_a_review(koordination):
    patenschaft = Patenschaft.objects.create(
        suche=familie(), pate=pate("Amina", ["ar"], "stumpenhof"), beginn=timezone.localdate()
    )
    url = f"/de/ehrenamt/koordination/patenschaften/{patenschaft.pk}/"
    assert "überfällig" not in koordination.get(url).content.decode()
    koordination.post(
        url + "rueckmeldung/",
        {"datum": (timezone.localdate() - datetime.timedelta(weeks=5)).isoformat(), "notiz": "Läuft gut."},
    )
    assert patenschaft.rueckmeldungen.get().notiz == "Läuft gut."
    assert "überfällig" in koordination.get(url).content.decode()
    bad = koordination.post(url + "beenden/", {"ende": "2000-01-01", "rueckblick": ""})
    assert bad.status_code == 200
    assert 'id="id_ende_errors"' in bad.content.decode() and 'id="id_rueckblick_errors"' in bad.content.decode()
    koordination.post(
        url + "beenden/",
        {"ende": (timezone.localdate() + datetime.timedelta(days=90)).isoformat(), "rueckblick": "Gut angekommen."},
    )
    patenschaft.refresh_from_db()
    assert patenschaft.status == "beendet" and patenschaft.suche.status == "beendet"


def test_volunteer_applies_as_pate(client):
    profil = EhrenamtsprofilFactory()
    login(client, profil.user)
    response = client.post(
        "/de/ehrenamt/patenschaft/",
        {"stadtteil": "innenstadt", "themen": ["sprache"], "kinder": "on", "fuehrungszeugnis": "beantragt"},
    )
    assert response.status_code == 302
    bewerbung = Patenbewerbung.objects.get(user=profil.user)
    assert bewerbung.status == "beantragt" and bewerbung.kinder
    bad = client.post("/de/ehrenamt/patenschaft/", {"stadtteil": "mond", "themen": []})
    assert bad.status_code == 200 and 'id="id_stadtteil_errors"' in bad.content.decode()


def test_integrationsmanagement_registers_households_in_the_staff_area(client):
    user = UserFactory(roles=[roles.INTEGRATIONSMANAGEMENT])
    activate_totp(user)
    login(client, user)
    response = client.post(
        "/de/intern/paten-suchende/neu/",
        {
            "bezeichnung": "Familie S., 3 Personen",
            "sprachen": ["fa"],
            "themen": ["wohnen"],
            "stadtteil": "filstal",
            "status": "offen",
        },
    )
    assert response.status_code == 302
    assert Patensuche.objects.get().erfasst_von == user
    assert "Familie S." in client.get("/de/intern/paten-suchende/").content.decode()
    # Not through the coordination's path.
    assert client.get("/de/ehrenamt/koordination/paten-suchende/").status_code == 403


@pytest.mark.parametrize("count", [1, 60])
def test_seeker_list_queries_are_bounded(koordination, django_assert_max_num_queries, count):
    for n in range(count):
        familie(bezeichnung=f"Familie {n}")
    with django_assert_max_num_queries(20):
        assert koordination.get("/de/ehrenamt/koordination/paten-suchende/").status_code == 200
