from django import forms
from django.utils.translation import gettext_lazy as _

from portal.choices import kept_codes

from .models import LEBENSBEREICHE, SPRACHEN, Aufenthaltsstatus, Lebensbereich, Reichweite, Sprache


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
