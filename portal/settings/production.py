"""Production: everything secret or host-specific comes from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def env(name, default=None):
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"Set the environment variable {name}.")
    return value


PORTAL_ENVIRONMENT = "production"
SECRET_KEY = env("SECRET_KEY")
SECRET_KEY_FALLBACKS = [k for k in os.environ.get("SECRET_KEY_FALLBACKS", "").split(",") if k]
# Case data is encrypted with keys derived from SECRET_KEY and these salts; the first encrypts,
# all decrypt (rotation: put a new salt first, run `manage.py reencrypt_case_data`, drop the old one).
SALT_KEY = [k.strip() for k in env("FIELD_ENCRYPTION_SALT").split(",") if k.strip()]
ALLOWED_HOSTS = [h.strip() for h in env("ALLOWED_HOSTS").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [f"https://{h}" for h in ALLOWED_HOSTS if not h.startswith(".")]
# SQLite or PostgreSQL, with the options of base.database_from_url (SQLite only on a single host).
DATABASES = {"default": database_from_url(env("DATABASE_URL"), conn_max_age=600)}  # noqa: F405

# Redis backs the cache, and so the login rate limits, across all workers. It is a cache, not a
# single point of failure (portal/cache.py): it must answer within the timeouts (seconds), else a
# worker answers from its own memory for a few seconds and the site goes on serving.
CACHES = {
    "default": {
        "BACKEND": "portal.cache.PortalRedisCache",
        "LOCATION": env("REDIS_URL"),
        "OPTIONS": {
            "SOCKET_CONNECT_TIMEOUT": float(env("REDIS_CONNECT_TIMEOUT", "0.5")),
            "SOCKET_TIMEOUT": float(env("REDIS_TIMEOUT", "1")),
        },
    },
    "fragments": FRAGMENT_CACHE,  # noqa: F405
}
# Sessions live in the database only: logins survive a Redis outage, and a logout during one is not
# undone when Redis comes back with its old data.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Anonymous pages are kept in Redis this long (seconds; 0 switches the page cache off).
PORTAL_PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "300"))

WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")
PORTAL_BASE_URL = env("PORTAL_BASE_URL", WAGTAILADMIN_BASE_URL)

PORTAL_MAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "587"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env("EMAIL_USE_TLS", "true").lower() == "true"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", DEFAULT_FROM_EMAIL)  # noqa: F405
SERVER_EMAIL = DEFAULT_FROM_EMAIL

STORAGES = {
    "default": {"BACKEND": "portal.storage.PortalStorage"},  # private uploads encrypted (portal/storage.py)
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = env("MEDIA_ROOT", str(MEDIA_ROOT))  # noqa: F405
# /healthz says "degraded" below this much free space; the purge deletes unreferenced private files this old.
PORTAL_MEDIA_MIN_FREE_MB = int(env("MEDIA_MIN_FREE_MB", str(PORTAL_MEDIA_MIN_FREE_MB)))  # noqa: F405
PORTAL_ORPHAN_FILE_HOURS = int(env("ORPHAN_FILE_HOURS", str(PORTAL_ORPHAN_FILE_HOURS)))  # noqa: F405

PORTAL_CLIENT_IP_HEADER = env("CLIENT_IP_HEADER", "HTTP_X_FORWARDED_FOR")
# Behind nginx (docs/deploy.md) every request comes from 127.0.0.1: allauth's login, signup and
# password-reset limits must count the client's address from X-Forwarded-For instead.
ALLAUTH_TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "1"))

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {"django.security": {"level": "WARNING"}},
}
