from django.conf import settings
from django.utils.translation import get_language, get_language_info

from .pagecache import generation
from .translation import current_site


def portal(request):
    code = get_language() or settings.LANGUAGE_CODE
    info = get_language_info(code)
    current = generation()
    return {
        "LANGUAGE_DIRECTION": "rtl" if info["bidi"] else "ltr",
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        # Part of every fragment cache key: a publish makes every kept fragment stale.
        "content_generation": current,
        "fragment_seconds": 3600 if current else 0,
        # With the page's `cache_key`, what `{% wagtailpagecache %}` would add to a fragment's key
        # (Wagtail's tag looks the site up again); called only where a template uses it.
        "site_pk": lambda: getattr(current_site(request), "pk", None),
    }
