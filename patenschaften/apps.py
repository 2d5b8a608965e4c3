from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PatenschaftenConfig(AppConfig):
    name = "patenschaften"
    verbose_name = _("Patenschaften")
    default_auto_field = "django.db.models.BigAutoField"
