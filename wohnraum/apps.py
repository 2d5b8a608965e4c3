from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WohnraumConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "wohnraum"
    label = "wohnraum"
    verbose_name = _("Housing")

    def ready(self):
        from .views import public  # noqa: F401  (registers the page routes' views)
