"""What every public form shares: a honeypot, a length limit on every free-text field, a rate
limit per client, and one record for a form sent twice."""

import hashlib

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db.models import Model, QuerySet
from django.shortcuts import redirect
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from .translation import localized_url

HONEYPOT_FIELD = "website"
# What a free-text field of a public form takes when neither its model nor its form says less.
TEXT_MAX_LENGTH = 200
TEXTAREA_MAX_LENGTH = 4000


class HoneypotFormMixin(forms.Form):
    """A field people never see; bots fill it in. Every free-text field has a length limit: its own,
    the form's `max_lengths` for it, or TEXT_MAX_LENGTH (one line) or TEXTAREA_MAX_LENGTH (a text
    area). Longer input gets Django's message at the field, in the reader's language."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    max_lengths = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if not isinstance(field, forms.CharField):
                continue
            default = TEXTAREA_MAX_LENGTH if isinstance(field.widget, forms.Textarea) else TEXT_MAX_LENGTH
            limit = self.max_lengths.get(name) or field.max_length or default
            if field.max_length is None or limit < field.max_length:
                field.max_length = limit
                field.validators.append(MaxLengthValidator(limit))
            field.widget.attrs["maxlength"] = str(field.max_length)

    def is_spam(self):
        return bool(self.data.get(HONEYPOT_FIELD))


def client_ip(request):
    header = getattr(settings, "PORTAL_CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        # The last entry is the one our own proxy added; earlier ones come from the client.
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def rate_limited(request, scope, limit=None, period=3600):
    """Count one submission for this client; True once `limit` per `period` seconds is used up."""
    limit = limit or settings.PORTAL_PUBLIC_FORM_LIMIT
    digest = hashlib.sha256(client_ip(request).encode()).hexdigest()[:32]
    key = f"public-form:{scope}:{digest}"
    cache.add(key, 0, period)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, period)
        count = 1
    return count > limit


def _fingerprint(request, scope, page, cleaned_data):
    """A keyed hash of who sent what (uploads by their content): two neighbours sending the same
    short concern are two concerns, and the cache holds no personal data."""
    digest = salted_hmac("public-form-repeat", f"{scope}:{page.pk}:{client_ip(request)}")
    for name in sorted(cleaned_data):
        if name == HONEYPOT_FIELD:
            continue
        digest.update(f"\x00{name}=".encode())
        values = cleaned_data[name]
        for value in values if isinstance(values, list | tuple) else [values]:
            if hasattr(value, "chunks"):  # an upload: its content
                for chunk in value.chunks():
                    digest.update(chunk)
                value.seek(0)
                value = value.size
            elif isinstance(value, QuerySet):
                value = sorted(value.values_list("pk", flat=True))
            elif isinstance(value, Model):
                value = value.pk
            digest.update(f"{value!r};".encode())
    return f"public-form-sent:{digest.hexdigest()}"


def _claim(key):
    """True unless the same content was sent within PORTAL_PUBLIC_FORM_REPEAT_MINUTES. While Redis
    is away the cache answers from the worker's memory (portal/cache.py): a repeat reaching another
    worker is then stored twice, never lost."""
    return cache.add(key, 1, settings.PORTAL_PUBLIC_FORM_REPEAT_MINUTES * 60)


def handle_public_form(request, page, form_class, scope, on_valid, template, thanks_route, initial=None):
    """GET shows the form (with `initial`: what the portal knows already); POST validates, stores,
    confirms, and redirects to the thank-you page.

    A filled honeypot gets the thank-you page without anything stored; too many submissions
    from one client get a message above the form, with everything typed kept. The same content
    sent again within PORTAL_PUBLIC_FORM_REPEAT_MINUTES (a double click, a reload, a retry after a
    timeout) gets the thank-you page without a second record or a second mail.
    """
    form = form_class(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST":
        if form.is_spam():
            return redirect(localized_url(request, page) + page.reverse_subpage(thanks_route))
        if rate_limited(request, scope):
            form.add_error(None, gettext_now("You have sent this form several times. Please try again in an hour."))
        elif form.is_valid():
            key = _fingerprint(request, scope, page, form.cleaned_data)
            if not _claim(key):  # sent a moment ago: stored then
                return redirect(localized_url(request, page) + page.reverse_subpage(thanks_route))
            try:
                on_valid(form)
            except ValidationError as error:  # e.g. an upload that could not be stored: nothing was kept
                cache.delete(key)  # sending it again is a new attempt
                form.add_error(None, error)
            except BaseException:
                cache.delete(key)
                raise
            else:
                return redirect(localized_url(request, page) + page.reverse_subpage(thanks_route))
    return page.render(request, template=template, context_overrides={"form": form})
