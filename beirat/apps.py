from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BeiratConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "beirat"
    verbose_name = _("Beirat")

    def ready(self):
        # Imported when the models are loaded: the receivers and the page routes' views.
        from . import signals
        from .views import public  # noqa: F401

        signals.connect()
