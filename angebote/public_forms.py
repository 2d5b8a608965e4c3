import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from portal.public_forms import HoneypotFormMixin

from .models import AnwohnerAnliegen, Moebelspende, Wohnungsangebot

PHOTO_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
MAX_PHOTOS = 5


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Up to five photos; each must really be a JPEG, PNG or WebP image and not too large."""

    widget = MultipleFileInput(attrs={"accept": ",".join(PHOTO_FORMATS.values())})

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_PHOTOS:
            raise ValidationError(_("Please send at most %(count)s photos.") % {"count": MAX_PHOTOS})
        cleaned = []
        for upload in files:
            if upload.size > settings.PORTAL_UPLOAD_MAX_BYTES:
                raise ValidationError(
                    _("“%(name)s” is too large: at most %(size)s per photo.")
                    % {"name": upload.name, "size": filesizeformat(settings.PORTAL_UPLOAD_MAX_BYTES)}
                )
            try:
                image = Image.open(upload)
                image.verify()
                image_format = image.format
            except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
                image_format = None
            if image_format not in PHOTO_FORMATS:
                raise ValidationError(
                    _("“%(name)s” is not a photo. Please use JPEG, PNG or WebP.") % {"name": upload.name}
                )
            upload.seek(0)
            upload.portal_content_type = PHOTO_FORMATS[image_format]
            cleaned.append(upload)
        return cleaned


class MoebelspendeForm(HoneypotFormMixin, forms.ModelForm):
    fotos = PhotosField(
        label=_("Photos (optional)"),
        required=False,
        help_text=_("Up to five photos, JPEG, PNG or WebP, each at most 5 MB."),
    )

    class Meta:
        model = Moebelspende
        fields = ["name", "email", "telefon", "gegenstaende", "abholadresse", "wunschtermine"]
        widgets = {
            "gegenstaende": forms.Textarea(attrs={"rows": 4}),
            "abholadresse": forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
            "wunschtermine": forms.Textarea(attrs={"rows": 2}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "telefon": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        }


class AnwohnerAnliegenForm(HoneypotFormMixin, forms.ModelForm):
    class Meta:
        model = AnwohnerAnliegen
        fields = ["thema", "nachricht", "name", "kontakt"]
        widgets = {
            "thema": forms.RadioSelect,
            "nachricht": forms.Textarea(attrs={"rows": 6}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
        }
        labels = {"name": _("Your name (optional)")}


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
