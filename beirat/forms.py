import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Beiratsmitglied, Beschluss, Planmassnahme, ProtokollPunkt, Rueckmeldung, Sitzung

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
DOCUMENT_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "pptx", "odp"]


class SitzungForm(forms.ModelForm):
    datum = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    von = forms.TimeField(label=_("From"), widget=forms.TimeInput(attrs={"type": "time"}))
    bis = forms.TimeField(label=_("Until"), widget=forms.TimeInput(attrs={"type": "time"}))
    tagesordnung = forms.CharField(
        label=_("Agenda"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One item per line, in order."),
    )

    class Meta:
        model = Sitzung
        fields = ["titel", "ort"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            start = timezone.localtime(self.instance.beginn)
            self.initial.update(
                datum=start.date(),
                von=start.time(),
                bis=timezone.localtime(self.instance.ende).time(),
                tagesordnung="\n".join(top.titel for top in self.instance.tagesordnung.all()),
            )

    def clean_titel(self):
        return " ".join(self.cleaned_data["titel"].split())

    def clean_ort(self):
        return " ".join(self.cleaned_data["ort"].split())

    def clean_datum(self):
        datum = self.cleaned_data["datum"]
        if not datetime.date(2000, 1, 1) <= datum <= datetime.date(2100, 12, 31):
            raise ValidationError(_("Please enter a date between 2000 and 2100."))
        return datum

    def clean_tagesordnung(self):
        punkte = [line.strip(" \t-•") for line in self.cleaned_data["tagesordnung"].splitlines()]
        punkte = [p for p in punkte if p]
        if not punkte:
            raise ValidationError(_("Please enter at least one agenda item."))
        if any(len(p) > 300 for p in punkte):
            raise ValidationError(_("An agenda item may have at most 300 characters."))
        return punkte

    def clean(self):
        data = super().clean()
        if all(k in data for k in ("datum", "von", "bis")):
            tz = timezone.get_current_timezone()
            data["beginn"] = timezone.make_aware(datetime.datetime.combine(data["datum"], data["von"]), tz)
            data["ende"] = timezone.make_aware(datetime.datetime.combine(data["datum"], data["bis"]), tz)
            if data["ende"] <= data["beginn"]:
                self.add_error("bis", _("The meeting must end after it starts."))
        return data


class RueckmeldungForm(forms.Form):
    antwort = forms.ChoiceField(
        label=_("Will you attend?"),
        choices=[
            (Rueckmeldung.Antwort.JA, _("Yes, I will attend")),
            (Rueckmeldung.Antwort.VIELLEICHT, _("Maybe, I do not know yet")),
            (Rueckmeldung.Antwort.NEIN, _("No, I cannot attend")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose yes, maybe or no.")},
    )
    kommentar = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example, if you come later. Only the chair and the keeper of the minutes read it."),
    )
    vertretung = forms.ModelChoiceField(
        label=_("Deputy (optional)"),
        queryset=Beiratsmitglied.objects.none(),
        required=False,
        empty_label=_("No deputy"),
        help_text=_("If you cannot attend, a deputy member may attend in your place. Please tell them yourself."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "antwort_%s")  # the chair's approval form on the same page has a comment too
        super().__init__(*args, **kwargs)
        self.fields["vertretung"].queryset = stellvertretende_mitglieder()
        if not self.fields["vertretung"].queryset.exists():
            del self.fields["vertretung"]

    def clean(self):
        data = super().clean()
        if data.get("antwort") != Rueckmeldung.Antwort.NEIN:
            data["vertretung"] = None  # a deputy stands in only for a member who cannot attend
        return data


def stellvertretende_mitglieder():
    """Who may stand in for a member who cannot attend: the Beirat's active deputy members."""
    return Beiratsmitglied.objects.filter(aktiv=True, funktion=Beiratsmitglied.Funktion.STELLVERTRETENDES_MITGLIED)


class ProtokollForm(forms.Form):
    """One group of fields per agenda item (discussion, decision, responsible person), then further notes."""

    text = forms.CharField(
        label=_("Further notes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=100_000,
        help_text=_(
            "For example, who was present, and anything outside the agenda. "
            "An empty line starts a new paragraph. Please do not name clients or other private persons."
        ),
    )

    def __init__(self, *args, punkte=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.punkte = list(punkte)
        for index, punkt in enumerate(self.punkte):
            self.fields[f"p{index}-diskussion"] = forms.CharField(
                label=_("Discussion"),
                required=False,
                max_length=20_000,
                widget=forms.Textarea(attrs={"rows": 4}),
                initial=punkt["diskussion"],
            )
            self.fields[f"p{index}-beschlossen"] = forms.CharField(
                label=_("Decision"),
                required=False,
                max_length=5_000,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=punkt["beschlossen"],
            )
            self.fields[f"p{index}-verantwortlich"] = forms.CharField(
                label=_("Responsible person"), required=False, max_length=200, initial=punkt["verantwortlich"]
            )

    def gruppen(self):
        """Per agenda item: its number, title and bound fields, for the template."""
        return [
            {
                **punkt,
                "felder": [self[f"p{index}-{feld}"] for feld in ProtokollPunkt.INHALT],
            }
            for index, punkt in enumerate(self.punkte)
        ]

    def clean(self):
        data = super().clean()
        punkte = []
        for index, punkt in enumerate(self.punkte):
            werte = {feld: data.get(f"p{index}-{feld}", "").strip() for feld in ProtokollPunkt.INHALT}
            werte["verantwortlich"] = " ".join(werte["verantwortlich"].split())
            punkte.append({"nummer": punkt["nummer"], "titel": punkt["titel"], **werte})
        data["punkte"] = punkte
        data["text"] = data.get("text", "").strip()
        if not self.errors and not data["text"] and not any(p[feld] for p in punkte for feld in ProtokollPunkt.INHALT):
            raise ValidationError(_("The minutes are empty. Please write something on at least one agenda item."))
        return data


class FreigabeForm(forms.Form):
    aktion = forms.ChoiceField(choices=[("approve", _("Approve")), ("reject", _("Request changes"))])
    kommentar = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self):
        data = super().clean()
        if data.get("aktion") == "reject" and not data.get("kommentar", "").strip():
            self.add_error("kommentar", _("Please say what should be changed."))
        return data


class BeschlussForm(forms.ModelForm):
    class Meta:
        model = Beschluss
        fields = ["art", "titel", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 8})}

    def clean_titel(self):
        return " ".join(self.cleaned_data["titel"].split())


class FolgestatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Follow-up status"), choices=Beschluss.Folgestatus.choices)
    datum = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}), initial=timezone.localdate)
    notiz = forms.CharField(label=_("Note (members only)"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def clean_datum(self):
        datum = self.cleaned_data["datum"]
        if not datetime.date(2000, 1, 1) <= datum <= timezone.localdate() + datetime.timedelta(days=1):
            raise ValidationError(_("Please enter a date that is not in the future."))
        return datum


class UnterlageForm(forms.Form):
    titel = forms.CharField(label=_("Title"), max_length=255)
    datei = forms.FileField(label=_("File"), help_text=_("PDF or office document, at most 20 MB."))
    sitzung = forms.ModelChoiceField(label=_("Meeting"), queryset=Sitzung.objects.all(), required=False)

    def clean_datei(self):
        datei = self.cleaned_data["datei"]
        extension = datei.name.rsplit(".", 1)[-1].lower() if "." in datei.name else ""
        if extension not in DOCUMENT_EXTENSIONS:
            raise ValidationError(
                _("Please upload a PDF or office document (%(types)s).") % {"types": ", ".join(DOCUMENT_EXTENSIONS)}
            )
        if datei.size > MAX_UPLOAD_BYTES:
            raise ValidationError(_("The file is larger than 20 MB."))
        head = datei.read(5)
        datei.seek(0)
        if extension == "pdf" and head != b"%PDF-":
            raise ValidationError(_("This file is not a PDF."))
        if extension != "pdf" and not head.startswith(b"PK"):
            raise ValidationError(_("This file is not an office document."))
        return datei


class PlanmassnahmeForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Planmassnahme.Status.choices)
    text = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)

    def __init__(self, *args, massnahme, **kwargs):
        super().__init__(*args, **kwargs)
        self.massnahme = massnahme
        self.fields["status"].initial = massnahme.status

    def clean(self):
        data = super().clean()
        if data.get("status") == self.massnahme.status and not data.get("text", "").strip():
            raise ValidationError(_("Please change the status or write a note."))
        return data


class MeineAngabenForm(forms.ModelForm):
    class Meta:
        model = Beiratsmitglied
        fields = ["name", "organisation", "namentlich_nennen"]
        labels = {"namentlich_nennen": _("I agree to be named on the public Beirat page (name and organisation).")}
        help_texts = {"namentlich_nennen": _("You can withdraw your consent at any time.")}
