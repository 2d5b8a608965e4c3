"""Cancelling with confirmation and reason, undoing a fresh sign-up, the coordination adding and
taking volunteers off a shift (issue 23)."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from ehrenamt.models import Einsatz
from portal import roles
from portal.models import Mail
from tests.conftest import login
from tests.factories import (
    EhrenamtsprofilFactory,
    EinsatzFactory,
    QualifikationsnachweisFactory,
    SchichtFactory,
    UserFactory,
    volunteer,
)


def gestern():
    return timezone.now() - datetime.timedelta(days=1)


pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    login(client, user)
    return client


def coordinator(language, **kwargs):
    return UserFactory(roles=[roles.EHRENAMTSKOORDINATION], preferred_language=language, **kwargs)


def absagen_url(einsatz, language="de"):
    return f"/{language}/ehrenamt/einsaetze/{einsatz.pk}/absagen/"


# "I can't come": confirmation, optional reason, the coordination is told.


def test_i_cant_come_asks_for_confirmation_first(freiwillige):
    schicht = SchichtFactory()
    einsatz = EinsatzFactory(schicht=schicht, freiwillige=freiwillige.user)
    page = freiwillige.get(f"/de/ehrenamt/schichten/{schicht.pk}/").content.decode()
    # The shift page links to the confirmation; nothing is cancelled by a single tap.
    assert f'href="{absagen_url(einsatz)}"' in page
    response = freiwillige.get(absagen_url(einsatz))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="absagen-form"' in page and 'name="grund"' in page
    einsatz.refresh_from_db()
    assert einsatz.status == "bestaetigt"


def test_confirmation_page_reads_right_to_left_in_arabic(freiwillige):
    einsatz = EinsatzFactory(freiwillige=freiwillige.user)
    response = freiwillige.get(absagen_url(einsatz, "ar"))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'lang="ar" dir="rtl"' in page
    assert 'id="absagen-form"' in page and "رجوع" in page


def test_cancelling_tells_each_coordinator_in_their_language_with_reason_and_who_moved_up(db):
    arabic, german = coordinator("ar", email="k-ar@example.org"), coordinator("de", email="k-de@example.org")
    schicht = SchichtFactory(kapazitaet=1, titel="Kleiderkammer Ausgabe")
    fatima = volunteer(user__first_name="Fatima", user__last_name="Haddad")
    olena = volunteer(user__first_name="Olena", user__last_name="Koval", user__email="olena@example.org")
    einsatz = EinsatzFactory(schicht=schicht, freiwillige=fatima, angemeldet_am=gestern())
    EinsatzFactory(schicht=schicht, freiwillige=olena, status="warteliste")
    response = client_for(fatima).post(absagen_url(einsatz, "en"), {"grund": "Mein Kind ist krank"}, follow=True)
    assert "The next person on the waiting list has taken it" in response.content.decode()
    einsatz.refresh_from_db()
    assert einsatz.status == "abgemeldet" and einsatz.abmeldegrund == "Mein Kind ist krank"
    assert Einsatz.objects.get(freiwillige=olena).status == "bestaetigt"

    to_coordination = {m.to: m for m in Mail.objects.filter(kind="PlatzAbgesagt")}
    assert set(to_coordination) == {arabic.email, german.email}
    assert to_coordination[arabic.email].language == "ar" and to_coordination[german.email].language == "de"
    bodies = {m.to[0]: m.body for m in mail.outbox if m.to[0] in to_coordination}
    for body in bodies.values():
        assert "Fatima Haddad" in body and "Kleiderkammer Ausgabe" in body
        assert "Mein Kind ist krank" in body and "Olena Koval" in body
        assert f"/ehrenamt/koordination/schichten/{schicht.pk}/" in body
    assert "السبب:" in bodies[arabic.email] and "/ar/ehrenamt/" in bodies[arabic.email]
    assert "Grund:" in bodies[german.email] and "/de/ehrenamt/" in bodies[german.email]
    # The person who moved up is told as before.
    assert [m.to for m in mail.outbox if m.to == ["olena@example.org"]] == [["olena@example.org"]]


def test_undoing_a_fresh_sign_up_bothers_no_one(db):
    coordinator("en", email="k@example.org")
    person = volunteer()
    einsatz = EinsatzFactory(freiwillige=person)
    response = client_for(person).post(absagen_url(einsatz, "en"), {"status": "bestaetigt"}, follow=True)
    assert "You have undone your sign-up" in response.content.decode()
    einsatz.refresh_from_db()
    assert einsatz.status == "abgemeldet" and mail.outbox == []


def test_a_sign_up_that_moved_up_meanwhile_is_not_cancelled_unseen(db):
    schicht = SchichtFactory(kapazitaet=1)
    person = volunteer()
    einsatz = EinsatzFactory(schicht=schicht, freiwillige=person, angemeldet_am=gestern())
    # The page was shown while the person was waiting; meanwhile they moved up.
    response = client_for(person).post(absagen_url(einsatz, "en"), {"status": "warteliste"}, follow=True)
    assert "Your sign-up has changed meanwhile" in response.content.decode()
    einsatz.refresh_from_db()
    assert einsatz.status == "bestaetigt" and mail.outbox == []


def test_coordination_hears_when_the_waiting_list_could_not_fill_the_place(db):
    coordinator("en", email="k@example.org")
    schicht = SchichtFactory(kapazitaet=2)
    person = volunteer()
    einsatz = EinsatzFactory(schicht=schicht, freiwillige=person, angemeldet_am=gestern())
    response = client_for(person).post(absagen_url(einsatz, "en"), follow=True)
    assert "The volunteer coordination has been told" in response.content.decode()
    einsatz.refresh_from_db()
    assert einsatz.status == "abgemeldet" and einsatz.abmeldegrund == ""
    (message,) = mail.outbox
    assert message.to == ["k@example.org"]
    assert "No reason was given." in message.body
    assert "2 places are free now" in message.body


def test_leaving_the_waiting_list_asks_no_reason_and_tells_nobody(db):
    coordinator("de")
    schicht = SchichtFactory(kapazitaet=1)
    EinsatzFactory(schicht=schicht)
    person = volunteer()
    einsatz = EinsatzFactory(schicht=schicht, freiwillige=person, status="warteliste")
    client = client_for(person)
    page = client.get(absagen_url(einsatz)).content.decode()
    assert 'id="absagen-form"' in page and 'name="grund"' not in page
    client.post(absagen_url(einsatz))
    einsatz.refresh_from_db()
    assert einsatz.status == "abgemeldet"
    assert mail.outbox == []


def test_from_my_shifts_the_confirmation_leads_back_there(freiwillige):
    einsatz = EinsatzFactory(freiwillige=freiwillige.user)
    page = freiwillige.get("/de/ehrenamt/meine-einsaetze/").content.decode()
    assert f'href="{absagen_url(einsatz)}?zurueck=meine"' in page
    page = freiwillige.get(f"{absagen_url(einsatz)}?zurueck=meine").content.decode()
    assert 'name="zurueck" value="meine"' in page
    response = freiwillige.post(absagen_url(einsatz), {"zurueck": "meine"})
    assert response.status_code == 302 and response.url == "/de/ehrenamt/meine-einsaetze/"


def test_a_too_long_reason_gets_a_message_at_the_field_and_is_kept(freiwillige):
    einsatz = EinsatzFactory(freiwillige=freiwillige.user)
    response = freiwillige.post(absagen_url(einsatz), {"grund": "x" * 301})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="id_grund_errors"' in page and "x" * 301 in page
    einsatz.refresh_from_db()
    assert einsatz.status == "bestaetigt"


# Undo within 15 minutes, even inside the cut-off.


@pytest.fixture
def kurz_vorher(settings):
    """A shift in five hours, inside the 12-hour cut-off."""
    settings.PORTAL_SHIFT_CANCEL_CUTOFF_HOURS = 12
    return SchichtFactory(beginn=timezone.now() + datetime.timedelta(hours=5))


def test_a_fresh_sign_up_inside_the_cut_off_can_be_undone_and_says_until_when(freiwillige, kurz_vorher):
    freiwillige.post(f"/en/ehrenamt/schichten/{kurz_vorher.pk}/anmelden/")
    einsatz = Einsatz.objects.get(schicht=kurz_vorher)
    page = freiwillige.get(f"/en/ehrenamt/schichten/{kurz_vorher.pk}/").content.decode()
    until = timezone.localtime(einsatz.angemeldet_am + datetime.timedelta(minutes=15)).strftime("%H:%M")
    assert 'id="rueckgaengig-bis"' in page and until in page
    assert "Undo sign-up" in page
    assert until in freiwillige.get("/en/ehrenamt/meine-einsaetze/").content.decode()
    freiwillige.post(absagen_url(einsatz))
    einsatz.refresh_from_db()
    assert einsatz.status == "abgemeldet"


def test_after_15_minutes_the_cut_off_holds_again(freiwillige, kurz_vorher):
    einsatz = EinsatzFactory(
        schicht=kurz_vorher,
        freiwillige=freiwillige.user,
        angemeldet_am=timezone.now() - datetime.timedelta(minutes=16),
    )
    page = freiwillige.get(f"/de/ehrenamt/schichten/{kurz_vorher.pk}/").content.decode()
    assert 'id="rueckgaengig-bis"' not in page and absagen_url(einsatz) not in page
    response = freiwillige.get(absagen_url(einsatz), follow=True)
    assert 'id="absagen-form"' not in response.content.decode()
    freiwillige.post(absagen_url(einsatz))
    einsatz.refresh_from_db()
    assert einsatz.status == "bestaetigt"


def test_a_sign_up_by_the_coordination_cannot_be_undone_inside_the_cut_off(freiwillige, kurz_vorher):
    einsatz = EinsatzFactory(schicht=kurz_vorher, freiwillige=freiwillige.user, eingetragen_von=UserFactory())
    freiwillige.post(absagen_url(einsatz))
    einsatz.refresh_from_db()
    assert einsatz.status == "bestaetigt"


# The coordination adds a volunteer.


def eintragen_url(schicht):
    return f"/de/ehrenamt/koordination/schichten/{schicht.pk}/eintragen/"


def test_coordinator_chooses_from_approved_volunteers_not_yet_on_the_shift(koordination):
    schicht = SchichtFactory()
    frei = volunteer(user__first_name="Amal", user__last_name="Frei")
    dabei = volunteer(user__first_name="Bernd", user__last_name="Dabei")
    EinsatzFactory(schicht=schicht, freiwillige=dabei)
    abgesagt = volunteer(user__first_name="Cem", user__last_name="Abgesagt")
    EinsatzFactory(schicht=schicht, freiwillige=abgesagt, status="abgemeldet")
    wartend = EhrenamtsprofilFactory(status="beantragt", user__first_name="Dana", user__last_name="Wartend").user
    page = koordination.get(f"/de/ehrenamt/koordination/schichten/{schicht.pk}/").content.decode()
    form = page.split('id="eintragen-form"')[1].split("</form>")[0]
    assert f'value="{frei.pk}"' in form and f'value="{abgesagt.pk}"' in form
    assert f'value="{dabei.pk}"' not in form and f'value="{wartend.pk}"' not in form
    assert 'name="platz_dazu"' not in form  # not full


def test_coordinator_adds_a_volunteer_who_is_told_in_their_language(koordination):
    schicht = SchichtFactory(titel="Möbellager Abholung")
    person = volunteer(user__email="amal@example.org", user__preferred_language="ar")
    response = koordination.post(eintragen_url(schicht), {"freiwillige": person.pk})
    assert response.status_code == 302
    einsatz = Einsatz.objects.get(schicht=schicht, freiwillige=person)
    assert einsatz.status == "bestaetigt" and einsatz.eingetragen_von == koordination.user
    stored = Mail.objects.get(kind="SchichtEingetragen")
    assert stored.to == "amal@example.org" and stored.language == "ar"
    (message,) = mail.outbox
    assert "Möbellager Abholung" in message.subject
    assert "/ar/ehrenamt/schichten/" in message.body and "فريق تنسيق المتطوعين" in message.body


def test_adding_to_a_full_shift_puts_on_the_waiting_list_unless_a_place_is_added(koordination):
    schicht = SchichtFactory(kapazitaet=1)
    EinsatzFactory(schicht=schicht)
    first_waiting = volunteer()
    EinsatzFactory(schicht=schicht, freiwillige=first_waiting, status="warteliste")
    page = koordination.get(f"/de/ehrenamt/koordination/schichten/{schicht.pk}/").content.decode()
    assert 'name="platz_dazu"' in page

    wartet, bekommt_platz = volunteer(user__email="w@example.org"), volunteer()
    response = koordination.post(eintragen_url(schicht), {"freiwillige": wartet.pk}, follow=True)
    assert Einsatz.objects.get(freiwillige=wartet).status == "warteliste"
    assert "Nummer 2" in mail.outbox[-1].body or "number 2" in mail.outbox[-1].body
    assert response.status_code == 200

    koordination.post(eintragen_url(schicht), {"freiwillige": bekommt_platz.pk, "platz_dazu": "on"})
    schicht.refresh_from_db()
    assert schicht.kapazitaet == 2
    assert Einsatz.objects.get(freiwillige=bekommt_platz).status == "bestaetigt"
    # The added place is for the person the coordinator chose, not for the waiting list.
    assert Einsatz.objects.get(freiwillige=first_waiting).status == "warteliste"


def test_adding_someone_without_the_required_qualification_gets_a_message_at_the_field(koordination):
    schicht = SchichtFactory(qualifikation="fuehrungszeugnis")
    person = volunteer()
    response = koordination.post(eintragen_url(schicht), {"freiwillige": person.pk})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="id_freiwillige_errors"' in page and f'value="{person.pk}" selected' in page
    assert not Einsatz.objects.exists()
    QualifikationsnachweisFactory(freiwillige=person)
    koordination.post(eintragen_url(schicht), {"freiwillige": person.pk})
    assert Einsatz.objects.get().status == "bestaetigt"


@pytest.mark.parametrize("data", [{}, {"freiwillige": "999999"}, {"freiwillige": "kaputt"}])
def test_adding_with_bad_input_gets_a_message_not_an_error(koordination, data):
    response = koordination.post(eintragen_url(SchichtFactory()), data)
    assert response.status_code == 200
    assert 'id="id_freiwillige_errors"' in response.content.decode()


def test_nobody_is_added_to_a_past_or_cancelled_shift(koordination):
    person = volunteer()
    for schicht in (
        SchichtFactory(beginn=timezone.now() - datetime.timedelta(hours=1)),
        SchichtFactory(abgesagt_am=timezone.now()),
    ):
        page = koordination.get(f"/de/ehrenamt/koordination/schichten/{schicht.pk}/").content.decode()
        assert 'id="eintragen-form"' not in page
        koordination.post(eintragen_url(schicht), {"freiwillige": person.pk})
    assert not Einsatz.objects.exists()


@pytest.mark.parametrize("count", [1, 60])
def test_coordination_shift_page_queries_are_bounded(koordination, django_assert_max_num_queries, count):
    schicht = SchichtFactory(kapazitaet=count)
    people = [volunteer() for _ in range(count)]
    for person in people[: count // 2 or 1]:
        EinsatzFactory(schicht=schicht, freiwillige=person)
    with django_assert_max_num_queries(15):
        response = koordination.get(f"/de/ehrenamt/koordination/schichten/{schicht.pk}/")
    assert response.status_code == 200


# Taking someone off: confirmation and a reason for the volunteer.


def austragen_url(einsatz, language="de"):
    return f"/{language}/ehrenamt/koordination/einsaetze/{einsatz.pk}/austragen/"


def test_taking_off_asks_for_confirmation_and_a_reason(koordination):
    schicht = SchichtFactory(kapazitaet=1)
    einsatz = EinsatzFactory(schicht=schicht, freiwillige=volunteer(user__email="weg@example.org"))
    waiting = EinsatzFactory(schicht=schicht, status="warteliste")
    page = koordination.get(f"/de/ehrenamt/koordination/schichten/{schicht.pk}/").content.decode()
    assert f'href="{austragen_url(einsatz)}"' in page
    page = koordination.get(austragen_url(einsatz)).content.decode()
    assert 'id="austragen-form"' in page and 'name="grund"' in page

    response = koordination.post(austragen_url(einsatz), {"grund": ""})
    assert response.status_code == 200
    assert 'id="id_grund_errors"' in response.content.decode()
    einsatz.refresh_from_db()
    assert einsatz.status == "bestaetigt" and mail.outbox == []

    koordination.post(austragen_url(einsatz), {"grund": "Die Ausgabe entfällt für Neue"})
    einsatz.refresh_from_db()
    waiting.refresh_from_db()
    assert einsatz.status == "abgemeldet" and einsatz.abmeldegrund == "Die Ausgabe entfällt für Neue"
    assert waiting.status == "bestaetigt"
    (taken_off,) = [m for m in mail.outbox if m.to == ["weg@example.org"]]
    assert "Grund: Die Ausgabe entfällt für Neue" in taken_off.body
    assert taken_off.reply_to == [koordination.user.email]
    # The reason stands beside the name in the shift's list of cancellations.
    page = koordination.get(f"/de/ehrenamt/koordination/schichten/{schicht.pk}/").content.decode()
    assert "Die Ausgabe entfällt für Neue" in page


def test_taking_off_page_reads_right_to_left_in_arabic(koordination):
    einsatz = EinsatzFactory()
    response = koordination.get(austragen_url(einsatz, "ar"))
    assert response.status_code == 200
    assert 'lang="ar" dir="rtl"' in response.content.decode()


def test_reasons_go_with_a_deleted_account(db):
    person = volunteer()
    schicht = SchichtFactory(beginn=timezone.now() - datetime.timedelta(days=3))
    einsatz = EinsatzFactory(schicht=schicht, freiwillige=person, status="abgemeldet", abmeldegrund="Krank")
    person.delete()
    einsatz.refresh_from_db()
    assert einsatz.freiwillige is None and einsatz.abmeldegrund == ""


def test_a_cancelled_shift_needs_no_cancelling_and_tells_nobody(freiwillige):
    coordinator("de")
    schicht = SchichtFactory(abgesagt_am=timezone.now(), absagegrund="Raum belegt")
    einsatz = EinsatzFactory(schicht=schicht, freiwillige=freiwillige.user)
    assert absagen_url(einsatz) not in freiwillige.get(f"/de/ehrenamt/schichten/{schicht.pk}/").content.decode()
    freiwillige.post(absagen_url(einsatz))
    einsatz.refresh_from_db()
    assert einsatz.status == "bestaetigt"
    assert mail.outbox == []
