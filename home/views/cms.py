"""CMS: what the site search did not find, per language, for the editors."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy
from wagtail.admin.views.reports import ReportView

from portal.models import ErfolgloseSuche
from portal.search import STATISTICS_DAYS


class SearchesWithoutResults(ReportView):
    page_title = gettext_lazy("Searches without results")
    header_icon = "search"
    index_url_name = "home_searches_without_results"
    index_results_url_name = "home_searches_without_results_results"
    results_template_name = "home/admin/searches_without_results.html"
    list_export = []
    paginate_by = 50

    def get_queryset(self):
        since = timezone.localdate() - datetime.timedelta(days=STATISTICS_DAYS)
        return (
            ErfolgloseSuche.objects.filter(tag__gte=since)
            .values("sprache", "suchbegriff")
            .annotate(anzahl_gesamt=Sum("anzahl"))
            .order_by("-anzahl_gesamt", "sprache", "suchbegriff")
        )

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        languages = dict(settings.LANGUAGES)
        for row in context["object_list"]:
            row["sprache_name"] = languages.get(row["sprache"], row["sprache"])
        context["kept_days"] = STATISTICS_DAYS
        return context

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("portal.view_erfolglosesuche"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
