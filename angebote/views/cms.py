"""CMS (Wagtail admin, registered in wagtail_hooks.py): offers due for their yearly review, and the
one-click confirmation."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.views.reports import ReportView
from wagtail.log_actions import log

from ..models import AngebotPage, review_cutoff


class OffersDueForReview(ReportView):
    page_title = gettext_lazy("Offers to review")
    header_icon = "calendar-check"
    index_url_name = "angebote_review"
    index_results_url_name = "angebote_review_results"
    results_template_name = "angebote/admin/review_results.html"
    list_export = []

    def get_queryset(self):
        return (
            AngebotPage.objects.filter(locale__language_code="de", zuletzt_geprueft__lt=review_cutoff())
            .select_related("locale")
            .order_by("zuletzt_geprueft", "title")
        )

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wagtailadmin.access_admin"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


@require_POST
def confirm_review(request, page_id):
    """The offer is still current: mark it reviewed today, in every language."""
    page = get_object_or_404(AngebotPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    today = timezone.localdate()
    AngebotPage.objects.filter(translation_key=page.translation_key).update(zuletzt_geprueft=today)
    log(instance=page, action="angebote.review_confirmed", user=request.user)
    messages.success(request, _("“%(title)s” is marked as reviewed today.") % {"title": page.title})
    return redirect("angebote_review")
