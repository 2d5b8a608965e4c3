from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FaelleConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "intern.faelle"
    label = "faelle"
    verbose_name = _("Case register")
