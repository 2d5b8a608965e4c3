"""Field validators more than one app may use: IBANs and payment references with placeholders."""

import re
import string

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def iban_pruefen(value):
    """An IBAN as ISO 13616 defines it: country, check digits that hold (mod 97), German length."""
    iban = "".join(value.split()).upper()
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}", iban):
        raise ValidationError(_("Please enter a valid IBAN, e.g. DE02 1203 0000 0000 2020 51."), code="iban")
    if iban.startswith("DE") and len(iban) != 22:
        raise ValidationError(_("A German IBAN has 22 characters."), code="iban")
    digits = "".join(str(int(char, 36)) for char in iban[4:] + iban[:4])
    if int(digits) % 97 != 1:
        raise ValidationError(_("This IBAN has a typo: its check digits do not match."), code="iban")


def verwendungszweck_pruefen(value):
    try:
        felder = {feld for _text, feld, _format, _conversion in string.Formatter().parse(value) if feld is not None}
        if felder <= {"nummer", "jahr"}:
            value.format(nummer=1001, jahr=2026)
    except (ValueError, TypeError):
        felder = None
    if felder is None or not felder <= {"nummer", "jahr"}:
        raise ValidationError(
            _("Use only the placeholders {nummer} (membership number) and {jahr} (year)."), code="placeholder"
        ) from None
    if "{nummer}" not in value:
        raise ValidationError(_("The reference needs {nummer} so that payments can be matched."), code="placeholder")
