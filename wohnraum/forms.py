"""The landlords' offer form (public) and the housing team's forms."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from angebote.forms import PhotosField
from portal.choices import Stadtteil
from portal.forms import DateInput, nicht_in_der_zukunft
from portal.public_forms import HoneypotFormMixin

from .models import Vermieterkontakt, Vermittlung, Wohnungsangebot, Wohnungssuche


class WohnungsangebotForm(HoneypotFormMixin, forms.ModelForm):
    fotos = PhotosField(
        label=_("Photos (optional)"),
        required=False,
        help_text=_("Up to five photos, JPEG, PNG or WebP, each at most 5 MB."),
    )
    einwilligung = forms.BooleanField(
        label=_("I agree that the city stores my details to find tenants for this flat and contacts me about it."),
        help_text=_(
            "You can withdraw this at any time by email. We delete your details one year after the offer ends."
        ),
    )

    class Meta:
        model = Wohnungsangebot
        fields = [
            "adresse",
            "stadtteil",
            "flaeche",
            "zimmer",
            "kaltmiete",
            "warmmiete",
            "frei_ab",
            "barrierefrei",
            "moebliert",
            "haustiere",
            "name",
            "email",
            "telefon",
        ]
        widgets = {
            "adresse": forms.TextInput(attrs={"autocomplete": "street-address"}),
            "frei_ab": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "telefon": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "flaeche": forms.NumberInput(attrs={"step": "0.5", "min": "10", "max": "400"}),
            "zimmer": forms.NumberInput(attrs={"step": "0.5", "min": "1", "max": "12"}),
            "kaltmiete": forms.NumberInput(attrs={"step": "1", "min": "50", "max": "5000"}),
            "warmmiete": forms.NumberInput(attrs={"step": "1", "min": "50", "max": "6000"}),
        }
        help_texts = {
            "adresse": _("Street and house number, for example Filsweg 12."),
            "warmmiete": _("Rent including heating and service charges."),
        }

    def _between(self, name, low, high, message):
        value = self.cleaned_data[name]
        if value is not None and not low <= value <= high:
            raise ValidationError(message)
        return value

    def clean_flaeche(self):
        return self._between("flaeche", 10, 400, _("Please enter a size between 10 and 400 m²."))

    def clean_zimmer(self):
        return self._between("zimmer", 1, 12, _("Please enter between 1 and 12 rooms."))

    def clean_kaltmiete(self):
        return self._between("kaltmiete", 50, 5000, _("Please enter a monthly rent between 50 and 5,000 €."))

    def clean_warmmiete(self):
        return self._between("warmmiete", 50, 6000, _("Please enter a monthly rent between 50 and 6,000 €."))

    def clean_frei_ab(self):
        value = self.cleaned_data["frei_ab"]
        today = timezone.localdate()
        if not today - datetime.timedelta(days=366) <= value <= today + datetime.timedelta(days=730):
            raise ValidationError(_("Please enter a date within the next two years."))
        return value

    def clean(self):
        data = super().clean()
        kalt, warm = data.get("kaltmiete"), data.get("warmmiete")
        if kalt is not None and warm is not None and warm < kalt:
            self.add_error("warmmiete", _("The rent with heating cannot be lower than the rent without heating."))
        return data


class AngebotStatusForm(forms.ModelForm):
    class Meta:
        model = Wohnungsangebot
        fields = ["status", "notiz"]
        widgets = {"notiz": forms.Textarea(attrs={"rows": 3})}


class VermieterkontaktForm(forms.ModelForm):
    class Meta:
        model = Vermieterkontakt
        fields = ["datum", "art", "notiz"]
        widgets = {"datum": DateInput(), "notiz": forms.Textarea(attrs={"rows": 2})}

    def clean_datum(self):
        value = self.cleaned_data["datum"]
        nicht_in_der_zukunft(value)
        return value


class SucheForm(forms.ModelForm):
    stadtteile = forms.MultipleChoiceField(
        label=_("Preferred districts"),
        choices=Stadtteil.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Wohnungssuche
        fields = ["personen", "mietobergrenze", "barrierefrei", "stadtteile", "aktiv"]

    def clean_personen(self):
        value = self.cleaned_data["personen"]
        if not 1 <= value <= 15:
            raise forms.ValidationError(_("Please enter between 1 and 15 people."))
        return value

    def clean_mietobergrenze(self):
        value = self.cleaned_data["mietobergrenze"]
        if not 100 <= value <= 5000:
            raise forms.ValidationError(_("Please enter a monthly amount between 100 and 5,000 €."))
        return value


class SchrittForm(forms.Form):
    status = forms.ChoiceField(label=_("Next step"))
    datum = forms.DateField(label=_("Date"), widget=DateInput(), initial=timezone.localdate)

    def __init__(self, *args, vermittlung, **kwargs):
        super().__init__(*args, **kwargs)
        self.vermittlung = vermittlung
        labels = dict(Vermittlung.Status.choices)
        self.fields["status"].choices = [(s, labels[s]) for s in Vermittlung.NAECHSTE[vermittlung.status]]

    def clean_datum(self):
        value = self.cleaned_data["datum"]
        nicht_in_der_zukunft(value)
        if value < self.vermittlung.letztes_datum():
            raise forms.ValidationError(_("This step cannot come before the previous one."))
        return value


class NachbetreuungForm(forms.ModelForm):
    class Meta:
        model = Vermittlung
        fields = ["nachbetreuung_am", "nachbetreuung_notiz"]
        widgets = {"nachbetreuung_am": DateInput(), "nachbetreuung_notiz": forms.Textarea(attrs={"rows": 3})}

    def clean_nachbetreuung_am(self):
        value = self.cleaned_data["nachbetreuung_am"]
        nicht_in_der_zukunft(value)
        if value is None:
            raise forms.ValidationError(_("Please enter the date of the check-in."))
        if self.instance.eingezogen_am and value < self.instance.eingezogen_am:
            raise forms.ValidationError(_("The check-in comes after moving in."))
        return value
