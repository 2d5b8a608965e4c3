"""Photos of flat offers (issue 25): encrypted at rest, shown to the housing team as sent; a
decompression bomb or a mislabelled file is answered at the field; nothing half stored."""

import datetime
import os

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.utils import timezone

from portal import roles
from portal.storage import PortalStorage
from tests.angebote.helpers import declared_png, png
from wohnraum.models import WohnraumPage, Wohnungsangebot, WohnungsangebotFoto

pytestmark = pytest.mark.django_db

URL = "/de/wohnraum/angebot/"


@pytest.fixture
def seite(site_pages):
    page = WohnraumPage(title="Wohnraum", slug="wohnraum", intro="<p>Vermieten Sie an die Stadt.</p>")
    site_pages.home.add_child(instance=page)
    return page


def form(**overrides):
    return {
        "adresse": "Filsweg 12",
        "stadtteil": "filstal",
        "flaeche": "75",
        "zimmer": "3",
        "kaltmiete": "600",
        "warmmiete": "780",
        "frei_ab": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
        "name": "Frau Weber",
        "email": "weber@example.org",
        "einwilligung": "on",
        **overrides,
    }


def test_a_flat_photo_is_encrypted_and_the_housing_team_sees_the_original(client, client_as, seite):
    foto = png("x.html")
    original = foto.read()
    foto.seek(0)
    assert client.post(URL, form(fotos=[foto])).status_code == 302
    gespeichert = WohnungsangebotFoto.objects.get()
    assert gespeichert.datei.name.endswith(".png")  # the type found, never the name sent
    path = default_storage.path(gespeichert.datei.name)
    with open(path, "rb") as stored:
        assert original not in stored.read()
    assert os.stat(path).st_mode & 0o777 == 0o600

    team = client_as(roles.INTEGRATIONSMANAGEMENT)
    response = team.get(f"/de/intern/wohnraum/angebote/{gespeichert.angebot_id}/foto/{gespeichert.pk}/")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == original


def test_a_decompression_bomb_is_refused_at_the_field(client, seite):
    response = client.post(URL, form(fotos=[declared_png(30000, 30000)]))
    assert response.status_code == 200
    assert "zu viele Pixel" in " ".join(response.context["form"].errors["fotos"])
    assert 'value="Filsweg 12"' in response.content.decode()
    assert not Wohnungsangebot.objects.exists()


def test_a_photo_that_cannot_be_stored_keeps_the_whole_offer_out(client, seite, monkeypatch):
    def full_disk(self, name, content):
        raise OSError("No space left on device")

    monkeypatch.setattr(PortalStorage, "_save", full_disk)
    response = client.post(URL, form(fotos=[png()]))
    assert response.status_code == 200
    assert "konnte nicht gespeichert werden" in " ".join(response.context["form"].errors["fotos"])
    assert 'value="Filsweg 12"' in response.content.decode()
    assert not Wohnungsangebot.objects.exists()
    assert not os.path.exists(os.path.join(settings.MEDIA_ROOT, settings.PORTAL_PRIVATE_UPLOAD_DIR, "wohnungen"))
