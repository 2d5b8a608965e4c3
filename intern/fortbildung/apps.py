from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FortbildungConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "intern.fortbildung"
    label = "fortbildung"
    verbose_name = _("Intercultural training")

    def ready(self):
        from . import signals  # noqa: F401  (a place freed by a deleted account goes to those waiting)
