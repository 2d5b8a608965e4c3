import threading
import time
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import connections
from django.db.models.query import QuerySet
from django.urls import reverse
from wagtail.models import Locale, Page, Site

from portal import roles
from tests import factories

ANONYMOUS = "anonymous"
ACCOUNT = "Konto"
SUPERUSER = "superuser"
ALL_ROLES = [ANONYMOUS, ACCOUNT, *roles.ALL_ROLES, SUPERUSER]


def _django_db_arguments(transaction=False, reset_sequences=False, databases=None, serialized_rollback=False, **_):
    return transaction or reset_sequences, serialized_rollback


def pytest_collection_modifyitems(config, items):
    """Every transactional test (live server, browser, concurrency, migrations) uses Django's serialized
    rollback: it starts from what the migrations created (roles, groups, permissions, the page root) and
    its flush leaves an empty database. pytest-django runs a worker's ordinary tests before its
    transactional ones (`-n auto` hands each worker its tests in that order), so no ordinary test comes
    after a flush. A transactional test without it would start from an empty database: refused here."""
    missing = []
    for item in items:
        marker = item.get_closest_marker("django_db")
        fixtures = getattr(item, "fixturenames", ())
        if marker is not None:
            transactional, serialized = _django_db_arguments(*marker.args, **marker.kwargs)
        else:
            transactional, serialized = False, "django_db_serialized_rollback" in fixtures
        if (transactional or "transactional_db" in fixtures or "live_server" in fixtures) and not serialized:
            missing.append(item.nodeid)
    if missing:
        raise pytest.UsageError(
            "Transactional tests need pytest.mark.django_db(transaction=True, serialized_rollback=True):\n"
            + "\n".join(missing)
        )


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters live in the cache: every test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def django_assert_max_num_queries(django_assert_max_num_queries, settings):
    """Query budgets measure rendering: the page cache would answer a repeated request with none."""
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    return django_assert_max_num_queries


def post_at_once(clients, url):
    """Each signed-in client posts to `url` at the same moment (one thread each); their status codes."""
    start = threading.Barrier(len(clients))

    def post(client):
        try:
            start.wait()
            return client.post(url).status_code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=len(clients)) as pool:
        return list(pool.map(post, clients))


def totp_code(secret):
    """The code an authenticator app shows now. Like a person, a test waits for the next code when
    this one changes within seconds: allauth accepts the current code only, and a slow browser would
    submit it too late."""
    left = 30 - time.time() % 30
    if left < 10:
        time.sleep(left + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES}


@pytest.fixture
def no_search_index_updates(settings):
    """For tests that create hundreds of pages and never search them: the search backend's documented
    AUTO_UPDATE switch. (On PostgreSQL, each saved page rewrites the title norms of every entry, so
    creating 300 pages took 11 minutes.)"""
    settings.WAGTAILSEARCH_BACKENDS = {
        name: {**options, "AUTO_UPDATE": False} for name, options in settings.WAGTAILSEARCH_BACKENDS.items()
    }


@pytest.fixture
def slow_count(monkeypatch):
    """Widen the gap between counting places and saving, as a slow database would under load."""
    count = QuerySet.count

    def slow(self):
        result = count(self)
        time.sleep(0.05)
        return result

    monkeypatch.setattr(QuerySet, "count", slow)


@pytest.fixture
def site_pages(locales):
    """A German page tree as seed_demo builds it, small: one of each page type."""
    root = Page.get_first_root_node()
    home = factories.HomePageFactory(parent=root, locale=locales["de"])
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    site.root_page = home
    site.hostname = "testserver"
    site.save()
    welcome.delete()
    begriff = factories.IntegrationsbegriffPageFactory(parent=home, show_in_menus=True)
    felder = factories.HandlungsfeldIndexPageFactory(parent=home, show_in_menus=True)
    feld = factories.HandlungsfeldPageFactory(parent=felder, slug="handlungsfeld-1", nummer=1)
    news = factories.NewsIndexPageFactory(parent=home, show_in_menus=True)
    article = factories.NewsArticlePageFactory(parent=news, slug="meldung")
    legal = {
        slug: factories.StandardPageFactory(parent=home, slug=slug, title=title)
        for slug, title in [("impressum", "Impressum"), ("datenschutz", "Datenschutzerklärung")]
    }
    legal["barrierefreiheit"] = factories.BarrierefreiheitPageFactory(parent=home)
    return SimpleNamespace(
        home=home, begriff=begriff, felder=felder, feld=feld, news=news, article=article, legal=legal, site=site
    )


def login(client, user, mfa=True, reauthenticated=False, password=factories.PASSWORD):
    """Sign in as a person would, through allauth's login and, where the user has TOTP and `mfa` is
    asked for, its second step. `mfa=False` leaves a user with TOTP in a session that has not passed
    it (as one begun before TOTP was set up). Accounts without anything allauth would check are
    signed in with Django's force_login, which is faster."""
    totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if (totp is not None and not mfa) or (totp is None and not reauthenticated):
        client.force_login(user)
        return client
    # The code must be checked in the 30 seconds it was computed in: the clock stands still meanwhile.
    # allauth takes each code once: a second sign-in of the same person in a test waits for the next.
    window = int(time.time()) // 30
    used = f"tests:totp-window:{user.pk}"
    if totp is not None and cache.get(used, -1) >= window:
        window = cache.get(used) + 1
    cache.set(used, window)
    with time_machine.travel(max(time.time(), window * 30), tick=False):
        response = client.post(reverse("account_login"), {"login": user.email, "password": password})
        assert response.status_code == 302, f"login of {user.email} failed"
        if totp is not None:
            code = format_hotp_value(hotp_value(decrypt(totp.data["secret"]), int(time.time()) // 30))
            response = client.post(reverse("mfa_authenticate"), {"code": code})
            assert response.status_code == 302 and "_auth_user_id" in client.session, f"TOTP of {user.email} refused"
        if reauthenticated:
            response = client.post(reverse("account_reauthenticate"), {"password": password})
            assert response.status_code == 302, f"reauthentication of {user.email} failed"
    # The start page would have shown allauth's "signed in" message: the next page starts without it.
    client.cookies.pop(CookieStorage.cookie_name, None)
    return client


def make_user(role):
    if role == ANONYMOUS:
        return None
    if role == SUPERUSER:
        user = factories.UserFactory(is_superuser=True, is_staff=True)
    else:
        user = factories.UserFactory(roles=[role] if role in roles.ALL_ROLES else [])
    if roles.requires_mfa(user):
        factories.activate_totp(user)
    return user


@pytest.fixture
def client_as(client, db):
    """client_as(role) -> the test client signed in with that role (MFA done where needed)."""

    def _client_as(role):
        user = make_user(role)
        if user is not None:
            login(client, user)
        client.user = user
        return client

    return _client_as


@pytest.fixture(params=ALL_ROLES)
def role(request):
    return request.param
