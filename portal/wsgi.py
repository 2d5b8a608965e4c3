import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()

# Everything loaded at start-up (Django, Wagtail, the portal's modules) lives as long as the process:
# moved out of the collector's view, a full collection no longer walks it on some unlucky request.
gc.freeze()
