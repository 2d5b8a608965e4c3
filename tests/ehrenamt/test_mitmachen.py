import pytest

from tests.conftest import login
from tests.factories import EhrenamtsprofilFactory, MitmachenPageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def mitmachen(site_pages):
    return MitmachenPageFactory(
        parent=site_pages.home,
        einsatzfelder=[{"type": "feld", "value": {"titel": "Kleiderkammer", "text": "<p>Kleidung sortieren.</p>"}}],
    )


def test_public_page_explains_the_fields_and_how_to_start(client, mitmachen):
    page = client.get("/de/mitmachen/").content.decode()
    assert "Kleiderkammer" in page and "Kleidung sortieren." in page
    assert "/de/konto/signup/?next=/de/ehrenamt/mein-profil/" in page


def test_signed_in_visitors_are_led_to_their_next_step(client, mitmachen):
    user = UserFactory()
    login(client, user)
    assert "/de/ehrenamt/mein-profil/" in client.get("/de/mitmachen/").content.decode()
    EhrenamtsprofilFactory(user=user, status="freigegeben")
    assert "/de/ehrenamt/schichten/" in client.get("/de/mitmachen/").content.decode()


def test_account_page_links_to_the_volunteer_area(client, db):
    user = UserFactory()
    login(client, user)
    page = client.get("/de/konto/profil/").content.decode()
    assert "/de/ehrenamt/mein-profil/" in page and "/de/ehrenamt/meine-einsaetze/" not in page
    EhrenamtsprofilFactory(user=user)
    user.groups.add(*type(user).groups.field.related_model.objects.filter(name="Ehrenamt"))
    page = client.get("/de/konto/profil/").content.decode()
    assert "/de/ehrenamt/meine-einsaetze/" in page
