"""Fast, hermetic test settings: the database comes from DATABASE_URL (SQLite by default)."""

from .base import *  # noqa: F403

PORTAL_ENVIRONMENT = "test"
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = BASE_DIR / ".pytest-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
