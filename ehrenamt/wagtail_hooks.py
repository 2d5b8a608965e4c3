from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from .models import Ehrenamtsprofil, Einsatz, Qualifikationsnachweis


@hooks.register("portal_account_data")
def volunteering_data(user):
    profil = Ehrenamtsprofil.objects.filter(user=user).first()
    data = {}
    if profil is not None:
        data["volunteer_profile"] = {
            "status": profil.status,
            "languages": profil.sprachen,
            "areas": profil.bereiche,
            "days": profil.wochentage,
            "times_of_day": profil.tageszeiten,
            "availability_notes": profil.verfuegbarkeit,
            "phone": profil.telefon,
            "consent_given": profil.einwilligung_am.isoformat(),
            "created": profil.erstellt_am.isoformat(),
        }
    data["volunteer_qualifications"] = [
        {"qualification": n.art, "valid_until": n.gueltig_bis.isoformat() if n.gueltig_bis else None}
        for n in Qualifikationsnachweis.objects.filter(freiwillige=user)
    ]
    data["volunteer_shifts"] = [
        {
            "shift": e.schicht.titel,
            "area": e.schicht.bereich,
            "start": e.schicht.beginn.isoformat(),
            "end": e.schicht.ende.isoformat(),
            "status": e.status,
            "signed_up": e.angemeldet_am.isoformat(),
            "cancelled": e.abgemeldet_am.isoformat() if e.abgemeldet_am else None,
            "attended": e.anwesend,
            "hours": str(e.stunden) if e.stunden is not None else None,
            "signed_up_by_the_coordination": e.eingetragen_von_id is not None,
            "reason_for_cancelling": e.abmeldegrund,
        }
        for e in Einsatz.objects.filter(freiwillige=user).select_related("schicht")
    ]
    return data


@hooks.register("portal_account_links")
def volunteering_links(request):
    user = request.user
    links = [{"label": _("My volunteer profile"), "url": reverse("ehrenamt:profil")}]
    if user.has_perm("ehrenamt.volunteer"):
        links.insert(0, {"label": _("My shifts"), "url": reverse("ehrenamt:meine_einsaetze")})
    if user.has_perm("ehrenamt.coordinate_volunteers"):
        links.append({"label": _("Staffing overview"), "url": reverse("ehrenamt:uebersicht")})
    return links


@hooks.register("portal_start_url", order=20)
def coordination_starts_on_the_staffing_overview(user):
    if user.has_perm("ehrenamt.coordinate_volunteers"):
        return reverse("ehrenamt:uebersicht")


@hooks.register("portal_start_url", order=70)
def volunteers_start_on_their_shifts(user):
    if user.has_perm("ehrenamt.volunteer"):
        return reverse("ehrenamt:meine_einsaetze")


@hooks.register("portal_start_url", order=95)
def volunteers_waiting_for_approval_start_on_their_profile(user):
    if Ehrenamtsprofil.objects.filter(user=user).exists():
        return reverse("ehrenamt:profil")
