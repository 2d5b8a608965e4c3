"""Local development: `make run`."""

import os

from .base import *  # noqa: F403

DEBUG = True
PORTAL_ENVIRONMENT = "dev"
PORTAL_CHECK_KEPT_VALUES = True
# Search statistics written after every request, so the editors' report shows a search at once.
PORTAL_SEARCH_STATISTICS_SECONDS = 0
SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105
# Case data is encrypted with keys derived from SECRET_KEY and this salt (see README, key rotation).
SALT_KEY = ["dev-only-field-encryption-salt"]
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "portal.cache.PortalRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        },
        "fragments": FRAGMENT_CACHE,  # noqa: F405
    }
