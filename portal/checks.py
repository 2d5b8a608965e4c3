from django.conf import settings
from django.core import checks

IN_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@checks.register(checks.Tags.security, deploy=True)
def rate_limits_need_shared_cache(app_configs, **kwargs):
    """Login rate limits only hold across workers on a shared cache (Redis)."""
    if settings.CACHES["default"]["BACKEND"] in IN_PROCESS_CACHES:
        return [
            checks.Warning(
                "The default cache is process-local, so login rate limits are per worker.",
                hint="Set REDIS_URL and use the production settings.",
                id="portal.W001",
            )
        ]
    return []
