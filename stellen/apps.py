from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StellenConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "stellen"
    verbose_name = _("Jobs at the City")

    def ready(self):
        from .views import public  # noqa: F401  (registers the page routes' views)
