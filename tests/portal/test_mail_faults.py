"""Mail never breaks a request: with the mail server refusing or hanging, every public form stores
its data once and answers with its success page; the mails wait in the queue. The same form sent
twice within minutes is stored once, and a lost event confirmation can be asked for again."""

import datetime
import smtplib
import socket
import threading
import time

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone

from angebote.models import AnwohnerAnliegen, Moebelspende
from home.models import Barrierenmeldung
from portal.models import Mail
from stellen.models import Bewerbung
from tests.portal.test_notifications import database_queue, every_public_form, public_forms, run_worker  # noqa: F401
from veranstaltungen.models import Anmeldung
from verein.models import Mitglied
from wohnraum.models import Wohnungsangebot

pytestmark = pytest.mark.django_db

RECORDS = [Moebelspende, AnwohnerAnliegen, Mitglied, Wohnungsangebot, Anmeldung, Bewerbung, Barrierenmeldung]
BARRIER = "/uk/barrierefreiheit/meldung/"


class RefusingSMTP(EmailBackend):
    """A mail server that says no to everything."""

    def send_messages(self, messages):
        raise smtplib.SMTPException("454 service not available")


@pytest.fixture
def refusing_smtp(settings):
    settings.PORTAL_MAIL_DELIVERY_BACKEND = "tests.portal.test_mail_faults.RefusingSMTP"


def all_forms(event):
    forms = every_public_form(event)
    forms[BARRIER] = {"barriere": "Der Knopf ist zu klein.", "seite": "/uk/angebote/", "email": "olena@example.org"}
    return forms


def stored():
    return {model.__name__: model.objects.count() for model in RECORDS}


def test_with_the_mail_server_refusing_every_form_answers_its_success_page_and_staff_see_the_failed_mails(
    client,
    public_forms,  # noqa: F811 - a fixture of test_notifications
    refusing_smtp,
    client_as,
):
    for url, data in all_forms(public_forms).items():
        response = client.post(url, data)
        assert response.status_code in (200, 302), url
        if response.status_code == 302:
            assert response.url.endswith("/danke/"), url
        else:  # the event registration answers at once
            assert "Please check your email" in response.content.decode()
    assert set(stored().values()) == {1}
    failed = Mail.objects.filter(status=Mail.Status.FAILED)
    assert failed.count() == Mail.objects.count() > 0 and mail.outbox == []
    listing = client_as("superuser").get("/cms/mails/").content.decode()
    assert all(one.to in listing for one in failed)


def test_the_same_form_sent_twice_is_stored_once_and_answered_the_same(client, public_forms):  # noqa: F811
    for url, data in all_forms(public_forms).items():
        first = client.post(url, data)
        mails = Mail.objects.count()
        second = client.post(url, all_forms(public_forms)[url])  # uploads afresh, same content
        assert second.status_code == first.status_code, url
        assert getattr(second, "url", None) == getattr(first, "url", None), url
        repeated = Mail.objects.count() - mails
        if "anmelden" in url:  # one registration; asking again sends its link again (see below)
            assert repeated == 1 and Mail.objects.first().kind == "AnmeldungVorhanden"
        else:
            assert repeated == 0, url  # no second confirmation either
    assert set(stored().values()) == {1}


def test_different_content_is_a_new_submission(client, site_pages):
    client.post(BARRIER, {"barriere": "Der Knopf ist zu klein.", "email": "olena@example.org"})
    client.post(BARRIER, {"barriere": "Der Kontrast ist zu schwach.", "email": "olena@example.org"})
    assert Barrierenmeldung.objects.count() == 2


def test_the_same_form_after_the_repeat_window_is_stored_again(client, site_pages, settings, time_machine):
    client.post(BARRIER, {"barriere": "Der Knopf ist zu klein."})
    time_machine.move_to(timezone.now() + datetime.timedelta(minutes=settings.PORTAL_PUBLIC_FORM_REPEAT_MINUTES + 1))
    client.post(BARRIER, {"barriere": "Der Knopf ist zu klein."})
    assert Barrierenmeldung.objects.count() == 2


def test_a_registration_whose_confirmation_failed_asks_for_it_again_by_registering_again(
    client,
    public_forms,  # noqa: F811
    settings,
):
    url = "/en/veranstaltungen/vortrag/anmelden/"
    data = every_public_form(public_forms)[url]
    settings.PORTAL_MAIL_DELIVERY_BACKEND = "tests.portal.test_mail_faults.RefusingSMTP"
    page = client.post(url, data).content.decode()
    assert "Send confirmation again" in page and f'href="{url}"' in page
    assert Mail.objects.get().status == Mail.Status.FAILED
    settings.PORTAL_MAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # the same address and date again: the link comes again, the registration stays one
    page = client.post(url, data).content.decode()
    assert "Please check your email" in page
    anmeldung = Anmeldung.objects.get()
    assert anmeldung.status == Anmeldung.Status.UNBESTAETIGT
    [message] = mail.outbox
    confirm = f"/en/veranstaltungen/vortrag/anmelden/bestaetigen/{anmeldung.token}/"
    assert confirm in message.body
    client.post(confirm)
    anmeldung.refresh_from_db()
    assert anmeldung.status == Anmeldung.Status.BESTAETIGT


class RefusingService(EmailBackend):
    """A mail server that greets with 554: it refuses its service, whatever the mail."""

    refusing = True

    def send_messages(self, messages):
        if RefusingService.refusing:
            raise smtplib.SMTPConnectError(554, b"5.3.2 service not available")
        return super().send_messages(messages)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_server_refusing_its_service_is_asked_again_later(
    client,
    site_pages,
    settings,
    database_queue,  # noqa: F811
    time_machine,
):
    settings.PORTAL_MAIL_DELIVERY_BACKEND = "tests.portal.test_mail_faults.RefusingService"
    RefusingService.refusing = True
    response = client.post(BARRIER, {"barriere": "Der Knopf ist zu klein.", "email": "olena@example.org"})
    assert response.status_code == 302
    run_worker()
    kept = set(Mail.objects.values_list("status", "attempts", "last_error"))
    assert kept == {(Mail.Status.QUEUED, 1, "SMTPConnectError: 554")}, "kept for a later attempt, not failed"
    RefusingService.refusing = False
    time_machine.move_to(timezone.now() + datetime.timedelta(minutes=2))
    run_worker()
    assert set(Mail.objects.values_list("status", flat=True)) == {Mail.Status.SENT}
    assert ["olena@example.org"] in [message.to for message in mail.outbox]


class SilentServer:
    """A mail server that accepts the connection and never answers."""

    def __init__(self):
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.port = self.socket.getsockname()[1]
        self.connections = []
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                self.connections.append(self.socket.accept()[0])
            except OSError:
                return

    def close(self):
        for connection in self.connections:
            connection.close()
        self.socket.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_hanging_mail_server_holds_up_neither_the_form_nor_the_worker(
    client,
    site_pages,
    settings,
    database_queue,  # noqa: F811
):
    server = SilentServer()
    settings.PORTAL_MAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", server.port, 1
    try:
        started = time.monotonic()
        response = client.post(BARRIER, {"barriere": "Der Knopf ist zu klein."})
        assert response.status_code == 302 and time.monotonic() - started < 5
        started = time.monotonic()
        run_worker()
        assert time.monotonic() - started < 10  # EMAIL_TIMEOUT ends the attempt
    finally:
        server.close()
    kept = Mail.objects.get()
    assert kept.status == Mail.Status.QUEUED and kept.attempts == 1 and "timed out" in kept.last_error
