from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from angebote.models import AngebotPage
from portal.forms import DateInput, ModelChoiceField, ModelMultipleChoiceField, nicht_in_der_zukunft
from portal.roles import INTEGRATIONSMANAGEMENT, users_with_role

from .models import (
    EMPFAENGER,
    Aufenthalt,
    Bedarf,
    Einwilligung,
    Fall,
    Fallkontakt,
    Integrationsvereinbarung,
    Massnahme,
    Person,
    Rasterbereich,
    RunderTisch,
    Stelle,
    Uebergabe,
)

NOTIZ_MAX = 2000


def case_workers():
    """Who can be assigned to a case: the Integrationsmanagement, the Teamleitung included."""
    return users_with_role(INTEGRATIONSMANAGEMENT).order_by("last_name", "first_name")


class FallForm(forms.ModelForm):
    class Meta:
        model = Fall
        fields = ["pseudonym", "status", "unterbringung", "adresse", "zugewiesen_am", "abgeschlossen_am"]
        widgets = {"zugewiesen_am": DateInput(), "abgeschlossen_am": DateInput()}

    def __init__(self, *args, teamleitung=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adresse"].help_text = _("For example Filsweg 7 (follow-up accommodation).")
        if teamleitung:
            self.fields["bearbeitende"] = ModelMultipleChoiceField(
                label=_("Case workers"),
                queryset=case_workers(),
                required=False,
                widget=forms.CheckboxSelectMultiple,
                initial=list(self.instance.bearbeitende.all()) if self.instance.pk else None,
            )

    def clean_zugewiesen_am(self):
        value = self.cleaned_data["zugewiesen_am"]
        nicht_in_der_zukunft(value)
        return value

    def clean_abgeschlossen_am(self):
        value = self.cleaned_data["abgeschlossen_am"]
        nicht_in_der_zukunft(value)
        return value

    def clean(self):
        data = super().clean()
        if data.get("status") == Fall.Status.ABGESCHLOSSEN and not data.get("abgeschlossen_am"):
            self.add_error("abgeschlossen_am", _("Please enter the date the case was closed."))
        closed, assigned = data.get("abgeschlossen_am"), data.get("zugewiesen_am")
        if closed and assigned and closed < assigned:
            # A wrong date here would start the deletion period too early.
            self.add_error("abgeschlossen_am", _("A case cannot be closed before it was assigned."))
        return data


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["vorname", "nachname", "geburtsdatum", "staatsangehoerigkeit", "sprachen"]
        widgets = {"geburtsdatum": DateInput()}

    def clean_geburtsdatum(self):
        value = self.cleaned_data["geburtsdatum"]
        nicht_in_der_zukunft(value)
        return value


class AufenthaltForm(forms.ModelForm):
    class Meta:
        model = Aufenthalt
        fields = ["status", "seit", "notiz"]
        widgets = {"seit": DateInput(), "notiz": forms.Textarea(attrs={"rows": 2})}

    def clean_seit(self):
        value = self.cleaned_data["seit"]
        nicht_in_der_zukunft(value)
        return value


class EinwilligungForm(forms.ModelForm):
    empfaenger = forms.MultipleChoiceField(
        label=_("Data may be shared with"),
        choices=EMPFAENGER,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Einwilligung
        fields = ["erteilt_am", "empfaenger"]
        widgets = {"erteilt_am": DateInput()}

    def clean_erteilt_am(self):
        value = self.cleaned_data["erteilt_am"]
        nicht_in_der_zukunft(value)
        return value


class UebergabeForm(forms.ModelForm):
    class Meta:
        model = Uebergabe
        fields = [
            "dokumente_uebergeben",
            "offene_termine",
            "gesundheitshinweise",
            "schule_kita",
            "notizen",
            "erstkontakt_am",
        ]
        widgets = {
            "offene_termine": forms.Textarea(attrs={"rows": 3}),
            "gesundheitshinweise": forms.Textarea(attrs={"rows": 3}),
            "schule_kita": forms.Textarea(attrs={"rows": 2}),
            "notizen": forms.Textarea(attrs={"rows": 4}),
            "erstkontakt_am": DateInput(),
        }

    def clean_erstkontakt_am(self):
        value = self.cleaned_data["erstkontakt_am"]
        nicht_in_der_zukunft(value)
        return value


class RasterForm(forms.Form):
    """The Beratungsraster: status, priority and a note for each of the eight life areas."""

    def __init__(self, *args, bedarfe, **kwargs):
        super().__init__(*args, **kwargs)
        self.bereiche = []
        for code, label in Rasterbereich.choices:
            bedarf = bedarfe.get(code)
            self.fields[f"{code}_status"] = forms.ChoiceField(
                label=_("%(area)s: status") % {"area": label},
                choices=Bedarf.Status.choices,
                initial=bedarf.status if bedarf else Bedarf.Status.NICHT_ERHOBEN,
            )
            self.fields[f"{code}_prioritaet"] = forms.TypedChoiceField(
                label=_("%(area)s: priority") % {"area": label},
                choices=Bedarf.Prioritaet.choices,
                coerce=int,
                initial=bedarf.prioritaet if bedarf else Bedarf.Prioritaet.MITTEL,
            )
            self.fields[f"{code}_notiz"] = forms.CharField(
                label=_("%(area)s: note") % {"area": label},
                required=False,
                max_length=NOTIZ_MAX,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=(bedarf.notiz or "") if bedarf else "",
            )
            self.bereiche.append(
                (code, label, self[f"{code}_status"], self[f"{code}_prioritaet"], self[f"{code}_notiz"])
            )


class MassnahmeForm(forms.ModelForm):
    class Meta:
        model = Massnahme
        fields = ["lebensbereich", "beschreibung", "stelle", "angebot", "verantwortlich", "faellig_am", "status"]
        widgets = {"beschreibung": forms.Textarea(attrs={"rows": 3}), "faellig_am": DateInput()}
        field_classes = {"angebot": ModelChoiceField, "verantwortlich": ModelChoiceField}

    def __init__(self, *args, fall, **kwargs):
        super().__init__(*args, **kwargs)
        self.fall = fall
        self.fields["angebot"].queryset = (
            AngebotPage.objects.live().filter(locale__language_code="de").order_by("title")
        )
        # Only the case's own workers take responsibility: others could not open the case.
        self.fields["verantwortlich"].queryset = fall.bearbeitende.all() if fall is not None else case_workers()

    def clean_stelle(self):
        stelle = self.cleaned_data["stelle"]
        unchanged = self.instance.pk is not None and stelle == self.instance.stelle
        if self.fall is not None and not unchanged and not self.fall.darf_weitergeben(stelle):
            einwilligung = self.fall.einwilligung()
            covered = ", ".join(str(label) for label in einwilligung.empfaenger_labels()) if einwilligung else ""
            raise ValidationError(
                _(
                    "The household's consent does not cover sharing data with %(body)s "
                    "(consent covers: %(covered)s). Record a new consent first."
                ),
                params={"body": Stelle(stelle).label, "covered": covered or _("nobody")},
            )
        return stelle

    def clean(self):
        data = super().clean()
        if data.get("stelle") == Stelle.FACHBERATUNG and not data.get("angebot"):
            self.add_error("angebot", _("Please choose the counselling service from the offer finder."))
        return data


class VereinbarungForm(forms.ModelForm):
    class Meta:
        model = Integrationsvereinbarung
        fields = ["ziele", "unterzeichnet_am", "ueberpruefung_am"]
        widgets = {
            "ziele": forms.Textarea(attrs={"rows": 6}),
            "unterzeichnet_am": DateInput(),
            "ueberpruefung_am": DateInput(),
        }
        help_texts = {"ziele": _("One goal per line.")}

    def clean_unterzeichnet_am(self):
        value = self.cleaned_data["unterzeichnet_am"]
        nicht_in_der_zukunft(value)
        return value

    def clean(self):
        data = super().clean()
        signed, review = data.get("unterzeichnet_am"), data.get("ueberpruefung_am")
        if signed and review and review <= signed:
            self.add_error("ueberpruefung_am", _("The review must come after the signing."))
        return data


class RunderTischForm(forms.ModelForm):
    datum = forms.DateTimeField(
        label=_("Date and time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"],
    )

    class Meta:
        model = RunderTisch
        fields = ["datum", "ort", "teilnehmende", "notizen"]
        widgets = {"teilnehmende": forms.Textarea(attrs={"rows": 3}), "notizen": forms.Textarea(attrs={"rows": 4})}

    def clean_datum(self):
        value = self.cleaned_data["datum"]
        if not 2000 <= value.year <= 2100:
            raise ValidationError(_("Please enter a date between 2000 and 2100."))
        return value


class TagesordnungForm(forms.Form):
    """Cases for the agenda, ticked in the list of the user's cases that are not closed."""

    faelle = ModelMultipleChoiceField(
        label=_("Cases"),
        queryset=Fall.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Please choose at least one case.")},
    )

    def __init__(self, *args, faelle, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["faelle"].queryset = faelle.exclude(status=Fall.Status.ABGESCHLOSSEN).order_by("nummer")
        self.fields["faelle"].label_from_instance = lambda fall: f"{fall.nummer} ({fall.pseudonym})"


class RunderTischBeschlussForm(MassnahmeForm):
    """A decision of the round table: a measure on one of the cases on the agenda."""

    tisch_fall = ModelChoiceField(label=_("Case"), queryset=Fall.objects.none())

    class Meta(MassnahmeForm.Meta):
        fields = ["lebensbereich", "beschreibung", "stelle", "angebot", "verantwortlich", "faellig_am"]

    field_order = ["tisch_fall", "lebensbereich", "beschreibung", "stelle", "angebot", "verantwortlich", "faellig_am"]

    def __init__(self, *args, faelle, **kwargs):
        super().__init__(*args, fall=None, **kwargs)
        self.fields["beschreibung"].label = _("What was decided")
        self.fields["beschreibung"].help_text = _(
            "This goes into the printed minutes: describe the decision without names or personal details."
        )
        self.fields["tisch_fall"].queryset = faelle
        self.fields["tisch_fall"].label_from_instance = lambda fall: f"{fall.nummer} ({fall.pseudonym})"

    def clean_tisch_fall(self):
        # Cleaned first (field_order): the consent check of `stelle` needs the case.
        self.fall = self.cleaned_data["tisch_fall"]
        return self.fall

    def clean(self):
        data = super().clean()
        owner, fall = data.get("verantwortlich"), data.get("tisch_fall")
        if owner and fall and not fall.bearbeitende.filter(pk=owner.pk).exists():
            self.add_error("verantwortlich", _("This person does not work on the case."))
        return data


class FallkontaktForm(forms.ModelForm):
    """An entry of the contact log; the staff member is the one signed in."""

    class Meta:
        model = Fallkontakt
        fields = ["datum", "art", "notiz", "wiedervorlage_am"]
        widgets = {"datum": DateInput(), "wiedervorlage_am": DateInput(), "notiz": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "notiz": _("Short and factual: what was discussed or agreed."),
            "wiedervorlage_am": _("Optional: the day this case should come back to you. It appears in My tasks."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["notiz"].max_length = NOTIZ_MAX
        self.fields["notiz"].widget.attrs["maxlength"] = NOTIZ_MAX
        self.fields["notiz"].validators.append(MaxLengthValidator(NOTIZ_MAX))

    def clean_datum(self):
        value = self.cleaned_data["datum"]
        nicht_in_der_zukunft(value)
        return value

    def clean(self):
        data = super().clean()
        datum, wiedervorlage = data.get("datum"), data.get("wiedervorlage_am")
        if datum and wiedervorlage and wiedervorlage < datum:
            self.add_error("wiedervorlage_am", _("The follow-up cannot be before the contact."))
        return data
