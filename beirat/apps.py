from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BeiratConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "beirat"
    verbose_name = _("Beirat")

    def ready(self):
        from . import signals

        signals.connect()
