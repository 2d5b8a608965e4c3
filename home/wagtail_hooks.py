from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Hinweis
from .views_admin import SearchesWithoutResults


class HinweisViewSet(SnippetViewSet):
    model = Hinweis
    icon = "warning"
    menu_label = _("Site notices")
    list_display = ["text", "gueltig_ab", "gueltig_bis", "locale"]
    list_filter = ["locale"]


register_snippet(HinweisViewSet)


class PermittedMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_reports_menu_item")
def searches_without_results_menu_item():
    return PermittedMenuItem(
        _("Searches without results"),
        reverse("home_searches_without_results"),
        icon_name="search",
        order=1310,
        permission="portal.view_erfolglosesuche",
    )


@hooks.register("register_admin_urls")
def searches_without_results_urls():
    return [
        path("suche/ohne-ergebnis/", SearchesWithoutResults.as_view(), name="home_searches_without_results"),
        path(
            "suche/ohne-ergebnis/ergebnisse/",
            SearchesWithoutResults.as_view(results_only=True),
            name="home_searches_without_results_results",
        ),
    ]
