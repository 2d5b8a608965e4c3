"""The forms of the offers app: the finder's filters, the public forms of the Begegnungszentrum and
Sozialhausmeister pages, and the staff inboxes' status form."""

import warnings

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from portal.choices import kept_codes
from portal.forms import telefonnummer
from portal.public_forms import HoneypotFormMixin

from .models import (
    LEBENSBEREICHE,
    SPRACHEN,
    AnwohnerAnliegen,
    Aufenthaltsstatus,
    Lebensbereich,
    Moebelspende,
    Reichweite,
    Sprache,
)


class OfferFilterForm(forms.Form):
    """The offer finder's filters: plain GET parameters, so every result list has its own URL."""

    q = forms.CharField(
        label=_("Search term"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    bereich = forms.MultipleChoiceField(label=_("Area of life"), required=False, widget=forms.CheckboxSelectMultiple)
    status = forms.ChoiceField(
        label=_("Residence status"),
        required=False,
        choices=[("", _("Any status"))] + Aufenthaltsstatus.choices,
        widget=forms.RadioSelect,
    )
    sprache = forms.ChoiceField(label=_("Language spoken"), required=False)
    reichweite = forms.ChoiceField(
        label=_("Where"), required=False, choices=[("", _("Plochingen and Landkreis"))] + Reichweite.choices
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        available = kept_codes("angebote:auswahl", bereiche=(Lebensbereich, "slug"), sprachen=(Sprache, "code"))
        self.fields["bereich"].choices = [(slug, LEBENSBEREICHE.get(slug, slug)) for slug in available["bereiche"]]
        self.fields["sprache"].choices = [("", _("Any language"))] + [
            (code, SPRACHEN.get(code, code)) for code in available["sprachen"]
        ]

    def filters(self):
        """The valid filters; invalid ones are reported at their field and ignored."""
        self.is_valid()
        return {name: value for name, value in getattr(self, "cleaned_data", {}).items() if value}


class StartFinderForm(forms.Form):
    """The offer finder's first two questions on the start page; it sends them to the finder."""

    bereich = forms.ChoiceField(label=_("What do you need help with?"), required=False)
    status = forms.ChoiceField(
        label=_("Your residence status"),
        required=False,
        choices=[("", _("Any status"))] + Aufenthaltsstatus.choices,
        help_text=_("Some offers are only for people with a certain status. You do not have to answer."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "finder_%s")
        super().__init__(*args, **kwargs)
        available = kept_codes("angebote:auswahl", bereiche=(Lebensbereich, "slug"), sprachen=(Sprache, "code"))
        self.fields["bereich"].choices = [("", _("All areas"))] + [
            (slug, LEBENSBEREICHE.get(slug, slug)) for slug in available["bereiche"]
        ]


# The public forms of the Begegnungszentrum and Sozialhausmeister pages (the wohnraum app's flat
# offer form uses PhotosField too).

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
            too_many_pixels = ValidationError(
                _("“%(name)s” has too many pixels: at most %(megapixels)s megapixels per photo.")
                % {"name": upload.name, "megapixels": settings.PORTAL_UPLOAD_MAX_PIXELS // 1_000_000}
            )
            try:
                # A small file may declare a huge picture (a decompression bomb): Pillow refuses it,
                # and the portal's own limit is far lower still.
                with warnings.catch_warnings():
                    warnings.simplefilter("error", Image.DecompressionBombWarning)
                    image = Image.open(upload)
                    width, height = image.size
                    image.verify()
                image_format = image.format
            except (Image.DecompressionBombError, Image.DecompressionBombWarning):
                raise too_many_pixels from None
            except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
                image_format = None
            if image_format in PHOTO_FORMATS and width * height > settings.PORTAL_UPLOAD_MAX_PIXELS:
                raise too_many_pixels
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

    max_lengths = {"abholadresse": 500, "wunschtermine": 1000}


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

    def clean_kontakt(self):
        """One email address or one phone number: the answer goes there, and nothing else is taken."""
        kontakt = self.cleaned_data["kontakt"].strip()
        if "@" in kontakt:
            validate_email(kontakt)
            return kontakt
        return telefonnummer(kontakt)


class InboxStatusForm(forms.Form):
    """The status and internal note of an item in a staff inbox (furniture donations, neighbours' concerns)."""

    status = forms.ChoiceField(label=_("Status"))
    notiz = forms.CharField(label=_("Internal note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = choices
