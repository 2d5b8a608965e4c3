from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendatenConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "opendaten"
    verbose_name = _("Open data")
