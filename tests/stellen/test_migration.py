"""The move of the job postings and applications from `personal` to `stellen` keeps every row: an
application stored before the move, with its encrypted details, its posting and HR's history, is
all there afterwards, and the posting page still opens as a job posting."""

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from wagtail.models import Page

from intern.personal.models import Verlauf
from stellen.models import Bewerbung, StellenangebotPage
from tests.factories import StellenangebotPageFactory, StellenIndexPageFactory

BEFORE = [("personal", "0002_gespraech_mail_eingang"), ("stellen", None)]  # stellen not yet there


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_move_to_stellen_keeps_every_application_and_its_history(site_pages):
    index = StellenIndexPageFactory(parent=site_pages.home)
    stelle = StellenangebotPageFactory(parent=index)
    eingegangen = timezone.now()
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(BEFORE)
        old = executor.loader.project_state([BEFORE[0]]).apps
        OldContentType = old.get_model("contenttypes", "ContentType")
        page_type = OldContentType.objects.get(pk=Page.objects.get(pk=stelle.pk).content_type_id)
        assert (page_type.app_label, page_type.model) == ("personal", "stellenangebotpage")
        bewerbung = old.get_model("personal", "Bewerbung").objects.create(
            stelle_id=stelle.pk,
            stelle_titel="Mitarbeit im Bauhof",
            bereich="bauhof",
            eingegangen=eingegangen,
            sprache="ar",
            status="gespraech",
            gespraech_ort="Rathaus, Zimmer 12",
            vorname="Samir",
            nachname="Haddad",
            email="samir@example.org",
            telefon="0711 123456",
            adresse="Filsweg 1",
            sprachen="Arabisch, Deutsch B1",
            qualifikationen="Gärtner in Aleppo",
            lebenslauf="private/bewerbungen/abc.pdf",
            einwilligung_am=eingegangen,
            anerkannter_fluechtling=True,
        )
        old.get_model("personal", "Verlauf").objects.create(
            bewerbung=bewerbung, zeitpunkt=eingegangen, status="gespraech", notiz="Guter Eindruck", nachricht="Hallo"
        )
    finally:  # whatever happens, the tests after this one find the current schema
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
        ContentType.objects.clear_cache()

    gespeichert = Bewerbung.objects.get()
    assert gespeichert.pk == bewerbung.pk and gespeichert.stelle == stelle
    assert (gespeichert.vorname, gespeichert.nachname, gespeichert.email) == ("Samir", "Haddad", "samir@example.org")
    assert (gespeichert.telefon, gespeichert.adresse) == ("0711 123456", "Filsweg 1")
    assert (gespeichert.sprachen, gespeichert.qualifikationen) == ("Arabisch, Deutsch B1", "Gärtner in Aleppo")
    assert gespeichert.anerkannter_fluechtling is True and gespeichert.lebenslauf.name == "private/bewerbungen/abc.pdf"
    assert gespeichert.eingegangen == eingegangen and gespeichert.status == "gespraech"
    schritt = Verlauf.objects.get()
    assert schritt.bewerbung == gespeichert and list(gespeichert.verlauf.all()) == [schritt]
    assert (schritt.notiz, schritt.nachricht) == ("Guter Eindruck", "Hallo")
    with connection.cursor() as cursor:  # still encrypted at rest
        cursor.execute("SELECT nachname FROM personal_bewerbung WHERE id = %s", [gespeichert.pk])
        assert "Haddad" not in str(cursor.fetchone()[0])
    # The page (and its revisions, permissions, translations) keep their content type, now in `stellen`.
    assert isinstance(Page.objects.get(pk=stelle.pk).specific, StellenangebotPage)
    assert stelle.bewerbungen.get() == gespeichert
    assert not ContentType.objects.filter(app_label="personal", model__in=["bewerbung", "stellenangebotpage"]).exists()
    assert Permission.objects.filter(content_type__app_label="stellen", codename="view_bewerbung").exists()
