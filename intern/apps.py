from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InternConfig(AppConfig):
    """The staff area /{lang}/intern/ itself: its start page. The tools live in the apps below it."""

    name = "intern"
    label = "intern"
    verbose_name = _("Staff area")
