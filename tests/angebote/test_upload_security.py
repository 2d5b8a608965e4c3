"""Photos of furniture donations (issue 25): encrypted at rest and readable by the coordination only
through its view; decompression bombs and mislabelled files answered at the field; a photo that
cannot be stored keeps the whole donation out."""

import errno
import os

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.utils import translation
from django.utils.translation import gettext

from angebote.models import BegegnungszentrumPage, Moebelspende, MoebelspendeFoto
from portal import roles
from portal.storage import PortalStorage
from tests.angebote.helpers import declared_png, png

pytestmark = pytest.mark.django_db

URL = "/de/begegnungszentrum/moebelspende/"
SPENDE = {
    "name": "Erika Muster",
    "email": "erika@example.org",
    "gegenstaende": "Ein Sofa",
    "abholadresse": "Marktstraße 3",
    "wunschtermine": "Samstags",
}


@pytest.fixture
def zentrum(site_pages):
    page = BegegnungszentrumPage(title="Begegnungszentrum", slug="begegnungszentrum")
    site_pages.home.add_child(instance=page)
    return page


def private_files():
    root = os.path.join(settings.MEDIA_ROOT, settings.PORTAL_PRIVATE_UPLOAD_DIR)
    return [os.path.join(d, f) for d, _, files in os.walk(root) for f in files]


def test_a_photo_is_encrypted_on_disk_and_the_coordination_sees_the_original(client, client_as, zentrum):
    foto = png()
    original = foto.read()
    foto.seek(0)
    assert client.post(URL, {**SPENDE, "fotos": [foto]}).status_code == 302
    gespeichert = MoebelspendeFoto.objects.get()
    path = default_storage.path(gespeichert.datei.name)
    with open(path, "rb") as stored:
        on_disk = stored.read()
    assert original not in on_disk and b"PNG" not in on_disk
    assert os.stat(path).st_mode & 0o777 == 0o600

    response = client_as(roles.EHRENAMTSKOORDINATION).get(
        f"/de/ehrenamt/moebelspenden/{gespeichert.spende_id}/foto/{gespeichert.pk}/"
    )
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == original


def test_a_decompression_bomb_is_refused_at_the_field(client, zentrum):
    response = client.post(URL, {**SPENDE, "fotos": [declared_png(30000, 30000)]})
    assert response.status_code == 200
    assert "zu viele Pixel" in " ".join(response.context["form"].errors["fotos"])
    assert 'value="Erika Muster"' in response.content.decode()
    assert not Moebelspende.objects.exists() and private_files() == []


def test_a_photo_above_the_pixel_limit_is_refused_at_the_field(client, zentrum):
    response = client.post(URL, {**SPENDE, "fotos": [declared_png(8000, 6000)]})  # 48 megapixels
    assert response.status_code == 200
    assert "zu viele Pixel" in " ".join(response.context["form"].errors["fotos"])
    assert not Moebelspende.objects.exists()


@pytest.mark.parametrize("name", ["x.html", "bild." + "x" * 300, "../../evil.svg"])
def test_a_photo_is_stored_under_a_random_name_with_the_extension_of_its_type(client, zentrum, name):
    assert client.post(URL, {**SPENDE, "fotos": [png(name)]}).status_code == 302
    gespeichert = MoebelspendeFoto.objects.get()
    directory, filename = os.path.split(gespeichert.datei.name)
    assert directory == f"{settings.PORTAL_PRIVATE_UPLOAD_DIR}/moebelspenden"
    assert filename.endswith(".png") and len(filename) == 32 + 4 and ".html" not in filename


def test_a_photo_that_cannot_be_stored_keeps_the_whole_donation_out(client, zentrum, monkeypatch):
    save = PortalStorage._save
    calls = []

    def fails_the_second_time(self, name, content):
        calls.append(name)
        if len(calls) == 2:
            raise OSError("No space left on device")
        return save(self, name, content)

    monkeypatch.setattr(PortalStorage, "_save", fails_the_second_time)
    response = client.post(URL, {**SPENDE, "fotos": [png("a.png"), png("b.png", "blue")]})
    assert response.status_code == 200
    assert "konnte nicht gespeichert werden" in " ".join(response.context["form"].errors["fotos"])
    assert 'value="Erika Muster"' in response.content.decode()
    assert not Moebelspende.objects.exists() and not MoebelspendeFoto.objects.exists()
    assert private_files() == []  # the first photo, already written, is gone too


def test_a_disk_that_fills_up_while_a_photo_is_written_leaves_no_partial_file(client, zentrum, monkeypatch):
    fdopen = os.fdopen
    opened = []

    class FullDisk:
        """A file on a disk that is full after the first bytes of the second photo."""

        def __init__(self, handle):
            self.file = fdopen(handle, "wb")

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.close()

        def close(self):
            self.file.close()

        def write(self, data):
            self.file.write(data[:100])
            self.file.flush()
            raise OSError(errno.ENOSPC, "No space left on device")

    def opens(handle, mode="r", *args, **kwargs):
        if mode != "wb":
            return fdopen(handle, mode, *args, **kwargs)
        opened.append(handle)
        return fdopen(handle, mode, *args, **kwargs) if len(opened) == 1 else FullDisk(handle)

    with monkeypatch.context() as patch:
        patch.setattr(os, "fdopen", opens)
        response = client.post(URL, {**SPENDE, "fotos": [png("a.png"), png("b.png", "blue")]})
    assert len(opened) == 2
    assert response.status_code == 200
    with translation.override("de"):
        message = gettext("This file could not be stored. Please send the form again, or without the file.")
    assert response.context["form"].errors["fotos"] == [message]
    assert 'value="Erika Muster"' in response.content.decode()
    assert not Moebelspende.objects.exists() and not MoebelspendeFoto.objects.exists()
    assert private_files() == []  # neither the first photo nor the truncated second one
