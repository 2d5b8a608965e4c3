"""The portal's storage (issue 25): private uploads encrypted at rest, files stored before encrypted
by a command that can run twice, key rotation covering the files; uploaded documents under random
names, downloaded under their title; the development server serves no file outside the public media
folders, whatever the path."""

import importlib
import os

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import clear_url_caches, resolve
from wagtail.documents import get_document_model

from portal import views
from portal.storage import HEADER

pytestmark = pytest.mark.django_db

SECRET = b"%PDF-1.4 Lebenslauf von Samir Haddad %%EOF"
QUIET = {"stdout": open(os.devnull, "w")}  # noqa: SIM115


@pytest.fixture
def development_urls(settings):
    """The portal's URLs as the development server has them (DEBUG on)."""
    import portal.urls

    settings.DEBUG = True
    importlib.reload(portal.urls)
    clear_url_caches()
    yield portal.urls
    settings.DEBUG = False
    importlib.reload(portal.urls)
    clear_url_caches()


def write(settings, name, content):
    path = os.path.join(settings.MEDIA_ROOT, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as file:
        file.write(content)
    os.chmod(path, 0o644)
    return path


def read(path):
    with open(path, "rb") as file:
        return file.read()


def test_files_stored_before_encryption_are_encrypted_once(settings):
    path = write(settings, "privat/bewerbungen/alt.pdf", SECRET)
    public = write(settings, "images/bild.png", b"public")
    call_command("encrypt_private_uploads", **QUIET)
    encrypted = read(path)
    assert encrypted.startswith(HEADER) and b"Samir" not in encrypted
    assert os.stat(path).st_mode & 0o777 == 0o600
    assert default_storage.open("privat/bewerbungen/alt.pdf").read() == SECRET
    assert read(public) == b"public"  # public media stay as they are

    call_command("encrypt_private_uploads", **QUIET)  # a second run changes nothing
    assert read(path) == encrypted


def test_key_rotation_re_encrypts_the_files(settings):
    old_salt = settings.SALT_KEY[0]
    name = default_storage.save("privat/bewerbungen/cv.pdf", ContentFile(SECRET))
    before = read(default_storage.path(name))

    settings.SALT_KEY = ["new-salt-2027"]  # the old salt dropped too early: refused, nothing changed
    with pytest.raises(CommandError, match="private uploads"):
        call_command("reencrypt_case_data", **QUIET)
    assert read(default_storage.path(name)) == before

    settings.SALT_KEY = ["new-salt-2027", old_salt]
    call_command("reencrypt_case_data", **QUIET)
    assert read(default_storage.path(name)) != before
    settings.SALT_KEY = ["new-salt-2027"]
    assert default_storage.open(name).read() == SECRET  # readable without the old salt


def test_an_uploaded_document_gets_a_random_name_and_is_downloaded_under_its_title(client):
    document = get_document_model().objects.create(
        title="Protokoll Beirat März", file=ContentFile(b"%PDF-1.4 minutes", "protokoll-beirat-2026-03.pdf")
    )
    assert "protokoll" not in document.file.name and document.file.name.endswith(".pdf")
    assert document.file.name.startswith("documents/")
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 minutes"
    assert response["Content-Disposition"] == "inline; filename*=utf-8''Protokoll%20Beirat%20M%C3%A4rz.pdf"


@pytest.mark.parametrize(
    "path",
    [
        "/media/images/../documents/geheim.pdf",
        "/media/images/%2e%2e/documents/geheim.pdf",
        "/media/images/%2E%2E%2Fdocuments%2Fgeheim.pdf",
        "/media/images/..%2f..%2fmedia/documents/geheim.pdf",
        "/media/original_images/../privat/bewerbungen/cv.pdf",
        "/media/documents/geheim.pdf",
        "/media/privat/bewerbungen/cv.pdf",
        "/media/images/link/geheim.pdf",
    ],
)
def test_the_development_server_serves_nothing_outside_the_public_media(client, settings, development_urls, path):
    write(settings, "documents/geheim.pdf", b"Beirat intern")
    write(settings, "privat/bewerbungen/cv.pdf", b"CV")
    write(settings, "images/bild.png", b"public")
    os.symlink(os.path.join(settings.MEDIA_ROOT, "documents"), os.path.join(settings.MEDIA_ROOT, "images", "link"))
    assert client.get("/media/images/bild.png").status_code == 200
    assert resolve("/media/images/../documents/geheim.pdf").func is views.dev_media
    assert client.get(path).status_code == 404


def test_documents_stored_before_get_random_names_once(settings, client):
    old = settings.MEDIA_ROOT / "documents" / "protokoll-beirat-2025-11.pdf"
    old.parent.mkdir(parents=True, exist_ok=True)
    old.write_bytes(b"%PDF-1.4 old minutes")
    document = get_document_model().objects.create(
        title="Protokoll November", file="documents/protokoll-beirat-2025-11.pdf"
    )
    missing = get_document_model().objects.create(title="Verloren", file="documents/verloren.pdf")

    call_command("rename_documents")
    document.refresh_from_db()
    assert "protokoll" not in document.file.name and document.file.name.endswith(".pdf")
    assert not old.exists()
    response = client.get(document.url)
    assert b"".join(response.streaming_content) == b"%PDF-1.4 old minutes"
    missing.refresh_from_db()
    assert missing.file.name == "documents/verloren.pdf"

    name = document.file.name
    call_command("rename_documents")
    document.refresh_from_db()
    assert document.file.name == name
