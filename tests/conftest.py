import time
from importlib import import_module
from types import SimpleNamespace

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db.models.query import QuerySet
from django.urls import reverse
from wagtail.models import Locale, Page, Site

from portal import roles
from tests import factories

ANONYMOUS = "anonymous"
ACCOUNT = "Konto"
SUPERUSER = "superuser"
ALL_ROLES = [ANONYMOUS, ACCOUNT, *roles.ALL_ROLES, SUPERUSER]


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


# Data migrations whose rows a transactional test's flush removes (they are idempotent).
DATA_MIGRATIONS = [
    ("portal.migrations.0002_roles", "create_roles"),
    ("home.migrations.0003_redaktion_hinweis_permissions", "grant"),
    ("angebote.migrations.0002_lebensbereiche_sprachen_rollen", "create"),
    ("veranstaltungen.migrations.0002_kategorien_rollen", "create"),
    ("ehrenamt.migrations.0004_verein_dokumente", "create"),
    ("beirat.migrations.0002_rollen_sammlung_workflow", "create"),
    ("beirat.migrations.0003_redaktion_ohne_beirat_dokumente", "move"),
    ("intern.faelle.migrations.0002_teamleitung", "create"),
    ("intern.fortbildung.migrations.0002_abteilungen_positionen", "create"),
    ("home.migrations.0008_hinweis_drafts", "grant"),
    ("angebote.migrations.0007_snippet_drafts", "grant"),
    ("beirat.migrations.0004_massnahme_drafts", "grant"),
    ("beirat.migrations.0009_protokollfreigabe_umstellen", "convert"),
]


def restore_migration_data():
    """Put back what migrations create, after a transactional test flushed the database."""
    from django.apps import apps
    from wagtail.models import Collection

    if not Page.objects.filter(depth=1).exists():
        german = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)[0]
        Page.add_root(instance=Page(title="Root", slug="root", locale=german))
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")
    for module, function in DATA_MIGRATIONS:
        getattr(import_module(module), function)(apps, None)


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
    restore_migration_data()
    root = Page.get_first_root_node()
    home = factories.HomePageFactory(parent=root, locale=locales["de"])
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(hostname="testserver", root_page=home, is_default_site=True)
    else:
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
