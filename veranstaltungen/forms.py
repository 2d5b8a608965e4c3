"""The forms of the events: the filter of the overview and the calendar, and registering for a date."""

import datetime

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from angebote.models import SPRACHEN
from portal.public_forms import HoneypotFormMixin

from . import selectors


class EventFilterForm(forms.Form):
    kategorie = forms.ChoiceField(label=gettext_lazy("Category"), required=False)
    sprache = forms.ChoiceField(label=gettext_lazy("Language spoken"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kategorie"].choices = [("", gettext_lazy("All categories"))] + [
            (k.slug, k.label) for k in selectors.kategorien()
        ]
        self.fields["sprache"].choices = [("", gettext_lazy("Any language"))] + [
            (code, SPRACHEN.get(code, code)) for code in selectors.filter_choices()["sprachen"]
        ]

    def filters(self):
        self.is_valid()
        return {name: value for name, value in getattr(self, "cleaned_data", {}).items() if value}


class AnmeldungForm(HoneypotFormMixin, forms.Form):
    datum = forms.ChoiceField(label=gettext_lazy("Date"))
    name = forms.CharField(
        label=gettext_lazy("Name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(label=gettext_lazy("Email"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))

    def __init__(self, *args, termine, frei, **kwargs):
        """`frei`: the free places of each date (by date), shown with it before anyone submits."""
        super().__init__(*args, **kwargs)
        self.fields["datum"].choices = [
            (t.date.isoformat(), f"{selectors.when(t)} – {_places(frei[t.date])}") for t in termine
        ]

    def clean_datum(self):
        return datetime.date.fromisoformat(self.cleaned_data["datum"])

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


def _places(free):
    if free <= 0:
        return _("fully booked, waiting list")
    return ngettext("%(count)s place free", "%(count)s places free", free) % {"count": free}
