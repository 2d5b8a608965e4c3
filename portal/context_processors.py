from django.conf import settings
from django.utils.translation import get_language, get_language_info


def portal(request):
    code = get_language() or settings.LANGUAGE_CODE
    info = get_language_info(code)
    return {
        "LANGUAGE_DIRECTION": "rtl" if info["bidi"] else "ltr",
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
    }
