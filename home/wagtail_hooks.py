from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Hinweis


class HinweisViewSet(SnippetViewSet):
    model = Hinweis
    icon = "warning"
    menu_label = _("Site notices")
    list_display = ["text", "gueltig_ab", "gueltig_bis", "locale"]
    list_filter = ["locale"]


register_snippet(HinweisViewSet)
