from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VeranstaltungenConfig(AppConfig):
    name = "veranstaltungen"
    verbose_name = _("Events")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported when the models are loaded: they register receivers and the page routes' views.
        from . import schedule  # noqa: F401
        from .views import public  # noqa: F401
