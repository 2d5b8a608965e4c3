from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VereinConfig(AppConfig):
    name = "verein"
    verbose_name = _("Verein")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Receivers (a confirmed email address links the membership) and the page routes' views.
        from . import signals  # noqa: F401
        from .views import public  # noqa: F401
