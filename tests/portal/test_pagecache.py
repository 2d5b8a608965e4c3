"""Anonymous public pages come from the page cache; they are rendered afresh when public content
changes, and nothing personal is ever stored or served from it."""

import re

import pytest
from django.test import Client
from django.utils import timezone

from portal import pagecache, roles
from tests.conftest import SUPERUSER, login, make_user
from tests.factories import (
    EhrenamtsprofilFactory,
    HinweisFactory,
    PageViewRestrictionFactory,
    StandardPageFactory,
    VeranstaltungenIndexPageFactory,
    VeranstaltungPageFactory,
)
from veranstaltungen import schedule

pytestmark = pytest.mark.django_db

STATUS = "X-Page-Cache"


def test_an_anonymous_page_is_rendered_once_and_then_served_from_the_cache(
    client, site_pages, django_assert_num_queries
):
    first = client.get("/de/")
    assert first[STATUS] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/de/")
    assert second[STATUS] == "hit"
    assert second.content == first.content
    assert client.get("/en/")[STATUS] == "miss", "every language is a page of its own"


def test_a_cached_page_keeps_the_policy_whose_nonce_its_body_carries(client, site_pages):
    page = StandardPageFactory(parent=site_pages.home, slug="seite", title="Seite")
    first = client.get(page.url)
    second = client.get(page.url)
    assert second[STATUS] == "hit"
    assert re.search(r"'nonce-[\w-]+'", second["Content-Security-Policy"])
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second.content == first.content


def test_publishing_a_page_renders_every_page_again(client, site_pages):
    client.get("/de/")
    assert client.get("/de/")[STATUS] == "hit"
    site_pages.begriff.title = "Unser gemeinsamer Integrationsbegriff"
    site_pages.begriff.save_revision().publish()
    response = client.get("/de/")
    assert response[STATUS] == "miss"
    assert "Unser gemeinsamer Integrationsbegriff" in response.content.decode(), "the menu shows the new title"


def test_unpublishing_and_moving_pages_render_them_again(client, site_pages):
    page = StandardPageFactory(parent=site_pages.home, slug="umzug", title="Umzug")
    assert client.get("/de/umzug/").status_code == 200
    assert client.get("/de/umzug/")[STATUS] == "hit"
    page.move(site_pages.news, pos="last-child")
    old_address = client.get("/de/umzug/")
    assert old_address.status_code == 301 and old_address["Location"] == "/de/aktuelles/umzug/"
    assert client.get("/de/aktuelles/umzug/").status_code == 200
    page.refresh_from_db()
    page.unpublish()
    assert client.get("/de/aktuelles/umzug/").status_code == 404


def test_a_changed_snippet_shows_at_once(client, site_pages):
    client.get("/de/")
    notice = HinweisFactory(text="Das Rathaus ist am Freitag geschlossen.", gueltig_ab=timezone.localdate())
    assert notice.text in client.get("/de/").content.decode()
    notice.delete()
    assert "Das Rathaus ist am Freitag geschlossen." not in client.get("/de/").content.decode()


def test_a_view_restriction_on_a_cached_page_applies_at_once(client, site_pages):
    page = StandardPageFactory(parent=site_pages.home, slug="bald-privat", title="Bald privat")
    client.get(page.url)
    assert client.get(page.url)[STATUS] == "hit"
    PageViewRestrictionFactory(page=page)
    response = client.get(page.url)
    assert response.status_code == 302 and "/konto/" in response["Location"]


def test_signed_in_visitors_are_never_served_or_stored(client, site_pages):
    client.get("/de/")  # the anonymous page is cached
    login(client, make_user(roles.EHRENAMT))
    response = client.get("/de/")
    assert response[STATUS] == "skip"
    assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]
    assert "/de/konto/logout/" in response.content.decode()
    client.logout()
    anonymous = client.get("/de/")
    assert anonymous[STATUS] in {"hit", "miss"}
    assert "/de/konto/logout/" not in anonymous.content.decode()


def test_a_restricted_page_is_never_stored_for_those_who_may_see_it(client, site_pages):
    page = StandardPageFactory(parent=site_pages.home, slug="mitglieder-info", title="Nur für Mitglieder")
    PageViewRestrictionFactory(page=page)
    login(client, make_user(roles.VEREINSMITGLIED))
    response = client.get(page.url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    client.logout()
    assert client.get(page.url).status_code == 302, "the anonymous visitor is sent to the login"


def test_forms_with_a_csrf_token_are_never_cached(client, site_pages):
    for _ in range(2):
        response = client.get("/de/konto/login/")
        assert response.status_code == 200 and 'name="csrfmiddlewaretoken"' in response.content.decode()
        assert response[STATUS] == "skip"
        assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]


def test_a_personal_feed_is_never_cached(client, site_pages):
    profil = EhrenamtsprofilFactory()
    url = f"/de/ehrenamt/kalender/{profil.feed_token}/"
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert response[STATUS] == "skip"
        assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]


def test_a_visitor_with_a_session_bypasses_the_cache(client, site_pages):
    client.get("/de/")
    client.cookies["sessionid"] = "irgendwas"
    assert client.get("/de/")[STATUS] == "skip"


def test_the_page_cache_can_be_switched_off(client, site_pages, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    client.get("/de/")
    assert STATUS not in client.get("/de/")


def test_saving_a_draft_keeps_every_cached_page(client, site_pages):
    client.get("/de/")
    assert client.get("/de/")[STATUS] == "hit"
    generation = pagecache.generation()
    site_pages.begriff.title = "Entwurf eines neuen Titels"
    site_pages.begriff.save_revision()
    assert pagecache.generation() == generation, "a draft changes nothing public"
    response = client.get("/de/")
    assert response[STATUS] == "hit"
    assert "Entwurf eines neuen Titels" not in response.content.decode()


def test_deleting_a_page_renders_every_page_again(client, site_pages):
    page = StandardPageFactory(parent=site_pages.home, slug="weg", title="Bald weg", show_in_menus=True)
    assert "Bald weg" in client.get("/de/").content.decode()
    assert client.get("/de/")[STATUS] == "hit"
    page.delete()
    response = client.get("/de/")
    assert response[STATUS] == "miss" and "Bald weg" not in response.content.decode()


def test_a_kept_value_is_computed_once_per_generation(site_pages):
    computed = []

    def compute():
        computed.append(1)
        return {"zahl": len(computed)}

    assert pagecache.kept("probe", compute) == {"zahl": 1}
    assert pagecache.kept("probe", compute) == {"zahl": 1}
    site_pages.begriff.save_revision().publish()
    assert pagecache.kept("probe", compute) == {"zahl": 2}, "a publish starts a new generation"


def test_a_kept_value_is_shared_by_workers_through_the_cache(site_pages, monkeypatch):
    assert pagecache.kept("probe", lambda: ("a", 1)) == ("a", 1)
    monkeypatch.setattr(pagecache, "_copies", pagecache._WorkerCopies(limit=10))  # another worker
    assert pagecache.kept("probe", lambda: ("b", 2)) == ("a", 1), "read from the shared cache"


def test_kept_values_are_never_model_instances(site_pages):
    with pytest.raises(TypeError, match="model instance"):
        pagecache.kept("seiten", lambda: {"home": [site_pages.home]})


def test_a_kept_instance_is_a_copy_of_its_own_for_each_request(site_pages, django_assert_num_queries):
    def load():
        return type(site_pages.begriff).objects.get(pk=site_pages.begriff.pk)

    first = pagecache.kept_instance("seite", load)
    first.title = "Nur in dieser Anfrage"
    with django_assert_num_queries(0):
        second = pagecache.kept_instance("seite", load)
    assert second.pk == site_pages.begriff.pk and second is not first
    assert second.title == site_pages.begriff.title, "a change to one copy reaches no other request"
    site_pages.begriff.title = "Neu veröffentlicht"
    site_pages.begriff.save_revision().publish()
    assert pagecache.kept_instance("seite", load).title == "Neu veröffentlicht", "a publish loads it again"


def test_this_workers_copies_are_bounded():
    copies = pagecache._WorkerCopies(limit=2)
    for number in range(3):
        copies.put("g1", f"key{number}", number)
    assert copies.get("g1", "key0") is pagecache._MISSING, "the oldest goes first"
    assert copies.get("g1", "key2") == 2
    assert copies.get("g2", "key2") is pagecache._MISSING, "another generation has none"


def test_the_request_that_changes_content_prepares_the_dates_for_the_next_visitor(client, site_pages, monkeypatch):
    index = VeranstaltungenIndexPageFactory(parent=site_pages.home)
    VeranstaltungPageFactory(parent=index, slug="sommerfest", title="Sommerfest")
    cancelled = VeranstaltungPageFactory(parent=index, slug="lesung", title="Lesung im Rathaus")
    builds = []
    build = schedule._build
    monkeypatch.setattr(schedule, "_build", lambda *window: builds.append(window) or build(*window))
    editor = login(Client(), make_user(SUPERUSER))

    response = editor.post(f"/cms/pages/{cancelled.pk}/unpublish/")

    assert response.status_code == 302
    assert len(builds) == 1, "the editor's request computed the dates after its response had left"
    listing = client.get(index.url).content.decode()
    assert "Sommerfest" in listing and "Lesung im Rathaus" not in listing
    assert len(builds) == 1, "the next visitor's request found them"


def test_a_failure_while_preparing_is_logged_and_the_next_request_computes_the_dates(
    client, site_pages, monkeypatch, caplog
):
    index = VeranstaltungenIndexPageFactory(parent=site_pages.home)
    VeranstaltungPageFactory(parent=index, slug="sommerfest", title="Sommerfest")
    build = schedule._build
    monkeypatch.setattr(schedule, "_build", lambda *window: 1 / 0)
    editor = login(Client(), make_user(SUPERUSER))
    event = VeranstaltungPageFactory(parent=index, slug="lesung", title="Lesung im Rathaus")

    assert editor.post(f"/cms/pages/{event.pk}/unpublish/").status_code == 302

    assert "Could not prepare dates" in caplog.text
    monkeypatch.setattr(schedule, "_build", build)
    assert "Sommerfest" in client.get(index.url).content.decode()


def test_a_made_up_query_parameter_is_redirected_to_the_url_without_it(client, site_pages):
    """`?r=<random>` must not miss the cache: only the parameters views read stay in the URL."""
    client.get("/de/")
    response = client.get("/de/?r=1234&utm_source=x")
    assert response.status_code == 302
    assert response["Location"] == "/de/"
    assert client.get(response["Location"])[STATUS] == "hit"
    response = client.get("/de/suche/?q=Beratung&r=99&seite=2")
    assert response.status_code == 302
    assert response["Location"] == "/de/suche/?q=Beratung&seite=2"


def test_the_parameters_views_read_are_kept(client, site_pages):
    response = client.get("/de/suche/?q=Beratung&seite=1")
    assert response.status_code == 200


def test_signed_in_views_keep_their_own_parameters(client, site_pages):
    client.cookies["sessionid"] = "irgendwas"
    assert client.get("/de/?r=1").status_code == 200


def test_every_filter_of_a_public_form_is_a_known_parameter(settings):
    from angebote.forms import OfferFilterForm
    from home.forms import SearchForm
    from veranstaltungen.forms import EventFilterForm

    for form in (OfferFilterForm, SearchForm, EventFilterForm):
        assert set(form.base_fields) <= settings.PORTAL_QUERY_PARAMETERS, form.__name__
