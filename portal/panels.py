"""Panels shared by the edit views of pages and snippets."""

from django.conf import settings
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .translation import language_of


class TranslationStatesPanel(Panel):
    """On the edit view of a German page or snippet: its state in each language. On a translation:
    its own state. Also tells the admin's script the language and direction of the text fields."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "portal/admin/translation_states_panel.html"

        def is_shown(self):
            return self.instance is not None and self.instance.locale_id is not None

        def get_context_data(self, parent_context=None):
            from . import translation_states  # it imports portal.models, whose panels use this one

            context = super().get_context_data(parent_context)
            instance = self.instance
            language = language_of(instance)
            context["content_language"] = language
            context["content_direction"] = "rtl" if get_language_info(language)["bidi"] else "ltr"
            if instance.pk is None:
                pass
            elif language == settings.LANGUAGE_CODE:
                context["zustaende"] = translation_states.zustaende([instance]).get(instance.translation_key, [])
            else:
                context["own_state"] = translation_states.state_of_translation(instance)
            return context

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Translations"))
        super().__init__(**kwargs)
