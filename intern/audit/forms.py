import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.forms import Datum


class AuditFilterForm(forms.Form):
    """The audit log's filter: case number, user, and a date range (both days included)."""

    fall = forms.CharField(label=_("Case number"), max_length=20, required=False)
    user = forms.CharField(label=_("User's email"), max_length=254, required=False)
    von = Datum(label=_("From"), required=False)
    bis = Datum(label=_("Until"), required=False)

    def clean(self):
        data = super().clean()
        von, bis = data.get("von"), data.get("bis")
        if von and bis and bis < von:
            self.add_error("bis", _("The end of the period cannot be before its start."))
        return data

    def filter(self, eintraege):
        """The entries that match; none while the form has errors (the errors say why)."""
        if not self.is_valid():
            return eintraege.none()
        data = self.cleaned_data
        if data["fall"].strip():
            eintraege = eintraege.filter(fall_nummer=data["fall"].strip())
        if data["user"].strip():
            eintraege = eintraege.filter(user_email__iexact=data["user"].strip())
        if data["von"]:
            eintraege = eintraege.filter(zeitpunkt__gte=_start_of(data["von"]))
        if data["bis"]:
            eintraege = eintraege.filter(zeitpunkt__lt=_start_of(data["bis"] + datetime.timedelta(days=1)))
        return eintraege


def _start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
