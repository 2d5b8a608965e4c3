from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.translation_admin import TranslatedSnippetViewSet, state_filter_for, states_column

from .models import (
    Beiratsmitglied,
    BeschlussVerlauf,
    Planmassnahme,
    PlanmassnahmeNotiz,
    Protokoll,
    Rueckmeldung,
    Sitzung,
    Unterlage,
)


class PlanmassnahmeViewSet(TranslatedSnippetViewSet):
    model = Planmassnahme
    url_prefix = "snippets/beirat/massnahme"  # the address editors know from before the rename
    icon = "tasks"
    list_display = ["titel", "handlungsfeld", "status", "status_seit", states_column()]
    filterset_class = state_filter_for(Planmassnahme, ["handlungsfeld", "status"])
    search_fields = ["titel", "verantwortlich"]


class BeiratsmitgliedViewSet(SnippetViewSet):
    model = Beiratsmitglied
    icon = "group"
    list_display = ["name", "organisation", "funktion", "namentlich_nennen", "aktiv"]


class ProtokollViewSet(SnippetViewSet):
    model = Protokoll
    icon = "doc-full"


class BeiratViewSetGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Beirat")
    menu_icon = "group"
    items = (PlanmassnahmeViewSet, BeiratsmitgliedViewSet, ProtokollViewSet)


register_snippet(BeiratViewSetGroup)


@hooks.register("portal_account_links")
def beirat_links(request):
    if not request.user.has_perm("beirat.use_member_area"):
        return []
    return [{"label": _("Private area of the Beirat"), "url": reverse("beirat:uebersicht")}]


@hooks.register("portal_account_data")
def beirat_data(user):
    data = {}
    mitglied = Beiratsmitglied.objects.filter(user=user).first()
    if mitglied is not None:
        data["beirat_member"] = {
            "name": mitglied.name,
            "organisation": mitglied.organisation,
            "function": mitglied.funktion,
            "may_be_named": mitglied.namentlich_nennen,
            "consent_given": mitglied.einwilligung_am.isoformat() if mitglied.einwilligung_am else None,
        }
    data["beirat_answers"] = [
        {
            "meeting": str(r.sitzung),
            "answer": r.antwort,
            "comment": r.kommentar,
            "deputy": r.vertretung.name if r.vertretung else None,
            "answered": r.geantwortet_am.isoformat(),
        }
        for r in Rueckmeldung.objects.filter(user=user).select_related("sitzung", "vertretung")
    ]
    data["beirat_follow_up_notes"] = [
        {"decision": v.beschluss.titel, "date": v.datum.isoformat(), "status": v.status, "note": v.notiz}
        for v in BeschlussVerlauf.objects.filter(autor=user).select_related("beschluss")
    ]
    data["beirat_measure_notes"] = [
        {"measure": n.massnahme.titel, "date": n.datum.isoformat(), "status": n.status, "note": n.notiz}
        for n in PlanmassnahmeNotiz.objects.filter(autor=user).select_related("massnahme")
    ]
    data["beirat_documents_uploaded"] = [
        {"title": u.dokument.title, "uploaded": u.dokument.created_at.isoformat()}
        for u in Unterlage.objects.filter(dokument__uploaded_by_user=user).select_related("dokument")
    ]
    return data


@hooks.register("after_edit_snippet")
def record_status_change(request, instance):
    """A status changed by an editor in the CMS enters the measure's history like one changed by the
    Beirat, once it is published (a draft changes nothing yet)."""
    if not isinstance(instance, Planmassnahme) or instance.locale.language_code != settings.LANGUAGE_CODE:
        return
    live = Planmassnahme.objects.get(pk=instance.pk)
    last = live.notizen.exclude(status="").order_by("-erstellt_am", "-pk").first()
    if last is None or last.status != live.status:
        PlanmassnahmeNotiz.objects.create(
            massnahme=live, datum=live.status_seit, status=live.status, autor=request.user
        )


@hooks.register("portal_start_url", order=50)
def beirat_starts_on_its_next_meeting(user):
    if not user.has_perm("beirat.use_member_area"):
        return None
    naechste = Sitzung.objects.filter(ende__gte=timezone.now()).order_by("beginn").values_list("pk", flat=True).first()
    return reverse("beirat:sitzung", args=[naechste]) if naechste else reverse("beirat:uebersicht")
