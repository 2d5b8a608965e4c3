"""What every public form shares: a honeypot and a rate limit per client."""

import hashlib

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import redirect
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from .translation import localized_url

HONEYPOT_FIELD = "website"


class HoneypotFormMixin(forms.Form):
    """A field people never see; bots fill it in."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

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


def handle_public_form(request, page, form_class, scope, on_valid, template, thanks_route, initial=None):
    """GET shows the form (with `initial`: what the portal knows already); POST validates, stores,
    confirms, and redirects to the thank-you page.

    A filled honeypot gets the thank-you page without anything stored; too many submissions
    from one client get a message above the form, with everything typed kept.
    """
    form = form_class(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST":
        if form.is_spam():
            return redirect(localized_url(request, page) + page.reverse_subpage(thanks_route))
        if rate_limited(request, scope):
            form.add_error(None, gettext_now("You have sent this form several times. Please try again in an hour."))
        elif form.is_valid():
            on_valid(form)
            return redirect(localized_url(request, page) + page.reverse_subpage(thanks_route))
    return page.render(request, template=template, context_overrides={"form": form})
