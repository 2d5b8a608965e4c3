"""CMS: the attendee list of an event, and its CSV export."""

import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .models import Anmeldung, VeranstaltungPage


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
    page = _event(request, page_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="anmeldungen-{page.slug}.csv"'
    response.write("\ufeff")  # so that spreadsheet programs read UTF-8
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("Date"), _("Name"), _("Email"), _("Status"), _("Registered"), _("Language")])
    anmeldungen = Anmeldung.objects.filter(veranstaltung=page).exclude(status=Anmeldung.Status.STORNIERT)
    for anmeldung in anmeldungen:
        writer.writerow(
            [
                anmeldung.datum.isoformat(),
                _csv_safe(anmeldung.name),
                anmeldung.email,
                anmeldung.get_status_display(),
                anmeldung.angemeldet.isoformat(timespec="minutes"),
                anmeldung.sprache,
            ]
        )
    return response


def _csv_safe(value):
    """Spreadsheets run cells starting with = + - @ as formulas: not names typed by the public."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
