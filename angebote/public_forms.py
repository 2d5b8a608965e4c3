from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from portal.public_forms import HoneypotFormMixin

from .models import AnwohnerAnliegen, Moebelspende

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
