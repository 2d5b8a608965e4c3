from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet

from portal.translation_admin import TranslatedSnippetViewSet, state_filter_for, states_column

from . import selectors
from .models import Barrierenmeldung, Hinweis
from .views.cms import SearchesWithoutResults


class HinweisViewSet(TranslatedSnippetViewSet):
    model = Hinweis
    icon = "warning"
    menu_label = _("Site notices")
    list_display = ["text", "gueltig_ab", "gueltig_bis", "locale", states_column()]
    filterset_class = state_filter_for(Hinweis, ["locale"])


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


class AntwortFristColumn(Column):
    """The date an answer is due, marked once it has passed while the report is open."""

    cell_template_name = "home/admin/antwort_frist_cell.html"


class BarrierenmeldungViewSet(ModelViewSet):
    """The Redaktion's inbox of reported barriers (Erklärung zur Barrierefreiheit)."""

    model = Barrierenmeldung
    name = "barrierenmeldung"
    url_prefix = "barrierenmeldungen"
    icon = "warning"
    menu_label = _("Reported barriers")
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        "__str__",
        "seite",
        "eingegangen",
        AntwortFristColumn("antwort_bis", label=_("Answer due by"), sort_key="antwort_bis"),
        "status",
    ]
    list_filter = ["status"]
    search_fields = ["barriere", "seite"]
    ordering = ["-eingegangen"]
    inspect_view_enabled = False
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def barrierenmeldungen_viewset():
    return BarrierenmeldungViewSet()


@hooks.register("portal_site_notices")
def site_notices(request, language):
    return selectors.site_notices(request, language)
