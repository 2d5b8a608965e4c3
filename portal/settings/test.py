"""Fast, hermetic test settings: the database comes from DATABASE_URL (SQLite by default)."""

import os

from .base import *  # noqa: F403

PORTAL_ENVIRONMENT = "test"
PORTAL_CHECK_KEPT_VALUES = True
# Search statistics written after every request, so the editors' report shows a search at once.
PORTAL_SEARCH_STATISTICS_SECONDS = 0
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
SALT_KEY = ["test-only-field-encryption-salt"]
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}, "fragments": FRAGMENT_CACHE}  # noqa: F405
# Compared only where a test asks for it (tests/portal/test_cache_outage.py): at a random request,
# the comparison's query would land in another test's query budget.
PORTAL_GENERATION_CHECK_SECONDS = 0
PORTAL_MAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Mails are queued and delivered at once, so tests read them from django.core.mail.outbox.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "mails": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
MEDIA_ROOT = BASE_DIR / ".pytest-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
PORTAL_BASE_URL = WAGTAILADMIN_BASE_URL
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file rather than shared-cache memory, so that threads in the concurrency tests
    # queue for the write lock as parallel requests do. Durability is not needed here.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / f".pytest-db-{os.getpid()}.sqlite3")}  # noqa: F405
    DATABASES["default"]["OPTIONS"]["init_command"] = "PRAGMA synchronous=OFF; PRAGMA journal_mode=WAL;"  # noqa: F405

# Machine translation only where a test sets up its fake provider.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
