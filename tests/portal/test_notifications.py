"""Every mail of the portal: in the recipient's language with links in that language, stored
before it is sent, delivered by the worker and retried when the mail server fails."""

import datetime
import re
import smtplib
from decimal import Decimal

import pytest
from django.conf import settings
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.utils import timezone, translation

from angebote import emails as angebote_emails
from angebote.models import AnwohnerAnliegen, Moebelspende
from beirat import emails as beirat_emails
from ehrenamt import emails as ehrenamt_emails
from home import emails as home_emails
from intern.faelle import emails as faelle_emails
from intern.fortbildung import emails as fortbildung_emails
from intern.personal import emails as personal_emails
from patenschaften import emails as patenschaften_emails
from patenschaften.models import Patenschaft, Patensuche
from portal import emails as portal_emails
from portal.models import Mail
from portal.notifications import Notification, Recipient
from stellen import emails as stellen_emails
from stellen.models import Bewerbung
from tests import factories
from veranstaltungen import emails as veranstaltungen_emails
from verein import emails as verein_emails
from wohnraum import emails as wohnraum_emails
from wohnraum.models import Wohnungsangebot

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
URL = re.compile(r"https?://\S+")


def _user(language):
    return factories.UserFactory(preferred_language=language, first_name="Amal")


def _volunteer(language):
    return factories.volunteer(user__preferred_language=language, user__first_name="Amal")


def _schicht():
    return factories.SchichtFactory(absagegrund="Krankheit")


def _mitglied(language):
    return factories.MitgliedFactory(sprache=language, austritt=datetime.date(2026, 11, 30))


def _neuer_mitgliedsantrag(language):
    factories.UserFactory(roles=["Vorstand"], preferred_language=language)
    return verein_emails.NeuerMitgliedsantrag(_mitglied(language), offen=2)


def _platz_abgesagt(language):
    factories.UserFactory(roles=["Ehrenamtskoordination"], preferred_language=language)
    schicht = factories.SchichtFactory()
    einsatz = schicht.einsaetze.create(freiwillige=_volunteer(language), status="abgemeldet")
    return ehrenamt_emails.PlatzAbgesagt(einsatz, grund="Krank", nachgerueckt=[], frei=1)


def _protokoll():
    return factories.ProtokollFactory()


def _anmeldung(language):
    from wagtail.models import Site

    from veranstaltungen.models import VeranstaltungPage

    event = VeranstaltungPage.objects.filter(slug="cafe").first()
    if event is None:
        index = factories.VeranstaltungenIndexPageFactory(parent=Site.objects.get(is_default_site=True).root_page)
        event = factories.VeranstaltungPageFactory(parent=index, slug="cafe", anmeldung=True, kapazitaet=5)
    return factories.VeranstaltungAnmeldungFactory(veranstaltung=event, name="Amal", sprache=language)


def _barrierenmeldung(language):
    return factories.BarrierenmeldungFactory(
        barriere="Das Video hat keine Untertitel.", seite="/de/", email="leserin@example.org", sprache=language
    )


# Each notification class of the portal, built for a recipient of the given language.
EXAMPLES = {
    angebote_emails.MoebelspendeEingang: lambda lang: angebote_emails.MoebelspendeEingang(
        Recipient.of_submission("spender@example.org", lang),
        spende=Moebelspende(name="Amal", gegenstaende="Sofa", abholadresse="Marktstraße 1", wunschtermine="Mo"),
    ),
    wohnraum_emails.WohnungsangebotEingang: lambda lang: wohnraum_emails.WohnungsangebotEingang(
        Recipient.of_submission("vermieter@example.org", lang),
        angebot=Wohnungsangebot(
            name="Amal",
            adresse="Marktstraße 1",
            zimmer=Decimal("2.5"),
            flaeche=Decimal("61.5"),
            warmmiete=Decimal("700.00"),
            frei_ab=datetime.date(2027, 1, 1),
        ),
    ),
    angebote_emails.AnliegenEingang: lambda lang: angebote_emails.AnliegenEingang(
        Recipient.of_submission("nachbar@example.org", lang), anliegen=AnwohnerAnliegen(thema="laerm")
    ),
    angebote_emails.AnliegenFuerSozialhausmeister: lambda lang: angebote_emails.AnliegenFuerSozialhausmeister(
        _user(lang), anliegen=AnwohnerAnliegen(thema="laerm")
    ),
    ehrenamt_emails.SchichtNachgerueckt: lambda lang: ehrenamt_emails.SchichtNachgerueckt(
        _volunteer(lang), schicht=_schicht()
    ),
    ehrenamt_emails.SchichtGeaendert: lambda lang: ehrenamt_emails.SchichtGeaendert(
        _volunteer(lang), schicht=_schicht()
    ),
    ehrenamt_emails.SchichtAbgesagt: lambda lang: ehrenamt_emails.SchichtAbgesagt(_volunteer(lang), schicht=_schicht()),
    ehrenamt_emails.SchichtAusgetragen: lambda lang: ehrenamt_emails.SchichtAusgetragen(
        _volunteer(lang), schicht=_schicht()
    ),
    ehrenamt_emails.SchichtEingetragen: lambda lang: ehrenamt_emails.SchichtEingetragen(
        _volunteer(lang), schicht=_schicht(), position=2
    ),
    ehrenamt_emails.PlatzAbgesagt: _platz_abgesagt,
    ehrenamt_emails.SchichtErinnerung: lambda lang: ehrenamt_emails.SchichtErinnerung(
        _volunteer(lang), schicht=_schicht()
    ),
    ehrenamt_emails.Freigegeben: lambda lang: ehrenamt_emails.Freigegeben(_volunteer(lang)),
    ehrenamt_emails.NichtFreigegeben: lambda lang: ehrenamt_emails.NichtFreigegeben(_volunteer(lang)),
    patenschaften_emails.PatenschaftBegonnen: lambda lang: patenschaften_emails.PatenschaftBegonnen(
        _volunteer(lang), suche=Patensuche(bezeichnung="Familie P-1"), patenschaft=Patenschaft()
    ),
    ehrenamt_emails.NeueBewerbung: lambda lang: ehrenamt_emails.NeueBewerbung(
        factories.EhrenamtsprofilFactory(
            user=factories.UserFactory(roles=["Ehrenamtskoordination"], preferred_language=lang)
        )
    ),
    verein_emails.Mitgliedsantrag: lambda lang: verein_emails.Mitgliedsantrag(
        _mitglied(lang), beitrag=Decimal("24.00")
    ),
    verein_emails.MitgliedsantragDoppelt: lambda lang: verein_emails.MitgliedsantragDoppelt(_mitglied(lang)),
    verein_emails.MitgliedAufgenommen: lambda lang: verein_emails.MitgliedAufgenommen(_mitglied(lang), hat_konto=False),
    verein_emails.MitgliedAbgelehnt: lambda lang: verein_emails.MitgliedAbgelehnt(_mitglied(lang)),
    verein_emails.NeuerMitgliedsantrag: _neuer_mitgliedsantrag,
    verein_emails.MitgliedAusgetreten: lambda lang: verein_emails.MitgliedAusgetreten(_mitglied(lang)),
    stellen_emails.BewerbungEingegangen: lambda lang: stellen_emails.BewerbungEingegangen(
        Recipient.of_submission("bewerberin@example.org", lang), bewerbung=Bewerbung(vorname="Amal"), titel="Bauhof"
    ),
    personal_emails.StatusMitteilung: lambda lang: personal_emails.StatusMitteilung(
        Recipient.of_submission("bewerberin@example.org", lang),
        bewerbung=Bewerbung(
            vorname="Amal",
            stelle_titel="Bauhof",
            status="gespraech",
            gespraech_beginn=datetime.datetime(2026, 12, 14, 10, tzinfo=datetime.UTC),
            gespraech_ende=datetime.datetime(2026, 12, 14, 11, tzinfo=datetime.UTC),
            gespraech_ort="Rathaus, Zimmer 12",
        ),
        status="gespraech",
        gespraech=True,
        nachricht="",
    ),
    faelle_emails.AufgabenFaellig: lambda lang: faelle_emails.AufgabenFaellig(_user(lang)),
    beirat_emails.Einladung: lambda lang: beirat_emails.Einladung(
        _user(lang), sitzung=factories.SitzungFactory(), erneut=False, tagesordnung=[]
    ),
    beirat_emails.ProtokollZurFreigabe: lambda lang: beirat_emails.ProtokollZurFreigabe(
        _user(lang), protokoll=_protokoll()
    ),
    beirat_emails.ProtokollEntschieden: lambda lang: beirat_emails.ProtokollEntschieden(
        _user(lang), protokoll=_protokoll(), freigegeben=True, kommentar=""
    ),
    beirat_emails.ProtokollFreigegeben: lambda lang: beirat_emails.ProtokollFreigegeben(
        _user(lang), protokoll=_protokoll()
    ),
    fortbildung_emails.KursterminNachgerueckt: lambda lang: fortbildung_emails.KursterminNachgerueckt(
        _user(lang), termin=factories.KursterminFactory()
    ),
    fortbildung_emails.KursterminGeaendert: lambda lang: fortbildung_emails.KursterminGeaendert(
        _user(lang), termin=factories.KursterminFactory()
    ),
    fortbildung_emails.PflichtkursErinnerung: lambda lang: fortbildung_emails.PflichtkursErinnerung(
        _user(lang), kurse=[factories.KursFactory()]
    ),
    veranstaltungen_emails.AnmeldungBestaetigen: lambda lang: veranstaltungen_emails.AnmeldungBestaetigen(
        _anmeldung(lang)
    ),
    veranstaltungen_emails.AnmeldungVorhanden: lambda lang: veranstaltungen_emails.AnmeldungVorhanden(_anmeldung(lang)),
    veranstaltungen_emails.Platz: lambda lang: veranstaltungen_emails.Platz(_anmeldung(lang)),
    veranstaltungen_emails.Warteliste: lambda lang: veranstaltungen_emails.Warteliste(_anmeldung(lang)),
    veranstaltungen_emails.AnmeldungNachgerueckt: lambda lang: veranstaltungen_emails.AnmeldungNachgerueckt(
        _anmeldung(lang)
    ),
    home_emails.BarrierenmeldungEingang: lambda lang: home_emails.BarrierenmeldungEingang(
        Recipient.of_submission("leserin@example.org", lang), meldung=_barrierenmeldung(lang)
    ),
    home_emails.BarrierenmeldungFuerRedaktion: lambda lang: home_emails.BarrierenmeldungFuerRedaktion(
        _user(lang), meldung=_barrierenmeldung(lang)
    ),
    portal_emails.MFAEnrolmentLink: lambda lang: portal_emails.MFAEnrolmentLink(
        _user(lang), token="signiert", minutes=30
    ),
}


# Function words of German sentences: names (of events, places, people) do not contain them.
GERMAN_SENTENCE_WORDS = re.compile(
    r"\b(?:und|oder|der|die|das|Sie|Ihre?n?|bitte|Bitte|für|mit|nicht|ist|sind|wir|Wir|zu|von|den|dem|eine?n?|Hallo)\b"
)


# Names stay German in every language (the Verein, the Beirat); the check ignores them.
PROPER_NAMES = ["Lokales Bündnis für Flüchtlinge", "Beirat für Migration und Integration"]


def _rendered(notification_class, language):
    mail.outbox.clear()
    # The sender's language must not matter: the mail follows the recipient.
    with translation.override("tr" if language != "tr" else "de"):
        assert EXAMPLES[notification_class](language).send() >= 1
    return mail.outbox[-1]


def all_notification_classes():
    def walk(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from walk(sub)

    return {cls for cls in walk(Notification) if cls.template}


def test_every_notification_class_has_an_example():
    assert all_notification_classes() <= set(EXAMPLES)


def test_each_kind_of_mail_has_a_name_of_its_own():
    """A stored mail's kind is its class name: two classes of one name would be one kind in the
    list of mails not sent (the moved-up mails of events and of training sessions were)."""
    names = sorted(cls.__name__ for cls in all_notification_classes())
    assert [name for name in names if names.count(name) > 1] == []


@pytest.mark.parametrize("notification_class", list(EXAMPLES), ids=lambda cls: cls.__name__)
def test_each_mail_is_in_the_recipients_language_with_links_in_that_language(notification_class, site_pages):
    german = _rendered(notification_class, "de")
    for language in LANGUAGES:
        message = _rendered(notification_class, language)
        stored = Mail.objects.latest("pk")
        assert stored.language == language and stored.status == Mail.Status.SENT
        assert message.subject.startswith(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX)
        if language != "de":
            assert message.body != german.body, f"{notification_class.__name__} is German in {language}"
            text = f"{message.subject}\n{message.body}"
            for name in PROPER_NAMES:
                text = text.replace(name, "")
            leaked = GERMAN_SENTENCE_WORDS.findall(text)
            assert not leaked, f"{notification_class.__name__} in {language} has German words: {leaked}"
        for url in URL.findall(message.body):
            # The CMS has no language prefix: it speaks the language of the signed-in account.
            assert url.startswith((f"http://testserver/{language}/", "http://testserver/cms/")), url


def test_a_mail_is_stored_before_it_is_sent_and_encrypted_at_rest(site_pages):
    from django.db import connection

    user = _user("uk")
    faelle_emails.AufgabenFaellig(user).send()
    stored = Mail.objects.get()
    assert stored.to == user.email and stored.status == Mail.Status.SENT and stored.attempts == 1
    with connection.cursor() as cursor:
        cursor.execute("SELECT subject, message FROM portal_mail")
        raw = " ".join(str(value) for value in cursor.fetchone())
    assert user.email not in raw and "testserver" not in raw


class FlakySMTP(EmailBackend):
    """Refuses the first `failures` deliveries, as a mail server that is down for a while."""

    failures = 2
    calls = 0

    def send_messages(self, messages):
        FlakySMTP.calls += 1
        if FlakySMTP.calls <= FlakySMTP.failures:
            raise smtplib.SMTPServerDisconnected("connection refused")
        return super().send_messages(messages)


@pytest.fixture
def flaky_smtp(settings):
    FlakySMTP.calls = 0
    settings.PORTAL_MAIL_DELIVERY_BACKEND = "tests.portal.test_notifications.FlakySMTP"
    return FlakySMTP


def test_a_mail_refused_twice_is_sent_on_the_third_attempt(flaky_smtp, site_pages):
    faelle_emails.AufgabenFaellig(_user("ar")).send()
    stored = Mail.objects.get()
    assert stored.status == Mail.Status.SENT and stored.attempts == 3 and stored.last_error == ""
    assert len(mail.outbox) == 1 and flaky_smtp.calls == 3


def test_after_the_last_attempt_the_mail_is_marked_failed_and_shown_to_administrators(
    flaky_smtp, site_pages, client_as, caplog
):
    flaky_smtp.failures = 100
    faelle_emails.AufgabenFaellig(_user("fa")).send()
    stored = Mail.objects.get()
    assert stored.status == Mail.Status.FAILED and stored.attempts == len(settings.PORTAL_MAIL_RETRY_MINUTES) + 1
    assert "SMTPServerDisconnected" in stored.last_error and "failed after" in caplog.text
    client = client_as("superuser")
    assert stored.to in client.get("/cms/mails/").content.decode()
    flaky_smtp.failures = 0
    client.post(f"/cms/mails/{stored.pk}/erneut/")
    stored.refresh_from_db()
    assert stored.status == Mail.Status.SENT and len(mail.outbox) == 1


def test_only_administrators_see_the_mails_not_sent(client_as):
    response = client_as("Redaktion").get("/cms/mails/")
    assert response.status_code == 302 and response.url == "/cms/"


def test_a_refused_address_stops_no_one_else(settings, site_pages):
    settings.PORTAL_MAIL_DELIVERY_BACKEND = "tests.portal.test_notifications.RefuseOne"
    users = [_user("de"), _user("ar"), _user("uk")]
    RefuseOne.address = users[1].email
    faelle_emails.AufgabenFaellig(users).send()
    assert sorted(m.to[0] for m in mail.outbox) == sorted([users[0].email, users[2].email])
    refused = [stored for stored in Mail.objects.all() if stored.to == users[1].email]
    # "No such user" is final: no further attempts.
    assert [(stored.status, stored.attempts) for stored in refused] == [(Mail.Status.FAILED, 1)]
    assert refused[0].last_error == "SMTPRecipientsRefused: 550"  # no address in plain text


class RefuseOne(EmailBackend):
    address = ""

    def send_messages(self, messages):
        if any(RefuseOne.address in message.to for message in messages):
            raise smtplib.SMTPRecipientsRefused({RefuseOne.address: (550, b"no such user")})
        return super().send_messages(messages)


@pytest.fixture
def database_queue(settings):
    """The production set-up: mails wait in the database until the worker runs."""
    settings.TASKS = {**settings.TASKS, "mails": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    call_command("db_worker", "--backend", "mails", "--batch", "--no-startup-delay", "--interval", "0")


@pytest.fixture
def public_forms(site_pages):
    from angebote.models import BegegnungszentrumPage, SozialhausmeisterPage
    from wohnraum.models import WohnraumPage

    kontakt = factories.AnsprechpartnerFactory(locale=site_pages.home.locale, email="hausmeister@example.org")
    for page in [
        BegegnungszentrumPage(title="Begegnungszentrum", slug="begegnungszentrum"),
        SozialhausmeisterPage(title="Sozialhausmeister", slug="sozialhausmeister", kontakt=kontakt),
        WohnraumPage(title="Wohnraum", slug="wohnraum", intro="<p>Vermieten Sie an die Stadt.</p>"),
    ]:
        site_pages.home.add_child(instance=page)
    factories.VereinPageFactory(parent=site_pages.home)
    factories.StellenangebotPageFactory(parent=factories.StellenIndexPageFactory(parent=site_pages.home))
    start = (timezone.now() + datetime.timedelta(days=5)).replace(microsecond=0)
    return factories.VeranstaltungPageFactory(
        parent=factories.VeranstaltungenIndexPageFactory(parent=site_pages.home),
        slug="vortrag",
        beginn=start,
        ende=start + datetime.timedelta(hours=2),
        anmeldung=True,
        kapazitaet=2,
    )


def every_public_form(event):
    """(URL, data) of each public form, in several languages; uploads are made afresh."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    pdf = SimpleUploadedFile("cv.pdf", b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n", "application/pdf")
    in_a_month = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    return {
        "/uk/begegnungszentrum/moebelspende/": {
            "name": "Olena",
            "email": "olena@example.org",
            "gegenstaende": "Sofa",
            "abholadresse": "Marktstraße 3",
            "wunschtermine": "Samstag",
        },
        "/ar/sozialhausmeister/anliegen/": {"thema": "laerm", "nachricht": "Laut", "kontakt": "amal@example.org"},
        "/fa/verein/antrag/": {
            "vorname": "Sara",
            "nachname": "Karimi",
            "strasse": "Marktstraße 3",
            "plz": "73207",
            "ort": "Plochingen",
            "email": "sara@example.org",
            "geburtsdatum": "1990-05-01",
            "art": "ordentlich",
            "einwilligung_satzung": "on",
            "einwilligung_datenschutz": "on",
        },
        "/tr/wohnraum/angebot/": {
            "adresse": "Filsweg 12",
            "stadtteil": "filstal",
            "flaeche": "75",
            "zimmer": "3",
            "kaltmiete": "600",
            "warmmiete": "780",
            "frei_ab": in_a_month,
            "name": "Ayşe",
            "email": "ayse@example.org",
            "einwilligung": "on",
        },
        "/en/veranstaltungen/vortrag/anmelden/": {
            "datum": event.termine()[0].date.isoformat(),
            "name": "Sam",
            "email": "sam@example.org",
        },
        "/ar/stellen/bauhof/bewerben/": {
            "vorname": "Samir",
            "nachname": "Haddad",
            "email": "samir@example.org",
            "sprachen": "Arabisch",
            "qualifikationen": "Gärtner",
            "lebenslauf": pdf,
            "einwilligung": "on",
        },
    }


RECIPIENTS = {
    "olena@example.org": "uk",
    "amal@example.org": "ar",
    "hausmeister@example.org": "de",
    "sara@example.org": "fa",
    "ayse@example.org": "tr",
    "sam@example.org": "en",
    "samir@example.org": "ar",
}


# The worker closes the database connection between tasks, as in production: real transactions.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_with_the_mail_server_down_forms_work_and_their_mails_arrive_when_it_is_back(
    client, public_forms, database_queue, flaky_smtp, time_machine
):
    flaky_smtp.failures = 100
    for url, data in every_public_form(public_forms).items():
        response = client.post(url, data)
        assert response.status_code in (200, 302), url  # the event registration answers "check your mail"
    queued = {stored.to: stored.language for stored in Mail.objects.filter(status=Mail.Status.QUEUED)}
    assert queued == RECIPIENTS
    assert mail.outbox == []  # nothing is sent inside the request

    run_worker()  # the mail server still refuses: every mail is kept for a later attempt
    assert not Mail.objects.exclude(status=Mail.Status.QUEUED).exists()
    assert set(Mail.objects.values_list("attempts", flat=True)) == {1}

    flaky_smtp.failures = 0
    time_machine.move_to(timezone.now() + datetime.timedelta(minutes=2))
    run_worker()
    assert set(Mail.objects.values_list("status", flat=True)) == {Mail.Status.SENT}
    by_address = {message.to[0]: message for message in mail.outbox}
    with translation.override("uk"):
        assert translation.gettext("Your furniture donation") in by_address["olena@example.org"].subject


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_while_the_worker_is_stopped_mails_wait_in_the_queue(client, public_forms, database_queue):
    url = "/uk/begegnungszentrum/moebelspende/"
    client.post(url, every_public_form(public_forms)[url])
    assert Mail.objects.get().status == Mail.Status.QUEUED and mail.outbox == []
    run_worker()
    assert Mail.objects.get().status == Mail.Status.SENT and mail.outbox[0].to == ["olena@example.org"]


def test_old_mails_are_deleted(site_pages, time_machine):
    faelle_emails.AufgabenFaellig(_user("de")).send()
    time_machine.move_to(timezone.now() + datetime.timedelta(days=settings.PORTAL_MAIL_KEEP_SENT_DAYS + 1))
    call_command("purge_mails")
    assert not Mail.objects.exists()


def test_allauth_mails_take_the_same_way_in_the_readers_language(client, site_pages):
    client.post(
        "/ar/konto/signup/",
        {"email": "neu@example.org", "password1": "ein-langes-Passwort-42", "password2": "ein-langes-Passwort-42"},
    )
    stored = Mail.objects.get()
    assert stored.kind == "allauth:account/email/email_confirmation_signup" and stored.language == "ar"
    assert "http://testserver/ar/konto/confirm-email/" in mail.outbox[0].body


def test_the_account_language_wins_over_the_page_language(client, site_pages):
    user = factories.UserFactory(preferred_language="uk")
    client.post("/de/konto/password/reset/", {"email": user.email})
    assert Mail.objects.get().language == "uk"
    assert "http://testserver/uk/konto/password/reset/key/" in mail.outbox[0].body


def test_a_form_sent_by_someone_with_an_account_is_answered_in_the_accounts_language(site_pages):
    factories.UserFactory(email="olena@example.org", preferred_language="uk")
    angebote_emails.AnliegenEingang(
        Recipient.of_submission("olena@example.org", "de"), anliegen=AnwohnerAnliegen(thema="laerm")
    ).send()
    assert Mail.objects.get().language == "uk"


def test_mails_to_an_account_go_when_it_is_deleted(site_pages, flaky_smtp):
    flaky_smtp.failures = 100
    user = _user("ar")
    faelle_emails.AufgabenFaellig(user).send()
    user.delete()
    assert not Mail.objects.exists()


def test_the_invitation_calendar_links_to_the_meeting_in_the_members_language(site_pages):
    beirat_emails.Einladung(_user("fa"), sitzung=factories.SitzungFactory(), erneut=False, tagesordnung=[]).send()
    ics = mail.outbox[0].attachments[0][1]
    ics = ics.decode() if isinstance(ics, bytes) else ics
    assert "http://testserver/fa/beirat/intern/sitzungen/" in ics.replace("\r\n ", "")
