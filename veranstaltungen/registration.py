"""Registration for an event date: double opt-in, capacity, waiting list that moves up."""

import datetime

from django import forms
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from portal.capacity import Places
from portal.public_forms import HoneypotFormMixin, rate_limited
from portal.translation import in_source_language

from . import emails, selectors
from .models import Anmeldung, VeranstaltungPage

# Places per date; a confirmation or cancellation locks the event row.
PLAETZE = Places(
    parent=VeranstaltungPage,
    bookings=Anmeldung,
    parent_field="veranstaltung",
    capacity="kapazitaet",
    confirmed=Anmeldung.Status.BESTAETIGT,
    waiting=Anmeldung.Status.WARTELISTE,
    cancelled=Anmeldung.Status.STORNIERT,
    order=("bestaetigt", "pk"),
    pool=("datum",),
)


class AnmeldungForm(HoneypotFormMixin, forms.Form):
    datum = forms.ChoiceField(label=gettext_lazy("Date"))
    name = forms.CharField(
        label=gettext_lazy("Name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(label=gettext_lazy("Email"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))

    def __init__(self, *args, termine, frei, **kwargs):
        """`frei`: the free places of each date (by date), shown with it before anyone submits."""
        super().__init__(*args, **kwargs)
        self.fields["datum"].choices = [
            (t.date.isoformat(), f"{selectors.when(t)} – {_places(frei[t.date])}") for t in termine
        ]

    def clean_datum(self):
        return datetime.date.fromisoformat(self.cleaned_data["datum"])

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


def _places(free):
    if free <= 0:
        return _("fully booked, waiting list")
    return ngettext("%(count)s place free", "%(count)s places free", free) % {"count": free}


def _series(page):
    series = in_source_language(page)
    if not series.anmeldung or not series.kapazitaet:
        raise Http404
    return series


def _tell_moved_up(anmeldungen):
    for nachruecker in anmeldungen:
        emails.Nachgerueckt(nachruecker).send()


def _message(request, page, title, text, form=None, action="", anmeldung=None):
    context = {"page": page, "self": page, "title": title, "text": text, "form": form, "action": action}
    if anmeldung is not None:
        context["details"] = selectors.details(anmeldung.veranstaltung, anmeldung.datum)
        context["datum"] = anmeldung.datum.isoformat() if anmeldung.status != Anmeldung.Status.STORNIERT else None
    return TemplateResponse(request, "veranstaltungen/anmeldung_nachricht.html", context)


def _ask(request, page, anmeldung, title, action):
    """The page behind a mail's link: a button, not the link itself (mail scanners open links)."""
    return _message(request, page, title, anmeldung.name, form=True, action=action, anmeldung=anmeldung)


def register(request, page):
    series = _series(page)
    termine = [t for t in series.termine() if not t.cancelled][:12]
    taken = PLAETZE.taken_per(series, "datum")
    frei = {t.date: series.kapazitaet - taken.get(t.date, 0) for t in termine}
    form = AnmeldungForm(request.POST or None, termine=termine, frei=frei)
    if request.method == "POST":
        if form.is_spam():
            return _message(
                request, page, _("Almost done"), _("Please check your email and confirm your registration.")
            )
        if rate_limited(request, "anmeldung"):
            form.add_error(None, _("You have sent this form several times. Please try again in an hour."))
        elif form.is_valid():
            data = form.cleaned_data
            try:
                with transaction.atomic():
                    anmeldung = Anmeldung.objects.create(
                        veranstaltung=series,
                        datum=data["datum"],
                        name=data["name"],
                        email=data["email"],
                        sprache=get_language(),
                    )
            except IntegrityError:
                form.add_error(
                    "email",
                    _(
                        "This email address is already registered for this date. Please look for our email, "
                        "or cancel through its link and register again."
                    ),
                )
            else:
                emails.AnmeldungBestaetigen(anmeldung).send()
                return _message(
                    request, page, _("Almost done"), _("Please check your email and confirm your registration.")
                )
    return TemplateResponse(request, "veranstaltungen/anmelden.html", {"page": page, "self": page, "form": form})


def confirm(request, page, token):
    series = _series(page)
    anmeldung = get_object_or_404(Anmeldung, token=token, veranstaltung=series)
    if request.method != "POST":
        return _ask(request, page, anmeldung, _("Confirm your registration"), _("Confirm registration"))
    with transaction.atomic():
        # One confirmation at a time per event, so the capacity holds under concurrent requests.
        event, anmeldung = PLAETZE.lock_booking(anmeldung)
        if anmeldung.status == Anmeldung.Status.UNBESTAETIGT:
            result = PLAETZE.book(event, anmeldung, bestaetigt=timezone.now())
            _tell_moved_up(result.moved_up)
            mail = emails.Platz if anmeldung.status == Anmeldung.Status.BESTAETIGT else emails.Warteliste
            mail(anmeldung).send()
    if anmeldung.status == Anmeldung.Status.BESTAETIGT:
        return _message(
            request, page, _("You are registered"), _("We look forward to seeing you."), anmeldung=anmeldung
        )
    if anmeldung.status == Anmeldung.Status.WARTELISTE:
        position = PLAETZE.position(anmeldung.veranstaltung, anmeldung)
        return _message(
            request,
            page,
            _("You are on the waiting list"),
            _(
                "All places are taken. You are number %(position)s on the waiting list. If a place becomes "
                "free, you will move up automatically and get an email."
            )
            % {"position": position},
            anmeldung=anmeldung,
        )
    return _message(request, page, _("Registration cancelled"), _("This registration has been cancelled."))


def cancel(request, page, token):
    series = _series(page)
    anmeldung = get_object_or_404(Anmeldung, token=token, veranstaltung=series)
    if request.method != "POST":
        return _ask(request, page, anmeldung, _("Cancel your registration"), _("Cancel registration"))
    with transaction.atomic():
        event, anmeldung = PLAETZE.lock_booking(anmeldung)
        _tell_moved_up(PLAETZE.cancel(event, anmeldung).moved_up)
    return _message(request, page, _("Registration cancelled"), _("Thank you for letting us know."))
