from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.html import format_html, json_script
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.staticfiles import versioned_static

from .translation import attach_locale
from .translation_admin import TranslationPagesViewSet
from .translation_states import REVIEW_ACTION
from .views import MailsNotSent, review_machine_translation, send_mail_again, translation_coverage


def _denied(restrictions, request):
    """`restrictions` is called only for signed-in visitors: the anonymous are sent to the login by Wagtail."""
    return request.user.is_authenticated and any(not r.accept_request(request) for r in restrictions())


# Wagtail sends every refused visitor to the login page; a signed-in account without the
# group would loop there. Deny by default: such accounts get 403 instead.
@hooks.register("before_serve_page", order=-1)
def refuse_signed_in_without_access_to_page(page, request, serve_args, serve_kwargs):
    if _denied(page.get_view_restrictions, request):
        raise PermissionDenied


@hooks.register("before_serve_page")
def give_page_its_locale(page, request, serve_args, serve_kwargs):
    """Templates ask for the page's language (German fallback): from the kept locales, not a query."""
    attach_locale(page)


@hooks.register("before_serve_document", order=-1)
def refuse_signed_in_without_access_to_document(document, request):
    if _denied(document.collection.get_view_restrictions, request):
        raise PermissionDenied


@hooks.register("register_admin_urls")
def mail_report_urls():
    return [
        path("mails/", MailsNotSent.as_view(), name="portal_mails"),
        path("mails/ergebnisse/", MailsNotSent.as_view(results_only=True), name="portal_mails_results"),
        path("mails/<int:pk>/erneut/", send_mail_again, name="portal_mail_send_again"),
    ]


@hooks.register("register_admin_urls")
def translation_urls():
    return [
        path("uebersetzungen/", translation_coverage, name="portal_translation_coverage"),
        path(
            "uebersetzungen/<int:translation_id>/geprueft/",
            review_machine_translation,
            name="portal_translation_review",
        ),
    ]


@hooks.register("register_admin_viewset")
def translation_pages_viewset():
    return TranslationPagesViewSet()


@hooks.register("register_admin_menu_item")
def translation_menu_item():
    return MenuItem(_("Translations"), reverse("portal_translation_coverage"), icon_name="globe", order=250)


@hooks.register("register_log_actions")
def translation_log_actions(actions):
    actions.register_action(REVIEW_ACTION, _("Check machine translation"), _("Machine translation checked"))


@hooks.register("insert_global_admin_js")
def content_direction_js():
    """Text fields of Arabic and Persian content are written right to left (the edit views and
    wagtail-localize's translation editor)."""
    return format_html('<script src="{}" defer></script>', versioned_static("portal/admin/content-direction.js"))


@hooks.register("insert_editor_js")
def translation_editor_strings():
    """Texts that wagtail-localize's editor writes in English whatever the admin's language (its
    heading and a button's label), in the editor's language for content-direction.js."""
    return json_script(
        {"heading": gettext("%(source)s → %(target)s"), "moreActions": gettext("More actions")},
        "portal-translation-editor-strings",
    )


@hooks.register("insert_global_admin_css")
def translation_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', versioned_static("portal/admin/translations.css"))


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_reports_menu_item")
def mail_report_menu_item():
    return SuperuserMenuItem(_("Mails not sent"), reverse("portal_mails"), icon_name="mail", order=900)


@hooks.register("portal_start_url", order=40)
def editors_start_in_the_cms(user):
    if user.has_perm("portal.edit_site"):
        return reverse("wagtailadmin_home")
