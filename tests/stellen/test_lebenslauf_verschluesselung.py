"""The CV of an application (issue 25): encrypted at rest with mode 0600, HR still downloads the
PDF as sent; a CV that cannot be stored keeps the whole application out."""

import os

import pytest
from django.core.files.storage import default_storage
from django.test import Client

from portal.storage import PortalStorage
from stellen.models import Bewerbung
from tests.conftest import login
from tests.factories import hr_user
from tests.stellen.helpers import application, bauhof_stelle, cv

pytestmark = pytest.mark.django_db

CV = b"%PDF-1.4\n1 0 obj << /Title (Lebenslauf Samir Haddad, Gaertner in Aleppo) >> endobj\ntrailer << >>\n%%EOF\n"
URL = "/de/stellen/bauhof/bewerben/"


@pytest.fixture
def stelle(site_pages, locales):
    return bauhof_stelle(site_pages, locales)


def test_the_cv_is_encrypted_on_disk_and_hr_downloads_the_original(client, stelle):
    response = client.post(URL, application(lebenslauf=cv(CV, "lebenslauf.html")))
    assert response.status_code == 302
    bewerbung = Bewerbung.objects.get()
    assert bewerbung.lebenslauf.name.endswith(".pdf")
    path = default_storage.path(bewerbung.lebenslauf.name)
    with open(path, "rb") as stored:
        on_disk = stored.read()
    assert b"Samir Haddad" not in on_disk and b"%PDF" not in on_disk
    assert os.stat(path).st_mode & 0o777 == 0o600

    hr = login(Client(), hr_user())
    datei = hr.get(f"/en/intern/bewerbungen/{bewerbung.pk}/lebenslauf.pdf")
    assert datei.status_code == 200 and datei["Content-Type"] == "application/pdf"
    assert b"".join(datei.streaming_content) == CV


def test_a_cv_that_cannot_be_stored_keeps_the_whole_application_out(client, stelle, monkeypatch):
    def full_disk(self, name, content):
        raise OSError("No space left on device")

    monkeypatch.setattr(PortalStorage, "_save", full_disk)
    response = client.post(URL, application())
    assert response.status_code == 200
    assert "konnte nicht gespeichert werden" in " ".join(response.context["form"].errors["lebenslauf"])
    assert 'value="Samir"' in response.content.decode()
    assert not Bewerbung.objects.exists()
