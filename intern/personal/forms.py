"""HR's forms on an application."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.forms import DateTimeInput, sinnvolles_jahr
from stellen.models import Bewerbung

DAUER = [(30, _("30 minutes")), (45, _("45 minutes")), (60, _("1 hour")), (90, _("1.5 hours")), (120, _("2 hours"))]


class BewerbungStatusForm(forms.Form):
    """HR's next step: a new status, an interview (date, time, place), an internal note, and on
    request a mail to the applicant, which HR sees before it is sent."""

    status = forms.ChoiceField(label=_("New status"), required=False)
    gespraech_beginn = forms.DateTimeField(
        label=_("Interview: date and time"),
        required=False,
        widget=DateTimeInput(),
        help_text=_("Needed for the status “Interview”. A new date replaces the one set before."),
    )
    gespraech_dauer = forms.TypedChoiceField(
        label=_("Interview: length"), choices=DAUER, coerce=int, initial=60, required=False
    )
    gespraech_ort = forms.CharField(
        label=_("Interview: place"),
        required=False,
        max_length=200,
        help_text=_("Building, room and address, as the applicant should find it."),
    )
    notiz = forms.CharField(
        label=_("Internal note"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only human resources sees it."),
    )
    mail = forms.BooleanField(
        label=_("Tell the applicant by email"),
        required=False,
        help_text=_("In the language of the application. You see the email before it is sent."),
    )
    nachricht = forms.CharField(
        label=_("Personal message in the email (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, bewerbung, **kwargs):
        super().__init__(*args, **kwargs)
        self.bewerbung = bewerbung
        self.fields["status"].choices = [("", _("Keep the status"))] + [
            (value, label) for value, label in Bewerbung.Status.choices if value != bewerbung.status
        ]
        if bewerbung.gespraech_beginn and not self.is_bound:
            self.initial.update(
                gespraech_beginn=timezone.localtime(bewerbung.gespraech_beginn),
                gespraech_dauer=int((bewerbung.gespraech_ende - bewerbung.gespraech_beginn).total_seconds() // 60),
                gespraech_ort=bewerbung.gespraech_ort,
            )

    def clean_gespraech_beginn(self):
        beginn = self.cleaned_data.get("gespraech_beginn")
        if beginn and not sinnvolles_jahr(beginn.year):
            raise ValidationError(_("Please enter a date within the coming year."))
        return beginn

    def neues_gespraech(self):
        """(start, end, place) when the form sets or changes the interview, else None."""
        beginn, ort = self.cleaned_data.get("gespraech_beginn"), self.cleaned_data.get("gespraech_ort", "").strip()
        if not beginn:
            return None
        ende = beginn + datetime.timedelta(minutes=self.cleaned_data.get("gespraech_dauer") or 60)
        b = self.bewerbung
        if (beginn, ende, ort) == (b.gespraech_beginn, b.gespraech_ende, b.gespraech_ort):
            return None
        return beginn, ende, ort

    def clean(self):
        data = super().clean()
        status = data.get("status")
        beginn, ort = data.get("gespraech_beginn"), data.get("gespraech_ort", "").strip()
        if status and self.bewerbung.status in Bewerbung.ABGESCHLOSSEN:
            self.add_error("status", _("This application is closed; its status can no longer change."))
        if beginn and not ort:
            self.add_error("gespraech_ort", _("Please enter where the interview takes place."))
        if ort and not beginn and "gespraech_beginn" not in self.errors:
            self.add_error("gespraech_beginn", _("Please enter the date and time of the interview."))
        if status == Bewerbung.Status.GESPRAECH and not beginn and "gespraech_beginn" not in self.errors:
            self.add_error("gespraech_beginn", _("Please enter the date and time of the interview."))
        if self.errors:
            return data
        gespraech = self.neues_gespraech()
        if gespraech and (self.bewerbung.status in Bewerbung.ABGESCHLOSSEN or status in Bewerbung.ABGESCHLOSSEN):
            self.add_error("gespraech_beginn", _("This application is closed: no interview can be planned."))
        elif gespraech and not timezone.now() < gespraech[0] < timezone.now() + datetime.timedelta(days=366):
            self.add_error("gespraech_beginn", _("Please enter a date within the coming year."))
        elif status == Bewerbung.Status.GESPRAECH and not gespraech and beginn <= timezone.now():
            # The interview set before is over: the new status needs a new one.
            self.add_error("gespraech_beginn", _("Please enter a date within the coming year."))
        if data.get("nachricht", "").strip() and not data.get("mail"):
            self.add_error(
                "nachricht", _("The message is sent only with the email: tick “Tell the applicant by email”.")
            )
        if data.get("mail") and not status and not gespraech:
            self.add_error(
                "mail", _("There is nothing new to tell the applicant: choose a new status or a new interview.")
            )
        if not status and not gespraech and not data.get("notiz", "").strip() and not self.errors:
            raise ValidationError(_("Please choose a new status, enter an interview or write a note."))
        return data
