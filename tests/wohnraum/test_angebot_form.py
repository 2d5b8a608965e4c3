"""The landlords' side of the Wohnraum page: the flat offer form keeps what was typed, stores the
offer with its photos, confirms it by email and ignores bots."""

import datetime
import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from wohnraum.models import WohnraumPage, Wohnungsangebot

pytestmark = pytest.mark.django_db


@pytest.fixture
def seite(site_pages):
    page = WohnraumPage(title="Wohnraum", slug="wohnraum", intro="<p>Vermieten Sie an die Stadt.</p>")
    site_pages.home.add_child(instance=page)
    return page


def jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "JPEG")
    return SimpleUploadedFile("wohnung.jpg", buffer.getvalue(), content_type="image/jpeg")


FORM = {
    "adresse": "Filsweg 12",
    "stadtteil": "filstal",
    "flaeche": "75",
    "zimmer": "3",
    "kaltmiete": "600",
    "warmmiete": "780",
    "barrierefrei": "on",
    "name": "Frau Weber",
    "email": "weber@example.org",
    "telefon": "07153 1234",
    "einwilligung": "on",
}


def test_a_landlord_offers_a_flat(seite, client):
    frei_ab = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    response = client.post(
        "/de/wohnraum/angebot/", {**FORM, "warmmiete": "500", "frei_ab": frei_ab, "einwilligung": ""}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert {"warmmiete", "einwilligung"} <= set(form.errors)
    assert 'value="Filsweg 12"' in response.content.decode()
    assert not Wohnungsangebot.objects.exists()

    response = client.post("/ar/wohnraum/angebot/", {**FORM, "frei_ab": frei_ab, "fotos": [jpeg()]})
    assert response.status_code == 302 and response.url.endswith("/wohnraum/angebot/danke/")
    angebot = Wohnungsangebot.objects.get()
    assert (angebot.status, angebot.barrierefrei, angebot.sprache, angebot.fotos.count()) == ("neu", True, "ar", 1)
    assert mail.outbox[0].to == ["weber@example.org"] and "780" in mail.outbox[0].body
    # Issue 25, finding 5: nothing typed as text goes back to an address nobody has confirmed.
    assert "Filsweg 12" not in mail.outbox[0].body and "Weber" not in mail.outbox[0].body

    # The honeypot: a bot gets the thank-you page and nothing is stored.
    client.post("/de/wohnraum/angebot/", {**FORM, "frei_ab": frei_ab, "website": "spam"})
    assert Wohnungsangebot.objects.count() == 1
