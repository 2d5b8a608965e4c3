"""The forms of Patenschaften: applying as a Pate, registering a household, matching, check-ins, the end."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from angebote.models import SPRACHEN
from ehrenamt.forms import multiple
from ehrenamt.models import Tageszeit, Wochentag
from portal.forms import Datum

from .models import Patenbewerbung, Patenkontakt, Patenschaft, Patensuche, Thema


class PatenbewerbungForm(forms.ModelForm):
    themen = multiple(_("What would you like to help with?"), Thema.choices, required=True)

    class Meta:
        model = Patenbewerbung
        fields = ["stadtteil", "themen", "kinder", "fuehrungszeugnis", "motivation"]
        labels = {
            "stadtteil": _("District you live in"),
            "kinder": _("I can also accompany children"),
            "fuehrungszeugnis": _("Extended certificate of good conduct"),
            "motivation": _("A few words about you (optional)"),
        }
        help_texts = {
            "fuehrungszeugnis": _(
                "Needed to accompany children. The volunteer coordination records it once you have shown it."
            ),
        }
        widgets = {"fuehrungszeugnis": forms.RadioSelect, "motivation": forms.Textarea(attrs={"rows": 4})}


class PatensucheForm(forms.ModelForm):
    sprachen = multiple(_("Languages"), list(SPRACHEN.items()), required=True)
    themen = multiple(_("Needs"), Thema.choices, required=True)
    wochentage = multiple(_("Preferred days"), Wochentag.choices)
    tageszeiten = multiple(_("Preferred times of day"), Tageszeit.choices)

    class Meta:
        model = Patensuche
        fields = [
            "bezeichnung",
            "sprachen",
            "themen",
            "stadtteil",
            "wochentage",
            "tageszeiten",
            "mit_kindern",
            "hinweise",
            "status",
        ]
        widgets = {"hinweise": forms.Textarea(attrs={"rows": 2})}


class PatenschaftForm(forms.ModelForm):
    pate = forms.ModelChoiceField(label=_("Pate"), queryset=None)

    class Meta:
        model = Patenschaft
        fields = ["pate", "beginn", "rueckmeldung_wochen"]
        field_classes = {"beginn": Datum}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pate"].queryset = get_user_model().objects.filter(
            patenbewerbung__status=Patenbewerbung.Status.AKTIV, is_active=True
        )
        self.fields["pate"].label_from_instance = lambda user: user.get_full_name() or user.email
        self.fields["rueckmeldung_wochen"].min_value = 1
        self.fields["rueckmeldung_wochen"].widget.attrs.update({"min": 1, "max": 26})

    def clean_rueckmeldung_wochen(self):
        wochen = self.cleaned_data["rueckmeldung_wochen"]
        if not 1 <= wochen <= 26:
            raise forms.ValidationError(_("Please choose between 1 and 26 weeks."))
        return wochen


class PatenkontaktForm(forms.ModelForm):
    class Meta:
        model = Patenkontakt
        fields = ["datum", "notiz"]
        field_classes = {"datum": Datum}
        widgets = {"notiz": forms.Textarea(attrs={"rows": 3})}


class BeendenForm(forms.ModelForm):
    class Meta:
        model = Patenschaft
        fields = ["ende", "rueckblick"]
        field_classes = {"ende": Datum}
        labels = {"rueckblick": _("Short review")}
        widgets = {"rueckblick": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ende"].required = True
        self.fields["rueckblick"].required = True

    def clean(self):
        data = super().clean()
        if data.get("ende") and data["ende"] < self.instance.beginn:
            self.add_error("ende", _("The end must not be before the start."))
        return data
