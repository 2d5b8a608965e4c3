import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Beiratsmitglied, Beschluss, Massnahme, Sitzung

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
    zusage = forms.TypedChoiceField(
        label=_("Will you attend?"),
        choices=[("ja", _("Yes, I will attend")), ("nein", _("No, I cannot attend"))],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
    )


class ProtokollForm(forms.Form):
    text = forms.CharField(
        label=_("Minutes"),
        widget=forms.Textarea(attrs={"rows": 18}),
        max_length=100_000,
        help_text=_(
            "Plain text. An empty line starts a new paragraph. Please do not name clients or other private persons."
        ),
    )


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


class MassnahmeForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Massnahme.Status.choices)
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
