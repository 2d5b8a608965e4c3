"""Recruitment: a recognised refugee applies in Arabic to a Bauhof posting and moves through HR's
pipeline; uploads are checked; the refugee status is counted only with consent and never shown;
every read is audited; rejected applications are deleted after six months."""

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from intern.audit.models import AuditEintrag
from intern.personal.models import Bewerbung, Einstellung
from portal.demo import translate_page
from tests.conftest import login
from tests.factories import StellenangebotPageFactory, StellenIndexPageFactory, hr_user

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def cv(content=PDF, name="lebenslauf.pdf"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def stelle(site_pages, locales):
    index = StellenIndexPageFactory(parent=site_pages.home)
    posting = StellenangebotPageFactory(parent=index)
    translate_page(index, locales["ar"], {})
    translate_page(posting, locales["ar"], {"Mitarbeit im Bauhof": {"ar": "العمل في Bauhof"}})
    return posting


def application(**overrides):
    return {
        "vorname": "Samir",
        "nachname": "Haddad",
        "email": "samir@example.org",
        "telefon": "0711 123456",
        "sprachen": "Arabisch, Deutsch B1",
        "qualifikationen": "Gärtner in Aleppo, 8 Jahre",
        "lebenslauf": cv(),
        "fluechtling": "ja",
        "statistik_einwilligung": "on",
        "einwilligung": "on",
        **overrides,
    }


def test_the_posting_says_what_is_needed_and_links_to_recognition_advice(client, stelle):
    page = client.get("/ar/stellen/bauhof/").content.decode()
    assert 'lang="ar" dir="rtl"' in page
    assert "العمل في Bauhof" in page
    assert "https://www.anerkennung-in-deutschland.de/" in page
    assert "Deutsch etwa A2" in page  # what is needed, in the editors' words


def test_a_recognised_refugee_applies_in_arabic_and_moves_through_the_pipeline(client, stelle):
    form = client.get("/ar/stellen/bauhof/bewerben/").content.decode()
    assert 'id="formular-hilfe"' in form
    response = client.post("/ar/stellen/bauhof/bewerben/", application())
    assert response.status_code == 302 and response.url.endswith("/bewerben/danke/")
    bewerbung = Bewerbung.objects.get()
    assert bewerbung.sprache == "ar" and bewerbung.bereich == "bauhof" and bewerbung.stelle_id == stelle.pk
    assert bewerbung.anerkannter_fluechtling is True
    assert bewerbung.lebenslauf.read() == PDF
    assert mail.outbox[0].to == ["samir@example.org"]
    assert "Samir" in mail.outbox[0].body

    hr = login(Client(), hr_user())
    liste = hr.get("/en/intern/bewerbungen/").content.decode()
    assert "Samir Haddad" in liste
    detail = hr.get(f"/en/intern/bewerbungen/{bewerbung.pk}/").content.decode()
    assert "Gärtner in Aleppo" in detail
    # The self-declared status never reaches the people who decide.
    assert "refugee" not in detail.lower()
    datei = hr.get(f"/en/intern/bewerbungen/{bewerbung.pk}/lebenslauf.pdf")
    assert datei.status_code == 200 and b"".join(datei.streaming_content) == PDF
    assert datei["Content-Disposition"].startswith("attachment") and datei["Content-Security-Policy"] == "sandbox"

    for status in ["gespraech", "hospitation", "angebot", "eingestellt"]:
        response = hr.post(f"/en/intern/bewerbungen/{bewerbung.pk}/", {"status": status, "notiz": f"Schritt {status}"})
        assert response.status_code == 302
    bewerbung.refresh_from_db()
    assert bewerbung.status == "eingestellt"
    assert [v.status for v in bewerbung.verlauf.order_by("zeitpunkt", "pk")] == [
        "eingegangen",
        "gespraech",
        "hospitation",
        "angebot",
        "eingestellt",
    ]
    detail = hr.get(f"/en/intern/bewerbungen/{bewerbung.pk}/").content.decode()
    assert "Schritt hospitation" in detail and "Trial day or internship" in detail
    einstellung = Einstellung.objects.get()
    assert einstellung.anerkannter_fluechtling is True and einstellung.jahr == timezone.localdate().year
    # From now on the status is only counted, no longer linked to the person.
    assert bewerbung.anerkannter_fluechtling is None

    # A hired application is closed.
    response = hr.post(f"/en/intern/bewerbungen/{bewerbung.pk}/", {"status": "abgesagt"})
    assert "This application is closed" in response.content.decode()
    assert Bewerbung.objects.get().status == "eingestellt"

    # Every read is in the audit log.
    reads = AuditEintrag.objects.filter(objekt_id=str(bewerbung.pk), aktion="lesen")
    assert reads.filter(bereich="bewerbung").count() == 3
    assert reads.filter(bereich="bewerbung_lebenslauf").count() == 1
    assert AuditEintrag.objects.filter(bereich="bewerbungen", aktion="liste").count() == 1


@pytest.mark.parametrize(
    "upload,message",
    [
        (cv(b"GIF89a not a pdf", "lebenslauf.pdf"), "This file is not a PDF."),
        (cv(b"%PDF-1.4 cut off without an end", "lebenslauf.pdf"), "This file is not a PDF."),
        (cv(PDF + b"x" * 300, "gross.pdf"), "The file is too large."),
    ],
)
def test_a_cv_that_is_not_a_pdf_or_too_large_is_refused_at_the_field(client, stelle, settings, upload, message):
    settings.PORTAL_UPLOAD_MAX_BYTES = 200
    response = client.post("/en/stellen/bauhof/bewerben/", application(lebenslauf=upload))
    body = response.content.decode()
    assert response.status_code == 200
    assert message in body
    assert 'value="Samir"' in body and "Gärtner in Aleppo" in body
    assert not Bewerbung.objects.exists()


def test_the_status_is_kept_only_with_consent(client, stelle):
    response = client.post("/en/stellen/bauhof/bewerben/", application(statistik_einwilligung=""))
    assert "Please agree that your answer is counted" in response.content.decode()
    assert not Bewerbung.objects.exists()
    client.post("/en/stellen/bauhof/bewerben/", application(fluechtling="", statistik_einwilligung=""))
    assert Bewerbung.objects.get().anerkannter_fluechtling is None


def test_missing_fields_are_shown_at_the_field(client, stelle):
    response = client.post("/en/stellen/bauhof/bewerben/", application(email="kein-at", einwilligung="", lebenslauf=""))
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count('aria-invalid="true"') >= 3
    assert not Bewerbung.objects.exists()


def test_no_form_after_the_deadline(client, stelle):
    stelle.bewerbungsschluss = timezone.localdate() - datetime.timedelta(days=1)
    stelle.save_revision().publish()
    response = client.post("/en/stellen/bauhof/bewerben/", application())
    assert "The application period for this job has ended." in response.content.decode()
    assert not Bewerbung.objects.exists()


def make_application(stelle, **kwargs):
    return Bewerbung.objects.create(
        stelle=stelle,
        stelle_titel=stelle.title,
        bereich=stelle.bereich,
        sprache="de",
        vorname="A",
        nachname="B",
        email="a@example.org",
        sprachen="Deutsch",
        qualifikationen="Q",
        lebenslauf=cv(),
        einwilligung_am=timezone.now(),
        **kwargs,
    )


def test_closed_applications_are_deleted_after_six_months(stelle):
    import time_machine

    abgelehnt = make_application(stelle, status="abgesagt", abgeschlossen_am=timezone.now())
    eingestellt = make_application(stelle, status="eingestellt", abgeschlossen_am=timezone.now())
    offen = make_application(stelle)
    liegen_geblieben = make_application(stelle, status="gespraech")
    storage, datei = abgelehnt.lebenslauf.storage, abgelehnt.lebenslauf.name
    with time_machine.travel(timezone.now() + datetime.timedelta(days=150)):
        call_command("delete_rejected_applications")
    assert Bewerbung.objects.filter(pk__in=[abgelehnt.pk, eingestellt.pk]).count() == 2
    with time_machine.travel(timezone.now() + datetime.timedelta(days=190)):
        call_command("delete_rejected_applications")
        call_command("delete_rejected_applications")
    assert set(Bewerbung.objects.all()) == {offen, liegen_geblieben}
    assert not storage.exists(datei)
    assert AuditEintrag.objects.filter(bereich="bewerbung", aktion="loeschen").count() == 2
    # An application nobody closed goes after a year without any step; a recent note keeps it.
    with time_machine.travel(timezone.now() + datetime.timedelta(days=300)):
        offen.verlauf.create(notiz="Noch in Prüfung")
    with time_machine.travel(timezone.now() + datetime.timedelta(days=370)):
        call_command("delete_rejected_applications")
    assert list(Bewerbung.objects.all()) == [offen]


def hires(jahr, fluechtling, anzahl):
    return [Einstellung(jahr=jahr, bereich="bauhof", anerkannter_fluechtling=fluechtling) for _ in range(anzahl)]


def test_hire_statistics_show_completed_years_and_suppress_what_could_point_to_a_person(stelle):
    jahr = timezone.localdate().year
    Einstellung.objects.bulk_create(
        hires(jahr, True, 7)  # this year: not shown until it is over
        + hires(jahr - 1, True, 2)
        + hires(jahr - 1, False, 6)
        + hires(jahr - 2, True, 5)
        + hires(jahr - 2, None, 6)
        + hires(jahr - 3, True, 6)  # everyone hired that year was a refugee: no breakdown
    )
    page = login(Client(), hr_user()).get("/en/intern/bewerbungen/statistik/").content.decode()
    assert f'<th scope="row">{jahr}</th>' not in page
    # 2 and 6 of 8: the 2 would follow from the total, so the 6 is hidden as well.
    assert f'<th scope="row">{jahr - 1}</th><td>fewer than 5</td><td>not shown</td><td>0</td><td>8</td>' in page
    assert f'<th scope="row">{jahr - 2}</th><td>5</td><td>0</td><td>6</td><td>11</td>' in page
    assert f'<th scope="row">{jahr - 3}</th><td>not shown</td><td>not shown</td><td>not shown</td><td>6</td>' in page


@pytest.mark.parametrize("count", [1, 120])
def test_the_applications_list_has_bounded_queries(stelle, count, django_assert_max_num_queries):
    for _ in range(count):
        make_application(stelle)
    hr = login(Client(), hr_user())
    with django_assert_max_num_queries(30):
        assert hr.get("/en/intern/bewerbungen/").status_code == 200
    with django_assert_max_num_queries(30):
        assert hr.get(f"/en/intern/bewerbungen/{Bewerbung.objects.first().pk}/").status_code == 200
    with django_assert_max_num_queries(45):
        assert Client().get("/de/stellen/").status_code == 200
