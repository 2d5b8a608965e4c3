from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from .models import Kursanmeldung, Mitarbeiter


@hooks.register("portal_account_links")
def training_links(request):
    if not request.user.has_perm("fortbildung.take_training"):
        return []
    return [{"label": _("My intercultural training courses"), "url": reverse("fortbildung:meine")}]


@hooks.register("portal_account_data")
def training_data(user):
    """A member of staff's own record and enrolments, for the download of their own data."""
    mitarbeiter = Mitarbeiter.objects.filter(user=user).select_related("abteilung", "position").first()
    anmeldungen = Kursanmeldung.objects.filter(user=user).select_related("termin__kurs").order_by("termin__beginn")
    if mitarbeiter is None and not anmeldungen:
        return {}
    return {
        "training": {
            "staff_record": {
                "department": mitarbeiter.abteilung.name,
                "position": mitarbeiter.position.name,
                "employed": mitarbeiter.aktiv,
            }
            if mitarbeiter
            else None,
            "registrations": [
                {
                    "course": a.termin.kurs.titel,
                    "session": a.termin.beginn.isoformat(),
                    "status": a.status,
                    "registered_at": a.angemeldet_am.isoformat(),
                    "attended": a.teilgenommen,
                }
                for a in anmeldungen
            ],
        }
    }


@hooks.register("portal_start_url", order=30)
def personal_starts_on_the_staff_start_page(user):
    if user.has_perm("fortbildung.manage_training"):
        return reverse("intern_start")


@hooks.register("portal_start_url", order=80)
def administration_starts_in_the_training_catalogue(user):
    if user.has_perm("fortbildung.take_training"):
        return reverse("fortbildung:katalog")
