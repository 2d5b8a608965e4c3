import datetime

from django import forms
from django.conf import settings
from django.db import connections, models
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from .models import User

ERSTES_JAHR, LETZTES_JAHR = 2000, 2100
FRUEHESTES_DATUM = datetime.date(1900, 1, 1)


class DateInput(forms.DateInput):
    """The browser's date picker; the value in ISO format, which it expects."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


def nicht_in_der_zukunft(value):
    """A date that happened: not in the future, and not before 1900."""
    if value is not None and value > timezone.localdate():
        raise forms.ValidationError(_("This date cannot be in the future."))
    if value is not None and value < FRUEHESTES_DATUM:
        raise forms.ValidationError(_("Please enter a date after 1900."))


def sinnvolles_jahr(year):
    return ERSTES_JAHR <= year <= LETZTES_JAHR


class Datum(forms.DateField):
    """A date in the years the portal can hold; others get a message at the field, not an overflow."""

    widget = DateInput

    def __init__(self, *args, erstes_jahr=ERSTES_JAHR, **kwargs):
        self.erstes_jahr = erstes_jahr
        super().__init__(*args, **kwargs)

    def validate(self, value):
        super().validate(value)
        if value and not self.erstes_jahr <= value.year <= LETZTES_JAHR:
            raise forms.ValidationError(
                _("Please enter a date between %(first)s and %(last)s.")
                % {"first": self.erstes_jahr, "last": LETZTES_JAHR}
            )


class IdsInRangeMixin:
    """A choice of records by id that refuses an id the database cannot hold at the field: SQLite
    raises OverflowError for a 60-digit number, PostgreSQL an error for one beyond its column."""

    def id_in_range(self, value):
        if not isinstance(value, str | int) or isinstance(value, bool):
            return True
        meta = self.queryset.model._meta
        field = meta.get_field(self.to_field_name) if self.to_field_name else meta.pk
        while field.is_relation:  # a page type's key is its link to the page
            field = field.target_field
        if not isinstance(field, models.IntegerField):
            return True
        try:
            number = int(str(value).strip())
        except ValueError:
            return True  # not a number: Django's own message
        try:
            low, high = connections[self.queryset.db].ops.integer_field_range(field.get_internal_type())
        except KeyError:
            low, high = -(2**63), 2**63 - 1
        return (low is None or low <= number) and (high is None or number <= high)

    def refuse_out_of_range(self, values):
        for value in values:
            if not self.id_in_range(value):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
                )


class ModelChoiceField(IdsInRangeMixin, forms.ModelChoiceField):
    """Django's choice of one record, with ids checked against the database's range first."""

    def to_python(self, value):
        if value not in self.empty_values:
            self.refuse_out_of_range([value])
        return super().to_python(value)


class ModelMultipleChoiceField(IdsInRangeMixin, forms.ModelMultipleChoiceField):
    """Django's choice of several records, with ids checked against the database's range first."""

    def clean(self, value):
        if isinstance(value, list | tuple):
            self.refuse_out_of_range(value)
        return super().clean(value)


def telefonnummer(value):
    """An optional phone number as people type it: digits with the usual separators, a leading
    + only, and as many digits as a phone number has. Returns it with single spaces."""
    telefon = " ".join((value or "").split())
    if not telefon:
        return ""
    if not all(c.isdigit() or c in "+-/() " for c in telefon) or "+" in telefon[1:]:
        raise forms.ValidationError(_("Please enter a phone number using digits, spaces and + - / ( )."))
    if not 6 <= sum(c.isdigit() for c in telefon) <= 15:
        raise forms.ValidationError(
            _("Please enter the whole phone number with the area code, for example 07153 123456.")
        )
    return telefon


def language_choices():
    return [("", _("Same as the page"))] + [
        (code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES
    ]


class ProfileForm(forms.ModelForm):
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=language_choices,
        required=False,
        help_text=_("The portal opens in this language after you sign in."),
    )

    class Meta:
        model = User
        fields = ["first_name", "last_name", "preferred_language"]


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Enter your password to confirm that you want to delete your account."),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."), code="wrong_password")
        return password
