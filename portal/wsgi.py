import gc
import os

from django.core.signals import request_finished
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()

# What a worker loads once and keeps for its life (Django, Wagtail, the portal's modules, and the
# templates and URL patterns its first requests compile) is moved out of the collector's view: a
# full collection would walk ~200,000 such objects (~120 ms on a 2-core host) on some unlucky
# request. Frozen at start-up and after the 1st, 2nd, 4th … 512th request, when little else lives.
gc.freeze()
_served = 0


def _freeze_what_warm_up_loaded(**kwargs):
    global _served  # noqa: PLW0603 - one counter per worker process
    _served += 1
    if _served <= 512 and _served & (_served - 1) == 0:
        gc.collect()
        gc.freeze()


request_finished.connect(_freeze_what_warm_up_loaded, dispatch_uid="wsgi-freeze")
