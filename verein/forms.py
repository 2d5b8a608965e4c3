"""The Verein's forms: the membership application, one's own details, the Vorstand's register."""

import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from portal.forms import ERSTES_JAHR, LETZTES_JAHR, Datum, TimeInput, sinnvolles_jahr
from portal.public_forms import HoneypotFormMixin

from .models import Beitrag, Mitglied, Sprechrunde

BERLIN = ZoneInfo(settings.TIME_ZONE)


def at(day, time):
    """A date and a wall-clock time in Plochingen, as an aware datetime (DST included)."""
    return datetime.datetime.combine(day, time, tzinfo=BERLIN)


class Geburtsdatum(Datum):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, erstes_jahr=1900, **kwargs)


class MitgliedsantragForm(HoneypotFormMixin, forms.ModelForm):
    einwilligung_satzung = forms.BooleanField(label=_("I accept the statutes (Satzung) of the Verein."))
    einwilligung_datenschutz = forms.BooleanField(
        label=_("I agree that the Verein stores these details to manage my membership (see the privacy notice).")
    )

    class Meta:
        model = Mitglied
        fields = ["vorname", "nachname", "strasse", "plz", "ort", "email", "geburtsdatum", "art"]
        field_classes = {"geburtsdatum": Geburtsdatum}
        widgets = {
            "art": forms.RadioSelect,
            "vorname": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "nachname": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "strasse": forms.TextInput(attrs={"autocomplete": "address-line1"}),
            "plz": forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
            "ort": forms.TextInput(attrs={"autocomplete": "address-level2"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def __init__(self, *args, beitraege, satzung_url="", datenschutz_url="", **kwargs):
        super().__init__(*args, **kwargs)
        if satzung_url:
            self.fields["einwilligung_satzung"].help_text = format_html(
                '<a href="{}">{}</a>', satzung_url, _("Read the statutes (PDF)")
            )
        if datenschutz_url:
            self.fields["einwilligung_datenschutz"].help_text = format_html(
                '<a href="{}">{}</a>', datenschutz_url, _("Read the privacy notice")
            )
        self.fields["art"].choices = [
            (value, _("%(type)s – %(fee)s € a year") % {"type": label, "fee": formats.number_format(fee, 2)})
            for (value, label), fee in zip(
                Mitglied.Art.choices, [beitraege[v] for v in Mitglied.Art.values], strict=True
            )
        ]
        self.fields["geburtsdatum"].widget.attrs["autocomplete"] = "bday"

    def clean_plz(self):
        plz = self.cleaned_data["plz"].strip()
        if not (plz.isdigit() and len(plz) == 5):
            raise forms.ValidationError(_("Please enter a five-digit postcode."))
        return plz

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_geburtsdatum(self):
        day = self.cleaned_data["geburtsdatum"]
        today = timezone.localdate()
        limit = today.replace(year=today.year - 14, day=min(today.day, 28))
        if day > limit:
            raise forms.ValidationError(_("Members must be at least 14 years old."))
        return day

    def validate_unique(self):
        # The open-membership constraint is checked in the view, with a polite message.
        pass


class MeineDatenForm(forms.ModelForm):
    class Meta:
        model = Mitglied
        fields = ["strasse", "plz", "ort", "email"]

    clean_plz = MitgliedsantragForm.clean_plz
    clean_email = MitgliedsantragForm.clean_email


class MitgliedVerwaltenForm(forms.ModelForm):
    """For accepted members. Applications are decided by accepting or declining, not by a status."""

    MITGLIED_STATUS = [Mitglied.Status.AKTIV, Mitglied.Status.RUHEND, Mitglied.Status.AUSGETRETEN]

    class Meta:
        model = Mitglied
        fields = ["status", "art", "eintritt", "austritt"]
        field_classes = {"eintritt": Datum, "austritt": Datum}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s.value, s.label) for s in self.MITGLIED_STATUS]

    def clean(self):
        data = super().clean()
        if data.get("eintritt") and data.get("austritt") and data["austritt"] < data["eintritt"]:
            self.add_error("austritt", _("Leaving must not be before joining."))
        if data.get("status") == Mitglied.Status.AUSGETRETEN and not data.get("austritt"):
            self.add_error("austritt", _("Please enter the date of leaving."))
        return data


class AblehnenForm(forms.ModelForm):
    """Declining an application: the reason is sent to the applicant."""

    class Meta:
        model = Mitglied
        fields = ["ablehnungsgrund"]
        labels = {"ablehnungsgrund": _("Reason for the applicant")}
        help_texts = {"ablehnungsgrund": _("Sent to the applicant by email, as you write it here.")}
        widgets = {"ablehnungsgrund": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ablehnungsgrund"].required = True


class BeitragForm(forms.ModelForm):
    """A fee is recorded as paid only by choosing "paid" and giving the date it came in."""

    OFFEN = "offen"
    BEZAHLT = "bezahlt"
    bezahlt = forms.ChoiceField(
        label=_("Has the fee been paid?"),
        choices=[(OFFEN, _("Not yet paid")), (BEZAHLT, _("Paid"))],
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Beitrag
        fields = ["jahr", "betrag", "bezahlt", "bezahlt_am"]
        field_classes = {"bezahlt_am": Datum}
        help_texts = {"bezahlt_am": _("Only for a paid fee: the day the money came in.")}

    def clean(self):
        data = super().clean()
        bezahlt_am = data.get("bezahlt_am")
        if data.get("bezahlt") == self.BEZAHLT and not bezahlt_am and "bezahlt_am" not in self.errors:
            self.add_error("bezahlt_am", _("Please enter the day the fee was paid."))
        if data.get("bezahlt") == self.OFFEN and bezahlt_am:
            self.add_error("bezahlt_am", _('Leave this empty for an unpaid fee, or choose "Paid".'))
        if bezahlt_am and bezahlt_am > timezone.localdate():
            self.add_error("bezahlt_am", _("The payment date cannot be in the future."))
        return data

    def clean_jahr(self):
        jahr = self.cleaned_data["jahr"]
        if not sinnvolles_jahr(jahr):
            raise forms.ValidationError(
                _("Please enter a year between %(first)s and %(last)s.") % {"first": ERSTES_JAHR, "last": LETZTES_JAHR}
            )
        return jahr

    def clean_betrag(self):
        betrag = self.cleaned_data["betrag"]
        if betrag < 0:
            raise forms.ValidationError(_("The amount cannot be negative."))
        return betrag


class SprechrundeForm(forms.ModelForm):
    datum = Datum(label=_("Date"))
    uhrzeit = forms.TimeField(label=_("Time"), widget=TimeInput)

    class Meta:
        model = Sprechrunde
        fields = ["ort", "thema"]

    def clean(self):
        data = super().clean()
        if data.get("datum") and data.get("uhrzeit"):
            self.instance.beginn = at(data["datum"], data["uhrzeit"])
        return data
