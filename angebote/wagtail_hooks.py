from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from portal.translation_admin import TranslatedSnippetViewSet, state_filter_for, states_column

from . import services
from .forms import StartFinderForm
from .models import Ansprechpartner, Ort
from .selectors import finder_help
from .views.cms import OffersDueForReview, confirm_review


class AnsprechpartnerViewSet(TranslatedSnippetViewSet):
    model = Ansprechpartner
    icon = "user"
    menu_label = _("Contact persons")
    list_display = ["name", "funktion", "telefon", "locale", states_column()]
    filterset_class = state_filter_for(Ansprechpartner, ["locale"])
    search_fields = ["name", "funktion"]


class OrtViewSet(TranslatedSnippetViewSet):
    model = Ort
    icon = "site"
    menu_label = _("Places")
    list_display = ["name", "locale", states_column()]
    filterset_class = state_filter_for(Ort, ["locale"])


class AngeboteViewSetGroup(SnippetViewSetGroup):
    items = (AnsprechpartnerViewSet, OrtViewSet)
    menu_icon = "help"
    menu_label = _("Offers")
    menu_name = "angebote"


register_snippet(AngeboteViewSetGroup)


@hooks.register("register_admin_urls")
def review_urls():
    return [
        path("angebote/pruefen/", OffersDueForReview.as_view(), name="angebote_review"),
        path(
            "angebote/pruefen/ergebnisse/",
            OffersDueForReview.as_view(results_only=True),
            name="angebote_review_results",
        ),
        path("angebote/pruefen/<int:page_id>/", confirm_review, name="angebote_review_confirm"),
    ]


@hooks.register("register_reports_menu_item")
def review_menu_item():
    return MenuItem(_("Offers to review"), reverse("angebote_review"), icon_name="calendar-check", order=700)


@hooks.register("register_log_actions")
def review_log_action(actions):
    actions.register_action("angebote.review_confirmed", _("Confirm offer is current"), _("Offer confirmed as current"))


@hooks.register("portal_start_page_finder")
def start_page_finder():
    """The start page asks the finder's first questions (see home.models.top_tasks)."""
    return StartFinderForm()


@hooks.register("portal_search_help")
def search_help(request):
    """A site search that found nothing offers the finder's areas of life and the help contact."""
    help = finder_help(request)
    if help is None:
        return ""
    return render_to_string("angebote/includes/suchhilfe.html", help, request=request)


@hooks.register("portal_purge_submissions")
def purge_submissions(days):
    return services.purge_submissions(days)
