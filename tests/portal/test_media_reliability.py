"""Uploads and the media folder: files no record names are deleted by the daily purge once they are
old enough; /healthz says "degraded" when the media folder takes no file or is nearly full."""

import io
import os
import time

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command

from angebote.models import MoebelspendeFoto
from tests.factories import BewerbungFactory, MoebelspendeFactory
from tests.portal.test_database_settings import production_settings

pytestmark = pytest.mark.django_db


def private(name):
    return f"{settings.PORTAL_PRIVATE_UPLOAD_DIR}/{name}"


def stored(name, hours_old):
    """A file stored in the private upload folder `hours_old` hours ago."""
    name = default_storage.save(name, ContentFile(b"photo bytes"))
    then = time.time() - hours_old * 3600
    os.utime(default_storage.path(name), (then, then))
    return name


def test_the_purge_deletes_old_files_no_record_names_and_keeps_the_rest(site_pages):
    foto = MoebelspendeFoto(spende=MoebelspendeFactory(), content_type="image/png")
    foto.datei = stored(private("moebelspenden/foto.png"), hours_old=48)
    foto.save()
    bewerbung = BewerbungFactory()
    cv = bewerbung.lebenslauf.name
    os.utime(default_storage.path(cv), (time.time() - 48 * 3600,) * 2)
    orphan = stored(private("moebelspenden/verwaist.png"), hours_old=48)
    truncated = stored(private("wohnungen/abgebrochen.png"), hours_old=30)
    in_progress = stored(private("moebelspenden/gerade-gespeichert.png"), hours_old=1)
    public_image = stored("original_images/bild.png", hours_old=48)

    out = io.StringIO()
    call_command("purge_submissions", stdout=out)
    assert "Deleted 2 uploaded files no record names." in out.getvalue()
    assert not default_storage.exists(orphan) and not default_storage.exists(truncated)
    assert default_storage.exists(foto.datei.name) and default_storage.exists(cv)
    assert default_storage.exists(in_progress), "an upload still being stored is kept"
    assert default_storage.exists(public_image), "only the private upload folder is purged"
    foto.datei.open()
    assert foto.datei.read() == b"photo bytes"


def test_healthz_is_ok_while_the_media_folder_takes_files(client):
    response = client.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})
    assert os.listdir(settings.MEDIA_ROOT) == [], "the probe file is deleted again"


def test_healthz_is_degraded_when_the_media_folder_takes_no_file(client, settings, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")  # a file where the folder should be: nothing can be written there
    settings.MEDIA_ROOT = blocked / "media"
    response = client.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"status": "degraded"})
    assert str(tmp_path) not in response.content.decode()


def test_healthz_is_degraded_when_the_media_folder_is_nearly_full(client, settings):
    settings.PORTAL_MEDIA_MIN_FREE_MB = 10**12  # more than any disk has free
    response = client.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"status": "degraded"})
    assert "media" not in response.content.decode()


def test_production_takes_the_media_thresholds_from_the_environment(monkeypatch):
    monkeypatch.setenv("MEDIA_MIN_FREE_MB", "2048")
    monkeypatch.setenv("ORPHAN_FILE_HOURS", "6")
    production = production_settings(monkeypatch, "sqlite:////srv/portal/db.sqlite3")
    assert production.PORTAL_MEDIA_MIN_FREE_MB == 2048
    assert production.PORTAL_ORPHAN_FILE_HOURS == 6
