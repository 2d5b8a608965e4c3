"""Settings shared by every environment. No secrets here; DEBUG stays off."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = False
PORTAL_ENVIRONMENT = "base"

INSTALLED_APPS = [
    # First: a test database restored from its serialized copy (transactional tests) gets the content
    # types before the rows whose models look theirs up on creation (Wagtail's tasks and pages).
    "django.contrib.contenttypes",
    "portal",
    "home",
    "angebote",
    "veranstaltungen",
    "ehrenamt",
    "verein",
    "patenschaften",
    "intern",
    "intern.audit",
    "intern.faelle",
    "wohnraum",
    "intern.fortbildung",
    "stellen",
    "intern.personal",
    "opendaten",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtailmedia",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Imports every app's rules.py: the permissions are registered before the first request.
    "rules.apps.AutodiscoverRulesConfig",
    # After wagtail.admin: its ready() replaces Wagtail's workflow emails for the minutes.
    "beirat",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside the CSP middleware: a cached page keeps the header whose nonce its body carries.
    "portal.pagecache.PageCacheMiddleware",
    "portal.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "portal.middleware.StaffAreaMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "portal" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.portal",
            ],
        },
    },
]


def database_from_url(url, conn_max_age=60):
    """The database settings for `url`; every settings module builds `DATABASES` with this.

    SQLite (one host only, see the README): write transactions start IMMEDIATE and wait up to 20 s
    for the write lock instead of failing with "database is locked", so a capacity check and the
    sign-up it allows run in one transaction and shifts and events are never overbooked; WAL lets
    pages be read while a write runs. Other databases (PostgreSQL): a connection kept between
    requests is checked before it is reused, so a restarted server costs no request an error."""
    database = dj_database_url.parse(url, conn_max_age=conn_max_age)
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        }
    else:
        database["CONN_HEALTH_CHECKS"] = True
    return database


DATABASES = {"default": database_from_url(os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rendered cards (events, offers) in each worker's memory, keyed by the content generation
# (see portal/pagecache.py), so a publish replaces them at once; never shared between workers.
FRAGMENT_CACHE = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
    "TIMEOUT": 3600,
    "OPTIONS": {"MAX_ENTRIES": 5000},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}, "fragments": FRAGMENT_CACHE}
# Anonymous pages are kept whole this long (seconds; 0 switches the page cache off) and dropped
# as soon as public content changes (portal/pagecache.py).
PORTAL_PAGE_CACHE_SECONDS = 300
PORTAL_PAGE_CACHE_ALIAS = "default"
# Each worker compares the cache's content generation with the database's at most this often
# (seconds; 0 never), so a publish whose cache update was lost reaches it within this time.
PORTAL_GENERATION_CHECK_SECONDS = 30
# A worker keeps its own copies of kept values at most this long (seconds), even within one generation.
PORTAL_KEPT_IN_WORKER_SECONDS = 300
# The query parameters that views read for visitors without a session: an anonymous GET with any
# other parameter is redirected to its URL without it (portal/pagecache.py), so that made-up
# parameters (`?r=<random>`) can neither miss the page cache nor the nginx micro-cache. A view
# that reads a new parameter for anonymous visitors adds it here.
PORTAL_QUERY_PARAMETERS = frozenset(
    {
        "seite",  # every paged list; the Barrierefreiheit form's "which page"
        "q",  # site search, offer finder
        "bereich",  # offer finder, job postings
        "status",  # offer finder (residence status)
        "sprache",  # offer finder, events
        "reichweite",  # offer finder
        "kategorie",  # events
        "next",  # the login's destination
        "p",  # sitemap.xml's pages (django.contrib.sitemaps)
    }
)
# Infoblatt PDFs set for one client per hour; a PDF already kept for this content is served freely.
PORTAL_PDF_RENDER_LIMIT = 10
# Kept values are checked to be plain data (no model instances) in development and tests; the check
# walks every item, which costs a production request after each publish ~20 ms on the bench data.
PORTAL_CHECK_KEPT_VALUES = False

AUTH_USER_MODEL = "portal.User"
# Role permissions first (portal/roles.py, the apps' rules.py): they answer without a query.
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "profile"

# allauth: email login, verified email, TOTP + recovery codes.
ACCOUNT_ADAPTER = "portal.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# Only the browser that signed up is signed in by the link (allauth keeps the sign-up in its session).
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Integrationsportal Plochingen] "
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
# Failed logins: ten a minute from one client address (any accounts); five within five minutes for
# one account from one address, the sixth is refused there (portal.adapters.AccountAdapter). An
# account-wide limit would let anyone lock the owner out with five wrong passwords.
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip", "login_failed_from_address": "5/300s/key"}
# Security mails (allauth): password changed or reset, address added or removed, second factor
# added or removed, new recovery codes. They go through the portal's mail queue (portal.adapters).
ACCOUNT_EMAIL_NOTIFICATIONS = True
MFA_ADAPTER = "portal.adapters.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Integrationsportal Plochingen"

LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", _("German")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("fa", _("Persian")),
    ("uk", _("Ukrainian")),
    ("tr", _("Turkish")),
]
# locale_overrides: formal German ("Sie") for allauth, kept apart from makemessages.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_overrides"]
# Dates and times in each language's own format where Django's differ from CLDR (portal/locale_formats).
FORMAT_MODULE_PATH = ["portal.locale_formats"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# A translation started in the CMS is a draft: the public reads the German page until it is published.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False


def machine_translator(environ):
    """Machine-translation drafts (portal/machine_translation.py): DeepL with an API key, or a
    self-hosted LibreTranslate; without either the CMS offers no machine translation."""
    timeout = int(environ.get("MACHINE_TRANSLATION_TIMEOUT", "20"))
    if environ.get("DEEPL_AUTH_KEY"):
        return {
            "CLASS": "portal.machine_translation.DeepL",
            "OPTIONS": {
                "AUTH_KEY": environ["DEEPL_AUTH_KEY"],
                "API_URL": environ.get("DEEPL_API_URL", ""),
                "TIMEOUT": timeout,
            },
        }
    if environ.get("LIBRETRANSLATE_URL"):
        return {
            "CLASS": "portal.machine_translation.LibreTranslate",
            "OPTIONS": {
                "LIBRETRANSLATE_URL": environ["LIBRETRANSLATE_URL"].rstrip("/"),
                "API_KEY": environ.get("LIBRETRANSLATE_API_KEY", ""),
                "TIMEOUT": timeout,
            },
        }
    return None


WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(os.environ)

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "portal" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "portal.storage.PortalStorage"},  # private uploads encrypted (portal/storage.py)
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Integrationsportal Plochingen"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
# The public address of the portal (scheme and host, no path): canonical links, hreflang, Open Graph,
# sitemap.xml and robots.txt name it, whatever host a request came in on (portal/seo.py).
PORTAL_BASE_URL = WAGTAILADMIN_BASE_URL
# Every login, the CMS's included, goes through allauth (rate limit, MFA).
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from third-party servers.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Every mail is stored and queued (portal/notifications.py); the worker (`manage.py db_worker
# --backend mails`) delivers it through PORTAL_MAIL_DELIVERY_BACKEND and retries on failure.
EMAIL_BACKEND = "portal.notifications.QueuedEmailBackend"
PORTAL_MAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Minutes to wait before each further attempt; after the last one the mail is marked failed.
PORTAL_MAIL_RETRY_MINUTES = [1, 5, 15, 60, 240]
EMAIL_TIMEOUT = 10
# Mails hold personal data: `purge_mails` deletes them this many days after delivery / failure.
PORTAL_MAIL_KEEP_SENT_DAYS = 7
PORTAL_MAIL_KEEP_FAILED_DAYS = 30
# Wagtail's own tasks (search and reference index) run at once, as before; mails go to the
# database queue so that a slow or refusing mail server never holds up a request.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "mails": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
DEFAULT_FROM_EMAIL = "Integrationsportal Plochingen <integration@plochingen.example>"
# The city in the pages' structured data (portal/structured_data.py): publisher, organiser of events,
# employer in job postings. `url` is the city's own website (empty: the portal's), `logo` a static file.
PORTAL_ORGANIZATION = {
    "legal_name": "Stadt Plochingen",
    "url": "",
    "logo": "portal/icons/apple-touch-icon.png",
    "address": "Marktplatz 1\n73207 Plochingen",
    "locality": "Plochingen",
    "county": "Landkreis Esslingen",
    "telephone": "",
    "email": "integration@plochingen.example",
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# The search query is capped; longer input gets a message, not a 500.
PORTAL_SEARCH_MAX_LENGTH = 1000
PORTAL_SEARCH_PAGE_SIZE = 10
# Daily hits of search terms (Wagtail's search promotions) are kept as long as the counts of searches
# without results (portal.search.STATISTICS_DAYS); `purge_search_statistics` deletes older ones.
WAGTAILSEARCH_HITS_MAX_AGE = 90
# Searches are counted in each process and written at most this often (portal.search.statistics).
PORTAL_SEARCH_STATISTICS_SECONDS = 30
# Public forms: submissions per client and hour; behind a proxy, the header with the client IP.
PORTAL_PUBLIC_FORM_LIMIT = 5
# The same content sent again within this many minutes is recognised: thank-you page, no second record.
PORTAL_PUBLIC_FORM_REPEAT_MINUTES = 10
PORTAL_CLIENT_IP_HEADER = ""
# Uploads from public forms (e.g. photos of donated furniture): never under a public URL.
PORTAL_PRIVATE_UPLOAD_DIR = "privat"
# `purge_submissions` deletes files there that no record names once they are this old (an upload
# still being stored is younger).
PORTAL_ORPHAN_FILE_HOURS = 24
# /healthz reports "degraded" when MEDIA_ROOT takes no file or has less free space than this.
PORTAL_MEDIA_MIN_FREE_MB = 500
PORTAL_UPLOAD_MAX_BYTES = 5 * 1024 * 1024
# Photos may have at most this many pixels (a small file can declare a huge picture).
PORTAL_UPLOAD_MAX_PIXELS = 40_000_000
# Verein documents (Satzung, minutes): this collection is restricted to members and the Vorstand.
PORTAL_VEREIN_COLLECTION = "Verein intern"
PORTAL_BEIRAT_COLLECTION = "Beirat intern"
# Staff sessions end after this much inactivity in /{lang}/intern/ and /cms/ (seconds).
PORTAL_INTERN_SESSION_IDLE = 30 * 60
# A staff account without a second factor sets one up from a link mailed to its address
# (portal/mfa_enrolment.py): the link and the permission it gives hold this long (seconds).
PORTAL_MFA_ENROLMENT_SECONDS = 30 * 60
# Closed cases are anonymised this many days after closing (`manage.py anonymise_closed_cases`, daily).
PORTAL_CASE_RETENTION_DAYS = 3 * 365
# Rejected applications are deleted this many days after the rejection (AGG; `delete_rejected_applications`, daily).
PORTAL_APPLICATION_RETENTION_DAYS = 183
# Applications nobody closed are deleted after this many days without any step or note.
PORTAL_OPEN_APPLICATION_RETENTION_DAYS = 365
# Volunteers can cancel a shift online ("Ich kann nicht") until this many hours before it starts.
PORTAL_SHIFT_CANCEL_CUTOFF_HOURS = 12

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Videos (DGS) for public pages only: media files are served without a permission check.
WAGTAILMEDIA = {
    "MEDIA_MODEL": "wagtailmedia.Media",
    "AUDIO_EXTENSIONS": [],
    "VIDEO_EXTENSIONS": ["mp4", "webm"],
}
