from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from portal.permissions import role_required
from portal.roles import DATENSCHUTZ

from .models import AuditEintrag, protokolliere


@never_cache
@role_required(DATENSCHUTZ)
def protokoll(request):
    """The audit log, for the Datenschutz role only; filter by case number or user."""
    eintraege = AuditEintrag.objects.all()
    fall = request.GET.get("fall", "").strip()[:20]
    user = request.GET.get("user", "").strip()[:254]
    if fall:
        eintraege = eintraege.filter(fall_nummer=fall)
    if user:
        eintraege = eintraege.filter(user_email__iexact=user)
    page = Paginator(eintraege, 100).get_page(request.GET.get("seite"))
    protokolliere(request.user, AuditEintrag.Aktion.LISTE, "audit")
    return render(request, "audit/protokoll.html", {"page_obj": page, "fall": fall, "user": user})
