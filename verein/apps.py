from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VereinConfig(AppConfig):
    name = "verein"
    verbose_name = _("Verein")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401  (a confirmed email address links the membership)
