import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from angebote.models import SPRACHEN, Ort
from portal.formats import day as formats_day
from portal.forms import Datum, TimeInput, telefonnummer
from veranstaltungen.models import VeranstaltungPage

from . import selectors
from .models import (
    Ehrenamtsprofil,
    Einsatz,
    Einsatzbereich,
    Qualifikation,
    Qualifikationsnachweis,
    Schicht,
    Tageszeit,
    Wochentag,
)

MAX_SERIE_WOCHEN = 26
BERLIN = ZoneInfo(settings.TIME_ZONE)


def multiple(label, choices, required=False, help_text=""):
    return forms.MultipleChoiceField(
        label=label, choices=choices, required=required, help_text=help_text, widget=forms.CheckboxSelectMultiple
    )


def at(day, time):
    """A date and a wall-clock time in Plochingen, as an aware datetime (DST included)."""
    return datetime.datetime.combine(day, time, tzinfo=BERLIN)


class ProfilForm(forms.ModelForm):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    sprachen = multiple(_("Languages you speak"), list(SPRACHEN.items()), required=True)
    bereiche = multiple(
        _("Where would you like to help?"),
        Einsatzbereich.choices,
        required=True,
        help_text=_("You can change this at any time."),
    )
    wochentage = multiple(_("Days on which you usually have time"), Wochentag.choices)
    tageszeiten = multiple(_("Times of day"), Tageszeit.choices)
    einwilligung = forms.BooleanField(
        label=_(
            "I agree that the city's volunteer coordination stores these details to plan volunteering "
            "and to contact me. I can withdraw this at any time by deleting my account."
        ),
    )

    class Meta:
        model = Ehrenamtsprofil
        fields = ["sprachen", "bereiche", "wochentage", "tageszeiten", "verfuegbarkeit", "telefon"]
        labels = {"verfuegbarkeit": _("Anything else about when you can help (optional)"), "telefon": _("Phone")}
        help_texts = {
            "telefon": _("Optional. Only the volunteer coordination sees it, e.g. to reach you at short notice.")
        }
        widgets = {
            "verfuegbarkeit": forms.Textarea(attrs={"rows": 2}),
            "telefon": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        self.fields["first_name"].initial = user.first_name
        self.fields["last_name"].initial = user.last_name
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        if self.instance.pk:
            self.fields["einwilligung"].initial = True
        self.order_fields(["first_name", "last_name", "telefon", "sprachen", "bereiche"])

    def clean_telefon(self):
        return telefonnummer(self.cleaned_data["telefon"])

    def save(self, commit=True):
        profil = super().save(commit=False)
        profil.user = self.user
        if not profil.einwilligung_am:
            profil.einwilligung_am = timezone.now()
        self.user.first_name = self.cleaned_data["first_name"]
        self.user.last_name = self.cleaned_data["last_name"]
        if commit:
            self.user.save(update_fields=["first_name", "last_name"])
            profil.save()
        return profil


class SchichtFilterForm(forms.Form):
    bereich = forms.ChoiceField(
        label=_("Area"), choices=[("", _("All areas")), *Einsatzbereich.choices], required=False
    )
    von = Datum(label=pgettext_lazy("date or time", "From"), required=False)
    bis = Datum(label=pgettext_lazy("date or time", "Until"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("von") and data.get("bis") and data["bis"] < data["von"]:
            self.add_error("bis", _("The end date must not be before the start date."))
        return data

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data["bereich"]:
            queryset = queryset.filter(bereich=data["bereich"])
        if data["von"]:
            queryset = queryset.filter(beginn__gte=at(data["von"], datetime.time.min))
        if data["bis"]:
            queryset = queryset.filter(beginn__lt=at(data["bis"] + datetime.timedelta(days=1), datetime.time.min))
        return queryset


def ort_label(ort):
    """ "Begegnungszentrum – Marktstraße 20, 73207 Plochingen": one place, one address."""
    lines = [line.strip() for line in ort.adresse.splitlines() if line.strip()]
    return f"{ort.name} – {', '.join(lines)}" if lines else ort.name


def ausfall_text(veranstaltung, ausfall):
    """Why a shift cannot be on this date, for the coordination."""
    values = {"event": veranstaltung.title, "date": formats_day(ausfall.datum), "note": ausfall.hinweis}
    if ausfall.hinweis:
        return _("%(event)s is cancelled on %(date)s (%(note)s).") % values
    return _("%(event)s is cancelled on %(date)s.") % values


class SchichtForm(forms.ModelForm):
    datum = Datum(label=_("Date"))
    von = forms.TimeField(label=pgettext_lazy("date or time", "From"), widget=TimeInput)
    bis = forms.TimeField(label=pgettext_lazy("date or time", "Until"), widget=TimeInput)
    wiederholen_bis = Datum(
        label=_("Repeat weekly until"),
        required=False,
        help_text=_("Optional: creates the same shift every week up to this date (at most 26 weeks)."),
    )

    class Meta:
        model = Schicht
        fields = ["bereich", "titel", "veranstaltung", "stelle", "ort", "kapazitaet", "qualifikation", "notizen"]
        widgets = {"notizen": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "stelle": _("Empty with an event chosen: the event's place."),
            "kapazitaet": _("How many volunteers are needed."),
            "notizen": _("Visible to the volunteers, e.g. what to bring or where to meet."),
        }

    def __init__(self, *args, serie_erlaubt=True, belegt=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.belegt = belegt
        self.ausgelassen = []  # dates of the series skipped because the event is cancelled then
        self.fields["qualifikation"].choices = [("", _("None")), *Qualifikation.choices]
        german = Q(locale__language_code=settings.LANGUAGE_CODE, live=True)
        stelle = self.fields["stelle"]
        stelle.queryset = Ort.objects.filter(german | Q(pk=self.instance.stelle_id)).order_by("name")
        stelle.label_from_instance = ort_label
        stelle.empty_label = _("Choose a place")
        veranstaltung = self.fields["veranstaltung"]
        veranstaltung.queryset = VeranstaltungPage.objects.filter(
            (german & Q(live=True)) | Q(pk=self.instance.veranstaltung_id)
        ).order_by("title")
        veranstaltung.empty_label = _("No event")
        if self.instance.pk:
            start = timezone.localtime(self.instance.beginn)
            self.fields["datum"].initial = start.date()
            self.fields["von"].initial = start.time()
            self.fields["bis"].initial = timezone.localtime(self.instance.ende).time()
        if not serie_erlaubt:
            del self.fields["wiederholen_bis"]
        self.order_fields(["bereich", "titel", "datum", "von", "bis", "veranstaltung", "stelle", "ort", "kapazitaet"])

    def clean_kapazitaet(self):
        kapazitaet = self.cleaned_data["kapazitaet"]
        if kapazitaet < 1:
            raise forms.ValidationError(_("A shift needs at least one place."))
        if kapazitaet < self.belegt:
            raise forms.ValidationError(self.zu_wenig_plaetze(self.belegt))
        return kapazitaet

    def zu_wenig_plaetze(self, belegt):
        return _(
            "%(count)s volunteers are already signed up. Ask one of them to step back before you reduce the places."
        ) % {"count": belegt}

    def clean(self):
        data = super().clean()
        datum, von, bis = data.get("datum"), data.get("von"), data.get("bis")
        if datum and von and bis:
            if bis <= von:
                self.add_error("bis", _("The shift must end after it starts."))
            else:
                self.instance.beginn = at(datum, von)
                self.instance.ende = at(datum, bis)
                if self.instance.beginn <= timezone.now():
                    self.add_error("datum", _("Please choose a date and time in the future."))
        until = data.get("wiederholen_bis")
        if until and datum:
            if until <= datum:
                self.add_error("wiederholen_bis", _("The series must end after the first date."))
            elif (until - datum).days > MAX_SERIE_WOCHEN * 7:
                self.add_error("wiederholen_bis", _("A series can cover at most 26 weeks."))
        self._clean_ort(data)
        if datum and "datum" not in self.errors and "wiederholen_bis" not in self.errors:
            self._clean_ausfaelle(data)
        return data

    def _clean_ort(self, data):
        stelle, ort, veranstaltung = data.get("stelle"), data.get("ort", "").strip(), data.get("veranstaltung")
        if stelle and ort:
            self.add_error("ort", _("Please either choose a place from the list or enter another place, not both."))
        elif not stelle and not ort:
            if veranstaltung and veranstaltung.ort_id:
                data["stelle"] = veranstaltung.ort
            elif "stelle" not in self.errors:
                self.add_error("stelle", _("Please choose a place from the list, or enter another place below."))

    def _clean_ausfaelle(self, data):
        """No shift on a date when its event is cancelled: a single date is refused at the field,
        a series skips such dates (`ausgelassen`) as long as one date is left."""
        veranstaltung = data.get("veranstaltung")
        if veranstaltung is None:
            return
        tage = list(self._alle_termine())
        cancelled = selectors.ausfaelle([veranstaltung.pk], tage)
        skipped = [cancelled[(veranstaltung.pk, day)] for day in tage if (veranstaltung.pk, day) in cancelled]
        if skipped and (len(tage) == 1 or len(skipped) == len(tage)):
            self.add_error(
                "datum",
                " ".join(
                    [str(ausfall_text(veranstaltung, skipped[0])), str(_("Shifts cannot be planned on that date."))]
                ),
            )
        else:
            self.ausgelassen = skipped

    def _alle_termine(self):
        first = self.cleaned_data["datum"]
        until = self.cleaned_data.get("wiederholen_bis") or first
        day = first
        while day <= until:
            yield day
            day += datetime.timedelta(weeks=1)

    def termine(self):
        """The dates of the series: the first one, then every week up to the end date, without the
        dates when the shift's event is cancelled."""
        skipped = {ausfall.datum for ausfall in self.ausgelassen}
        return [day for day in self._alle_termine() if day not in skipped]


class AbsageForm(forms.Form):
    grund = forms.CharField(
        label=_("Reason (sent to the volunteers)"), max_length=300, widget=forms.Textarea(attrs={"rows": 2})
    )


class NachrichtForm(forms.Form):
    betreff = forms.CharField(label=_("Subject"), max_length=150)
    text = forms.CharField(label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8}))
    warteliste = forms.BooleanField(label=_("Also write to the people on the waiting list"), required=False)


class AbmeldenForm(forms.Form):
    """The volunteer confirms "I can't come"; the reason is for the coordination only."""

    grund = forms.CharField(
        label=_("Reason (optional)"),
        help_text=_("Only the volunteer coordination sees it."),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, mit_grund=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not mit_grund:  # leaving the waiting list frees no place: nobody is told
            del self.fields["grund"]


class AustragenForm(forms.Form):
    grund = forms.CharField(
        label=_("Reason (sent to the volunteer)"), max_length=300, widget=forms.Textarea(attrs={"rows": 2})
    )


class EintragenForm(forms.Form):
    """The coordination signs an approved volunteer up for a shift."""

    freiwillige = forms.ModelChoiceField(label=_("Volunteer"), queryset=None, empty_label=_("Choose a volunteer"))
    platz_dazu = forms.BooleanField(
        label=_("The shift is full: add one more place for this person"),
        help_text=_("Otherwise they go on the waiting list."),
        required=False,
    )

    def __init__(self, *args, schicht, voll, **kwargs):
        super().__init__(*args, **kwargs)
        self.schicht = schicht
        schon_dabei = Einsatz.objects.filter(
            schicht=schicht,
            status__in=[Einsatz.Status.BESTAETIGT, Einsatz.Status.WARTELISTE],
            freiwillige__isnull=False,
        ).values("freiwillige")
        field = self.fields["freiwillige"]
        field.queryset = (
            get_user_model()
            .objects.filter(ehrenamtsprofil__status=Ehrenamtsprofil.Status.FREIGEGEBEN, is_active=True)
            .exclude(pk__in=schon_dabei)
            .order_by("last_name", "first_name", "email")
        )
        field.label_from_instance = lambda user: f"{user.get_full_name() or user.email} ({user.email})"
        if not voll:
            del self.fields["platz_dazu"]

    def clean_freiwillige(self):
        person = self.cleaned_data["freiwillige"]
        if not selectors.ist_qualifiziert(person, self.schicht):
            raise forms.ValidationError(
                _("%(name)s has no valid %(qualification)s. Record it on their page first.")
                % {
                    "name": person.get_full_name() or person.email,
                    "qualification": self.schicht.get_qualifikation_display(),
                }
            )
        return person


class WocheKopierenForm(forms.Form):
    quelle = Datum(label=_("Copy the week of"), help_text=_("Any day of the week whose shifts you want to copy."))
    ziel = Datum(label=_("To the week of"), help_text=_("Any day of the target week."))

    def clean(self):
        data = super().clean()
        quelle, ziel = data.get("quelle"), data.get("ziel")
        if quelle and ziel:
            if montag(quelle) == montag(ziel):
                self.add_error("ziel", _("Please choose a different week."))
            elif montag(ziel) < montag(timezone.localdate()):
                self.add_error("ziel", _("Please choose the current or a future week."))
        return data


def montag(day):
    return day - datetime.timedelta(days=day.weekday())


class QualifikationsnachweisForm(forms.ModelForm):
    class Meta:
        model = Qualifikationsnachweis
        fields = ["art", "gueltig_bis"]
        field_classes = {"gueltig_bis": Datum}


class EinsatzAnwesenheitForm(forms.Form):
    """One row per sign-up: attended, and the hours that count."""

    anwesend = forms.BooleanField(label=_("Attended"), required=False)
    stunden = forms.DecimalField(
        label=_("Hours"), min_value=0, max_value=24, decimal_places=2, max_digits=4, required=False
    )

    def clean(self):
        data = super().clean()
        if data.get("anwesend") and data.get("stunden") in (None, ""):
            self.add_error("stunden", _("Please enter the hours."))
        return data


EinsatzAnwesenheitFormSet = forms.formset_factory(EinsatzAnwesenheitForm, extra=0)


class ExportForm(forms.Form):
    von = Datum(label=pgettext_lazy("date or time", "From"))
    bis = Datum(label=pgettext_lazy("date or time", "Until"))

    def clean(self):
        data = super().clean()
        if data.get("von") and data.get("bis"):
            if data["bis"] < data["von"]:
                self.add_error("bis", _("The end date must not be before the start date."))
            elif (data["bis"] - data["von"]).days > 366:
                self.add_error("bis", _("Please export at most one year at a time."))
        return data
