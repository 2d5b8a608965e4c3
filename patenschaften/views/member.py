"""The Pate's own side: applying as a Pate and their own Patenschaften."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ehrenamt.models import Ehrenamtsprofil
from portal.permissions import permission_required

from .. import selectors, services
from ..forms import PatenbewerbungForm
from ..models import Patenbewerbung

volunteer_required = permission_required("patenschaften.volunteer")


@volunteer_required
def bewerbung(request):
    if not Ehrenamtsprofil.objects.filter(user=request.user).exists():
        messages.info(request, _("Please fill in your volunteer profile first: languages and times come from there."))
        return redirect("ehrenamt:profil")
    bewerbung = Patenbewerbung.objects.filter(user=request.user).first()
    form = PatenbewerbungForm(request.POST or None, instance=bewerbung)
    if request.method == "POST" and form.is_valid():
        if services.bewerbung_speichern(form.save(commit=False), request.user):
            messages.success(request, _("Thank you! The volunteer coordination will get in touch with you."))
        else:
            messages.success(request, _("Your details have been saved."))
        return redirect("patenschaften:meine_patenschaften")
    return render(request, "patenschaften/bewerbung.html", {"form": form, "bewerbung": bewerbung})


@volunteer_required
def meine_patenschaften(request):
    return render(
        request,
        "patenschaften/meine.html",
        {
            "patenschaften": selectors.meine_patenschaften(request.user),
            "bewerbung": Patenbewerbung.objects.filter(user=request.user).first(),
        },
    )
