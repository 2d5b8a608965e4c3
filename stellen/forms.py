"""The application form of a job posting."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from portal.forms import telefonnummer
from portal.public_forms import HoneypotFormMixin

from .models import Bewerbung

JA, NEIN, KEINE_ANGABE = "ja", "nein", ""


def pruefe_pdf(datei, max_bytes):
    """A real PDF: the signature at the start, the end-of-file marker at the end, and not too large."""
    if datei.size > max_bytes:
        raise ValidationError(
            _("The file is too large. Please send a PDF of at most %(size)s.") % {"size": filesizeformat(max_bytes)}
        )
    datei.seek(0)
    anfang = datei.read(1024)
    datei.seek(max(0, datei.size - 2048))
    ende = datei.read()
    datei.seek(0)
    if b"%PDF-" not in anfang[:1024] or b"%%EOF" not in ende:
        raise ValidationError(_("This file is not a PDF. Please save your CV as a PDF and send that file."))
    return datei


class BewerbungForm(HoneypotFormMixin, forms.ModelForm):
    lebenslauf = forms.FileField(
        label=_("Your CV (Lebenslauf) as a PDF file"),
        help_text=_("Only PDF, at most 5 MB. A simple list of your jobs and schools is enough."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    fluechtling = forms.ChoiceField(
        label=_("Are you a recognised refugee? (optional)"),
        choices=[(KEINE_ANGABE, _("I do not want to say")), (JA, _("Yes")), (NEIN, _("No"))],
        required=False,
        initial=KEINE_ANGABE,
        widget=forms.RadioSelect,
        help_text=_(
            "Your answer does not affect your application: the people who decide never see it. "
            "The city only counts it, without your name, to see if it reaches refugees."
        ),
    )
    statistik_einwilligung = forms.BooleanField(
        label=_("I agree that my answer is counted without my name."),
        required=False,
    )
    einwilligung = forms.BooleanField(
        label=_("I agree that the city stores my application and uses it for this job."),
        help_text=_("Only the human resources team sees it. If you do not get the job, we delete it after six months."),
    )

    class Meta:
        model = Bewerbung
        fields = ["vorname", "nachname", "email", "telefon", "adresse", "sprachen", "qualifikationen"]
        labels = {
            "vorname": _("First name"),
            "nachname": _("Last name"),
            "email": _("Email address"),
            "telefon": _("Phone number (optional)"),
            "adresse": _("Address (optional)"),
            "sprachen": _("Which languages do you speak?"),
            "qualifikationen": _("What have you learned, and where have you worked?"),
        }
        help_texts = {
            "sprachen": _("For example: Arabic very good, German B1, English a little."),
            "qualifikationen": _(
                "School, training or studies, and your jobs, also from your home country. "
                "Say if your qualification is recognised in Germany or if you are not sure."
            ),
        }
        widgets = {
            "vorname": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "nachname": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "telefon": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "adresse": forms.Textarea(attrs={"rows": 2, "autocomplete": "street-address"}),
            "sprachen": forms.Textarea(attrs={"rows": 2}),
            "qualifikationen": forms.Textarea(attrs={"rows": 6}),
        }

    max_lengths = {
        "vorname": 100,
        "nachname": 100,
        "telefon": 40,
        "adresse": 500,
        "sprachen": 1000,
        "qualifikationen": 5000,
    }

    def clean_telefon(self):
        return telefonnummer(self.cleaned_data.get("telefon"))

    def clean_lebenslauf(self):
        return pruefe_pdf(self.cleaned_data["lebenslauf"], settings.PORTAL_UPLOAD_MAX_BYTES)

    def clean(self):
        data = super().clean()
        if data.get("fluechtling") and not data.get("statistik_einwilligung"):
            self.add_error(
                "statistik_einwilligung",
                _("Please agree that your answer is counted, or choose “I do not want to say”."),
            )
        return data

    def fluechtling_angabe(self):
        """The self-declared status, only with consent; None otherwise."""
        if not self.cleaned_data.get("statistik_einwilligung"):
            return None
        return {JA: True, NEIN: False}.get(self.cleaned_data.get("fluechtling"))
