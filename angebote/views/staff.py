"""Staff inboxes for what the public forms bring in: furniture donations (the Ehrenamtskoordination,
under /ehrenamt/moebelspenden/) and neighbours' concerns (the Integrationsmanagement's case workers,
under /intern/anwohner/)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from portal.permissions import permission_required

from .. import services
from ..forms import InboxStatusForm
from ..models import AnwohnerAnliegen, Moebelspende, MoebelspendeFoto

INBOX_PAGE_SIZE = 25


def _inbox(request, queryset, status_choices, template, title):
    status = request.GET.get("status", "")
    if status in dict(status_choices):
        queryset = queryset.filter(status=status)
    items = Paginator(queryset, INBOX_PAGE_SIZE).get_page(request.GET.get("seite"))
    return render(
        request,
        template,
        {
            "items": items,
            "status": status,
            "status_choices": status_choices,
            "title": title,
            "query_prefix": f"status={status}" if status else "",
        },
    )


def _detail(request, item, status_choices, template, list_url_name):
    form = InboxStatusForm(
        request.POST or None, choices=status_choices, initial={"status": item.status, "notiz": item.notiz}
    )
    if request.method == "POST" and form.is_valid():
        services.status_setzen(item, form.cleaned_data["status"], form.cleaned_data["notiz"])
        messages.success(request, _("The status has been saved."))
        return redirect(list_url_name)
    return render(request, template, {"item": item, "form": form})


@permission_required("angebote.handle_furniture_donations")
def moebelspenden(request):
    queryset = Moebelspende.objects.prefetch_related("fotos")
    return _inbox(
        request, queryset, Moebelspende.Status.choices, "angebote/inbox/moebelspenden.html", _("Furniture donations")
    )


@permission_required("angebote.handle_furniture_donations")
def moebelspende_detail(request, pk):
    spende = get_object_or_404(Moebelspende.objects.prefetch_related("fotos"), pk=pk)
    return _detail(request, spende, Moebelspende.Status.choices, "angebote/inbox/moebelspende.html", "moebelspenden")


@permission_required("angebote.handle_furniture_donations")
def moebelspende_foto(request, pk, foto_pk):
    foto = get_object_or_404(MoebelspendeFoto, pk=foto_pk, spende_id=pk)
    response = FileResponse(foto.datei.open("rb"), content_type=foto.content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@permission_required("angebote.handle_neighbours_concerns")
def anwohner_anliegen(request):
    return _inbox(
        request,
        AnwohnerAnliegen.objects.all(),
        AnwohnerAnliegen.Status.choices,
        "angebote/inbox/anliegen_liste.html",
        _("Neighbours' concerns"),
    )


@permission_required("angebote.handle_neighbours_concerns")
def anwohner_anliegen_detail(request, pk):
    anliegen = get_object_or_404(AnwohnerAnliegen, pk=pk)
    return _detail(
        request, anliegen, AnwohnerAnliegen.Status.choices, "angebote/inbox/anliegen.html", "anwohner_anliegen"
    )
