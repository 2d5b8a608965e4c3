from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from portal.public_forms import HoneypotFormMixin

from .models import Barrierenmeldung


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search term"),
        max_length=settings.PORTAL_SEARCH_MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )


class BarrierenmeldungForm(HoneypotFormMixin, forms.ModelForm):
    class Meta:
        model = Barrierenmeldung
        fields = ["barriere", "seite", "name", "email"]
        labels = {
            "barriere": _("Which barrier did you come across?"),
            "seite": _("On which page? (optional)"),
            "name": _("Your name (optional)"),
            "email": _("Your email address (optional)"),
        }
        help_texts = {
            "barriere": _(
                "For example: a button you cannot reach with the keyboard, a text that is hard to read, "
                "a video without captions, a form that does not work with your screen reader."
            ),
            "seite": _("The address or the title of the page."),
            "email": _("Only if you would like an answer. We answer within one month."),
        }
        widgets = {
            "barriere": forms.Textarea(attrs={"rows": 6}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    @staticmethod
    def initial_for(request):
        """What the portal knows already: the page the reader came from, and a signed-in reader's name
        and address (WCAG 2.2, redundant entry)."""
        initial = {}
        seite = request.GET.get("seite", "")
        if seite.startswith("/") and not seite.startswith("//") and len(seite) <= 500:
            initial["seite"] = seite
        user = request.user
        if user.is_authenticated:
            initial["name"] = user.get_full_name()
            initial["email"] = user.email
        return initial
