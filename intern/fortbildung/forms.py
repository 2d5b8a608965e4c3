import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.forms import DateInput, DateTimeInput, ModelChoiceField, ModelMultipleChoiceField
from portal.roles import PERSONAL, VERWALTUNG, users_with_role

from .models import Abteilung, Kurs, Kurstermin, Mitarbeiter, Position


class KatalogFilterForm(forms.Form):
    abteilung = ModelChoiceField(
        label=_("Target group"), queryset=Abteilung.objects.all(), required=False, empty_label=_("All")
    )
    format = forms.ChoiceField(label=_("Format"), choices=[("", _("All")), *Kurs.Format.choices], required=False)


class KursForm(forms.ModelForm):
    class Meta:
        model = Kurs
        fields = [
            "titel",
            "beschreibung",
            "lernziele",
            "format",
            "dauer_stunden",
            "trainer",
            "zielgruppen",
            "pflicht_fuer",
            "aktiv",
        ]
        widgets = {
            "beschreibung": forms.Textarea(attrs={"rows": 4}),
            "lernziele": forms.Textarea(attrs={"rows": 4}),
            "zielgruppen": forms.CheckboxSelectMultiple,
            "pflicht_fuer": forms.CheckboxSelectMultiple,
            "dauer_stunden": forms.NumberInput(attrs={"step": "0.5", "min": "0.5", "max": "80"}),
        }
        field_classes = {"zielgruppen": ModelMultipleChoiceField, "pflicht_fuer": ModelMultipleChoiceField}

    def clean_dauer_stunden(self):
        value = self.cleaned_data["dauer_stunden"]
        if not 0.5 <= value <= 80:
            raise ValidationError(_("Please enter between 0.5 and 80 hours."))
        return value


class KursterminForm(forms.ModelForm):
    class Meta:
        model = Kurstermin
        fields = ["beginn", "ende", "ort", "kapazitaet", "anmeldeschluss", "abgesagt"]
        widgets = {
            "beginn": DateTimeInput(),
            "ende": DateTimeInput(),
            "anmeldeschluss": DateInput(),
            "kapazitaet": forms.NumberInput(attrs={"min": "1", "max": "500"}),
        }

    def clean_kapazitaet(self):
        value = self.cleaned_data["kapazitaet"]
        if not 1 <= value <= 500:
            raise ValidationError(_("Please enter between 1 and 500 places."))
        return value

    def clean_beginn(self):
        value = self.cleaned_data["beginn"]
        today = timezone.localdate()
        if (
            not today - datetime.timedelta(days=3 * 366)
            <= timezone.localtime(value).date()
            <= today + datetime.timedelta(days=2 * 366)
        ):
            raise ValidationError(_("Please enter a date from three years ago to two years ahead."))
        return value

    def clean(self):
        data = super().clean()
        beginn, ende, schluss = data.get("beginn"), data.get("ende"), data.get("anmeldeschluss")
        if beginn and ende and ende <= beginn:
            self.add_error("ende", _("The end must be after the start."))
        elif beginn and ende and ende - beginn > datetime.timedelta(hours=14):
            self.add_error("ende", _("A session lasts at most one day. Please add a session per day."))
        if beginn and schluss and schluss > timezone.localtime(beginn).date():
            self.add_error("anmeldeschluss", _("The registration deadline cannot be after the session."))
        return data


class KursterminAnwesenheitForm(forms.Form):
    anwesend = forms.MultipleChoiceField(label=_("Attended"), widget=forms.CheckboxSelectMultiple, required=False)

    def __init__(self, *args, anmeldungen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["anwesend"].choices = [(str(a.pk), str(a.user)) for a in anmeldungen]
        self.fields["anwesend"].initial = [str(a.pk) for a in anmeldungen if a.teilgenommen]


class AbteilungForm(forms.ModelForm):
    class Meta:
        model = Abteilung
        fields = ["name", "schnittstelle"]


class PositionForm(forms.ModelForm):
    class Meta:
        model = Position
        fields = ["name"]


class MitarbeiterForm(forms.ModelForm):
    class Meta:
        model = Mitarbeiter
        fields = ["user", "abteilung", "position", "aktiv"]
        field_classes = {"user": ModelChoiceField, "abteilung": ModelChoiceField, "position": ModelChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        users = get_user_model().objects.all()
        if self.instance.pk:
            self.fields["user"].disabled = True
            self.fields["user"].queryset = users.filter(pk=self.instance.user_id)
        else:
            self.fields["user"].queryset = (users_with_role(VERWALTUNG) | users_with_role(PERSONAL)).filter(
                mitarbeiter__isnull=True
            )
        self.fields["user"].label_from_instance = lambda u: f"{u.get_full_name() or u.email} <{u.email}>"
        self.fields["user"].help_text = _(
            "Accounts with the role Verwaltung or Personal that have no staff record yet."
        )
