from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VeranstaltungenConfig(AppConfig):
    name = "veranstaltungen"
    verbose_name = _("Events")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import schedule  # noqa: F401 - registers the dates to prepare after content changes
