"""The audit log for the Datenschutz role: read it with filters, and export it as a spreadsheet."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from portal.exports import csv_download, csv_safe
from portal.permissions import permission_required

from .. import texte
from ..forms import AuditFilterForm
from ..models import AuditEintrag, protokolliere

A = AuditEintrag.Aktion


def _gefiltert(request):
    form = AuditFilterForm(request.GET or None)
    return form, form.filter(AuditEintrag.objects.all())


@never_cache
@permission_required("audit.read_audit_log")
def protokoll(request):
    """The audit log, for the Datenschutz role only; filter by case number, user and period."""
    form, eintraege = _gefiltert(request)
    page = Paginator(eintraege, 100).get_page(request.GET.get("seite"))
    known = texte.bereiche()
    for eintrag in page:
        eintrag.beschreibung, eintrag.feldnamen = texte.beschreibung(eintrag, known), texte.felder(eintrag, known)
    filter_query = urlencode({k: v for k, v in request.GET.items() if k != "seite" and v})
    protokolliere(request.user, A.LISTE, "audit")
    return render(
        request,
        "audit/protokoll.html",
        {"page_obj": page, "form": form, "query_prefix": filter_query},
    )


@never_cache
@permission_required("audit.read_audit_log")
def protokoll_csv(request):
    """The filtered audit log as a spreadsheet."""
    form, eintraege = _gefiltert(request)
    response, writer = csv_download(f"audit-{timezone.localdate():%Y-%m-%d}.csv")
    writer.writerow([_("Time"), _("User"), _("What happened"), _("Case number"), _("Record"), _("Fields")])
    known = texte.bereiche()
    for eintrag in eintraege.iterator(chunk_size=2000):
        writer.writerow(
            [
                csv_safe(f"{timezone.localtime(eintrag.zeitpunkt):%Y-%m-%d %H:%M:%S}"),
                csv_safe(eintrag.user_email),
                csv_safe(texte.beschreibung(eintrag, known)),
                csv_safe(eintrag.fall_nummer),
                csv_safe(eintrag.objekt_id),
                csv_safe(", ".join(texte.felder(eintrag, known))),
            ]
        )
    protokolliere(request.user, A.EXPORT, "audit")
    return response
