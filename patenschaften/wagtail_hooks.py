from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from .models import Patenbewerbung, Patenschaft


@hooks.register("portal_account_data")
def patenschaften_data(user):
    data = {}
    bewerbung = Patenbewerbung.objects.filter(user=user).first()
    if bewerbung is not None:
        data["mentor_application"] = {
            "status": bewerbung.status,
            "district": bewerbung.stadtteil,
            "topics": bewerbung.themen,
            "can_accompany_children": bewerbung.kinder,
            "certificate_of_good_conduct": bewerbung.fuehrungszeugnis,
            "about_you": bewerbung.motivation,
        }
    data["patenschaften"] = [
        {"household": p.suche.bezeichnung, "start": p.beginn.isoformat(), "status": p.status}
        for p in Patenschaft.objects.filter(pate=user).select_related("suche")
    ]
    return data


@hooks.register("portal_account_links")
def patenschaften_links(request):
    if request.user.has_perm("patenschaften.volunteer"):
        return [{"label": _("My Patenschaften"), "url": reverse("patenschaften:meine_patenschaften")}]
    return []
