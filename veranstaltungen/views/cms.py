"""CMS: the attendee list of an event, and its CSV export."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from portal.exports import csv_download, csv_safe

from ..models import Anmeldung, VeranstaltungPage


def _event(request, page_id):
    page = get_object_or_404(VeranstaltungPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def attendees(request, page_id):
    page = _event(request, page_id)
    anmeldungen = Anmeldung.objects.filter(veranstaltung=page).exclude(status=Anmeldung.Status.STORNIERT)
    return TemplateResponse(
        request, "veranstaltungen/admin/anmeldungen.html", {"page": page, "anmeldungen": anmeldungen}
    )


def attendees_csv(request, page_id):
    """Those who confirmed (with a place or on the waiting list); with `unbestaetigt=1` also the
    registrations whose address nobody has confirmed yet. Every cell is safe from formulas."""
    page = _event(request, page_id)
    response, writer = csv_download(f"anmeldungen-{page.slug}.csv")
    writer.writerow([_("Date"), _("Name"), _("Email"), _("Status"), _("Registered"), _("Language")])
    weggelassen = [Anmeldung.Status.STORNIERT]
    if request.GET.get("unbestaetigt") != "1":
        weggelassen.append(Anmeldung.Status.UNBESTAETIGT)
    anmeldungen = Anmeldung.objects.filter(veranstaltung=page).exclude(status__in=weggelassen)
    for anmeldung in anmeldungen:
        writer.writerow(
            [
                csv_safe(value)
                for value in (
                    anmeldung.datum.isoformat(),
                    anmeldung.name,
                    anmeldung.email,
                    anmeldung.get_status_display(),
                    anmeldung.angemeldet.isoformat(timespec="minutes"),
                    anmeldung.sprache,
                )
            ]
        )
    return response
