from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from .models import Mitglied


@hooks.register("portal_account_data")
def membership_data(user):
    return {
        "verein_memberships": [
            {
                "membership_number": m.mitgliedsnummer,
                "name": f"{m.vorname} {m.nachname}",
                "address": f"{m.strasse}, {m.plz} {m.ort}",
                "email": m.email,
                "date_of_birth": m.geburtsdatum.isoformat(),
                "type": m.art,
                "status": m.status,
                "joined": m.eintritt.isoformat() if m.eintritt else None,
                "left": m.austritt.isoformat() if m.austritt else None,
                "reason_for_declining": m.ablehnungsgrund,
                "fees": [
                    {
                        "year": b.jahr,
                        "amount": str(b.betrag),
                        "paid_on": b.bezahlt_am.isoformat() if b.bezahlt_am else None,
                    }
                    for b in m.beitraege.all()
                ],
            }
            for m in Mitglied.objects.filter(user=user).prefetch_related("beitraege")
        ]
    }


@hooks.register("portal_account_links")
def membership_links(request):
    user = request.user
    links = []
    if user.has_perm("verein.use_member_area"):
        links.append({"label": _("Members' area"), "url": reverse("verein:bereich")})
    if user.has_perm("verein.manage_members"):
        links.append({"label": _("Member register"), "url": reverse("verein:register")})
    return links


@hooks.register("portal_start_url", order=60)
def vorstand_starts_on_the_register(user):
    if user.has_perm("verein.manage_members"):
        return reverse("verein:register")


@hooks.register("portal_start_url", order=90)
def members_start_in_the_members_area(user):
    if user.has_perm("verein.use_member_area"):
        return reverse("verein:bereich")
