import datetime

import pytest
from django.utils import timezone

from angebote.models import AngebotPage
from portal import roles
from portal.demo import translate_page
from tests.factories import AngeboteIndexPageFactory, AngebotPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def stale_and_fresh(site_pages):
    finder = AngeboteIndexPageFactory(parent=site_pages.home)
    today = timezone.localdate()
    stale = AngebotPageFactory(
        parent=finder, title="Alte Beratung", zuletzt_geprueft=today - datetime.timedelta(days=400)
    )
    fresh = AngebotPageFactory(
        parent=finder, title="Neue Beratung", zuletzt_geprueft=today - datetime.timedelta(days=20)
    )
    return stale, fresh


def test_cms_lists_offers_not_reviewed_for_twelve_months(client_as, stale_and_fresh):
    client = client_as(roles.REDAKTION)
    html = client.get("/cms/angebote/pruefen/").content.decode()
    assert "Alte Beratung" in html
    assert "Neue Beratung" not in html


def test_one_click_confirms_an_offer_in_every_language(client_as, stale_and_fresh, locales):
    stale, _fresh = stale_and_fresh
    translate_page(stale.get_parent(), locales["ar"], {})
    arabic = translate_page(stale, locales["ar"], {})
    client = client_as(roles.REDAKTION)
    response = client.post(f"/cms/angebote/pruefen/{stale.pk}/")
    assert response.status_code == 302
    today = timezone.localdate()
    assert AngebotPage.objects.get(pk=stale.pk).zuletzt_geprueft == today
    assert AngebotPage.objects.get(pk=arabic.pk).zuletzt_geprueft == today
    client.get("/cms/angebote/pruefen/")  # shows the confirmation message once
    assert "Alte Beratung" not in client.get("/cms/angebote/pruefen/").content.decode()


def test_confirming_needs_post_and_an_editor(client_as, stale_and_fresh):
    stale, _fresh = stale_and_fresh
    assert client_as(roles.REDAKTION).get(f"/cms/angebote/pruefen/{stale.pk}/").status_code == 405


def test_volunteers_cannot_confirm(client_as, stale_and_fresh):
    stale, _fresh = stale_and_fresh
    response = client_as(roles.EHRENAMT).post(f"/cms/angebote/pruefen/{stale.pk}/")
    assert response.status_code == 403
    assert AngebotPage.objects.get(pk=stale.pk).zuletzt_geprueft < timezone.localdate()
