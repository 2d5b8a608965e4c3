from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home, news and Handlungsfelder")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .views import public  # noqa: F401  (registers the page routes' views)
