from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EhrenamtConfig(AppConfig):
    name = "ehrenamt"
    verbose_name = _("Volunteering")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401  (account deletion frees places and anonymises)
