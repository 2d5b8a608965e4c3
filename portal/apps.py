from django.apps import AppConfig
from django.core.signals import request_finished
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported once the models are loaded: they use them.
        from . import checks, signals  # noqa: F401  (registers checks and receivers)
        from .pagecache import connect_invalidation
        from .search import connect_index_updates, fill_empty_index, statistics
        from .translation_states import connect as connect_translation_states

        connect_invalidation()
        connect_index_updates()
        connect_translation_states()
        post_migrate.connect(fill_empty_index, sender=self)
        request_finished.connect(statistics.write_if_due, dispatch_uid="search-statistics")
