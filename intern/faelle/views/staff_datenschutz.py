"""Data protection, for the Datenschutz role: the Art. 15 export of one person's data (JSON and PDF)
and deletion on request. Every step is in the audit log. The export's content is built by
selectors.auskunft_daten; the anonymisation after the retention period is services.anonymisieren."""

import json

from django.contrib import messages
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from intern.audit.models import AuditEintrag, protokolliere
from portal.pdf import pdf_response
from portal.permissions import permission_required

from ..models import Fall, Person
from ..selectors import auskunft_daten

A = AuditEintrag.Aktion


def datenschutz_view(view):
    return never_cache(sensitive_post_parameters()(permission_required("faelle.answer_data_requests")(view)))


@datenschutz_view
def auskunft(request):
    """Find a case by its number to answer a request for access or deletion."""
    nummer = request.GET.get("fall", "").strip()[:20]
    fall = Fall.objects.filter(nummer=nummer, anonymisiert_am__isnull=True).first() if nummer else None
    if fall is not None:
        protokolliere(request.user, A.LESEN, "auskunft", fall, fall)
    elif nummer:
        messages.error(request, _("There is no case with this number (or it was anonymised)."))
    return render(
        request,
        "faelle/auskunft.html",
        {"nummer": nummer, "fall": fall, "personen": fall.personen.all() if fall else []},
    )


@datenschutz_view
def auskunft_json(request, person_pk):
    person = get_object_or_404(Person.objects.select_related("fall"), pk=person_pk, fall__anonymisiert_am__isnull=True)
    protokolliere(request.user, A.EXPORT, "auskunft_json", person, person.fall)
    response = HttpResponse(
        json.dumps(auskunft_daten(person), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="auskunft-{person.fall.nummer}-{person.pk}.json"'
    return response


@datenschutz_view
def auskunft_pdf(request, person_pk):
    person = get_object_or_404(Person.objects.select_related("fall"), pk=person_pk, fall__anonymisiert_am__isnull=True)
    html = render_to_string("faelle/auskunft_pdf.html", {"daten": auskunft_daten(person)}, request)
    protokolliere(request.user, A.EXPORT, "auskunft_pdf", person, person.fall)
    return pdf_response(html, f"auskunft-{person.fall.nummer}-{person.pk}.pdf")


def _bestaetigt(request, nummer):
    if request.POST.get("bestaetigt"):
        return True
    messages.error(request, _("Please confirm that you checked the request before deleting."))
    return False


@datenschutz_view
@require_POST
def person_loeschen(request, person_pk):
    person = get_object_or_404(Person.objects.select_related("fall"), pk=person_pk)
    fall = person.fall
    if not _bestaetigt(request, fall.nummer):
        return redirect(f"{reverse('faelle_datenschutz:auskunft')}?{urlencode({'fall': fall.nummer})}")
    with transaction.atomic():
        protokolliere(request.user, A.LOESCHEN, "person", person, fall)
        person.delete()
    messages.success(request, _("The household member was deleted."))
    return redirect(f"{reverse('faelle_datenschutz:auskunft')}?{urlencode({'fall': fall.nummer})}")


@datenschutz_view
@require_POST
def fall_loeschen(request, pk):
    fall = get_object_or_404(Fall, pk=pk)
    if not _bestaetigt(request, fall.nummer):
        return redirect(f"{reverse('faelle_datenschutz:auskunft')}?{urlencode({'fall': fall.nummer})}")
    with transaction.atomic():
        protokolliere(request.user, A.LOESCHEN, "fall", fall, fall)
        fall.delete()
    messages.success(request, _("The case and everything recorded in it were deleted."))
    return redirect("faelle_datenschutz:auskunft")
