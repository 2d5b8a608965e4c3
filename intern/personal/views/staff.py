"""HR's applicant tracking. Every read of an application by HR is written to the audit log; nobody
else reaches an application. Applying is in stellen/views/public.py."""

import dataclasses

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from intern.audit.models import AuditEintrag, protokolliere
from portal import calendars
from portal.permissions import permission_required
from stellen.models import Bewerbung, Stellenbereich

from .. import emails, services
from ..forms import BewerbungStatusForm
from ..statistik import einstellungen_pro_jahr

A = AuditEintrag.Aktion
PAGE_SIZE = 50


def hr_view(view):
    """HR only, never cached, and no form values in error reports."""
    return never_cache(sensitive_post_parameters()(permission_required("personal.handle_applications")(view)))


@hr_view
def liste(request):
    bewerbungen = Bewerbung.objects.all()
    status = request.GET.get("status", "")
    if status in Bewerbung.Status.values:
        bewerbungen = bewerbungen.filter(status=status)
    bereich = request.GET.get("bereich", "")
    if bereich in Stellenbereich.values:
        bewerbungen = bewerbungen.filter(bereich=bereich)
    page = Paginator(bewerbungen.order_by("-eingegangen", "-pk"), PAGE_SIZE).get_page(request.GET.get("seite"))
    protokolliere(request.user, A.LISTE, "bewerbungen")
    zaehler = dict(Bewerbung.objects.values("status").annotate(n=Count("pk")).values_list("status", "n"))
    return render(
        request,
        "personal/liste.html",
        {
            "page_obj": page,
            "status": status,
            "bereich": bereich,
            "stati": [(value, label, zaehler.get(value, 0)) for value, label in Bewerbung.Status.choices],
            "bereiche": Stellenbereich.choices,
            "query_prefix": urlencode({k: v for k, v in {"status": status, "bereich": bereich}.items() if v}),
            "aktiv": "bewerbungen",
        },
    )


@hr_view
def detail(request, pk):
    """The application and HR's next step. A step that tells the applicant by mail shows the mail
    first (as the applicant will read it, and in HR's language); "send" saves the step and sends it."""
    bewerbung = get_object_or_404(Bewerbung, pk=pk)
    form = BewerbungStatusForm(request.POST or None, bewerbung=bewerbung)
    if request.method == "POST" and form.is_valid() and "aendern" not in request.POST:
        if form.cleaned_data["mail"] and "senden" not in request.POST:
            return _mail_vorschau(request, bewerbung, form)
        bewerbung = services.schritt_speichern(pk, request.user, form)
        if form.cleaned_data["mail"]:
            messages.success(request, _("Saved. The email to the applicant is on its way."))
        else:
            messages.success(request, _("Saved."))
        return redirect("personal:bewerbung", bewerbung.pk)
    protokolliere(request.user, A.LESEN, "bewerbung", bewerbung)
    return render(
        request,
        "personal/bewerbung.html",
        {
            "bewerbung": bewerbung,
            "verlauf": bewerbung.verlauf.select_related("user"),
            "form": form,
            "abgeschlossen": bewerbung.status in Bewerbung.ABGESCHLOSSEN,
            "aktiv": "bewerbungen",
        },
    )


def _mail_vorschau(request, bewerbung, form):
    nachher = services.mit_schritt(bewerbung, form)
    mail = services.status_mail(nachher, form)
    empfaenger = mail.recipients[0]
    vorschau = mail.render(empfaenger)
    lesefassung = None
    if empfaenger.language != get_language():  # a copy HR can read
        lesefassung = mail.render(dataclasses.replace(empfaenger, language=get_language()))
    protokolliere(request.user, A.LESEN, "bewerbung", bewerbung)
    return render(
        request,
        "personal/mail_vorschau.html",
        {
            "bewerbung": bewerbung,
            "form": form,
            "empfaenger": empfaenger,
            "vorschau": vorschau,
            "lesefassung": lesefassung,
            "aktiv": "bewerbungen",
        },
    )


@hr_view
@calendars.calendar_view()
def gespraech_ics(request, pk):
    """The interview for HR's calendar: no applicant's name in it, only the job and a link."""
    bewerbung = get_object_or_404(Bewerbung, pk=pk, gespraech_beginn__isnull=False)
    protokolliere(request.user, A.LESEN, "bewerbung_gespraech", bewerbung)
    url = request.build_absolute_uri(reverse("personal:bewerbung", args=[bewerbung.pk]))
    body = emails.gespraech_kalender(bewerbung, bewerbung.stelle_titel, url)
    return calendars.CalendarFile(body, f"vorstellungsgespraech-{bewerbung.pk}.ics", attachment=True)


@hr_view
def lebenslauf(request, pk):
    bewerbung = get_object_or_404(Bewerbung, pk=pk)
    try:
        datei = bewerbung.lebenslauf.open("rb")
    except (ValueError, FileNotFoundError) as error:
        raise Http404 from error
    protokolliere(request.user, A.LESEN, "bewerbung_lebenslauf", bewerbung)
    # A file from the internet: downloaded, never run in the portal's origin.
    response = FileResponse(datei, content_type="application/pdf", as_attachment=True)
    response["Content-Disposition"] = f'attachment; filename="lebenslauf-{bewerbung.pk}.pdf"'
    response["Content-Security-Policy"] = "sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@hr_view
def statistik(request):
    return render(request, "personal/statistik.html", {"jahre": einstellungen_pro_jahr(), "aktiv": "statistik"})
