from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AngeboteConfig(AppConfig):
    name = "angebote"
    verbose_name = _("Offers and counselling")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .views import public  # noqa: F401  (registers the page routes' views)
