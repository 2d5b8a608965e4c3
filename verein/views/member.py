"""The members' area: documents, Sprechrunde dates, one's own details, leaving.

Verein documents are Wagtail documents in the collection named by PORTAL_VEREIN_COLLECTION, which a
migration restricts to the Vereinsmitglied and Vorstand groups; Wagtail's serve view checks that
restriction on every download, and documents are never served from a media URL.
"""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model

from portal.permissions import permission_required

from .. import emails
from ..forms import MeineDatenForm
from ..models import Mitglied, Sprechrunde
from ..selectors import OFFEN, meine_mitgliedschaft
from ..services import rolle_pruefen


@permission_required("verein.use_member_area")
def bereich(request):
    collection_docs = get_document_model().objects.filter(collection__name=settings.PORTAL_VEREIN_COLLECTION)
    return render(
        request,
        "verein/bereich.html",
        {
            "mitglied": meine_mitgliedschaft(request.user),
            "dokumente": collection_docs.order_by("-created_at"),
            "termine": Sprechrunde.objects.filter(beginn__gte=timezone.now())[:10],
        },
    )


@permission_required("verein.use_member_area")
def meine_daten(request):
    mitglied = meine_mitgliedschaft(request.user)
    if mitglied is None:
        messages.info(request, _("There is no membership linked to your account."))
        return redirect("verein:bereich")
    form = MeineDatenForm(request.POST or None, instance=mitglied)
    if request.method == "POST" and form.is_valid():
        if Mitglied.objects.filter(email=form.cleaned_data["email"], status__in=OFFEN).exclude(pk=mitglied.pk).exists():
            form.add_error("email", _("This email address belongs to another membership."))
        else:
            form.save()
            messages.success(request, _("Your details have been saved."))
            return redirect("verein:bereich")
    return render(request, "verein/meine_daten.html", {"form": form, "mitglied": mitglied})


@permission_required("verein.use_member_area")
def austreten(request):
    mitglied = meine_mitgliedschaft(request.user)
    if mitglied is None:
        messages.info(request, _("There is no membership linked to your account."))
        return redirect("verein:bereich")
    if request.method == "POST":
        mitglied.status = Mitglied.Status.AUSGETRETEN
        mitglied.austritt = timezone.localdate()
        mitglied.save(update_fields=["status", "austritt"])
        rolle_pruefen(request.user)
        emails.MitgliedAusgetreten(mitglied).send()
        messages.success(request, _("You have left the Verein. Thank you for your support."))
        return redirect("profile")
    return render(request, "verein/austreten.html", {"mitglied": mitglied})
