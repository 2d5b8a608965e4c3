"""Storing a new application and confirming it to the applicant."""

from django.utils import timezone
from django.utils.translation import get_language

from portal.notifications import Recipient
from portal.storage import atomic_with_files

from . import emails
from .models import Bewerbung


def bewerbung_speichern(form, stelle, titel):
    """Store the application of a valid `BewerbungForm` for `stelle` (the German original) and
    confirm it by mail in the language of the form; `titel`: the posting's title in that language.
    A CV that cannot be stored keeps the whole application out (ValidationError at the field "lebenslauf")."""
    with atomic_with_files("lebenslauf") as written:
        bewerbung = form.save(commit=False)
        bewerbung.eingegangen = timezone.now()
        bewerbung.stelle = stelle
        bewerbung.stelle_titel = stelle.title
        bewerbung.bereich = stelle.bereich
        bewerbung.sprache = get_language()
        bewerbung.einwilligung_am = bewerbung.eingegangen
        bewerbung.anerkannter_fluechtling = form.fluechtling_angabe()
        lebenslauf = form.cleaned_data["lebenslauf"]
        bewerbung.lebenslauf.save(lebenslauf.name, lebenslauf, save=False)
        written.append(bewerbung.lebenslauf.name)
        bewerbung.save()
        # The history starts at the very moment the application shows as received. The history
        # is HR's (personal.Verlauf); it is reached through its reverse relation, so that this
        # app does not import HR's.
        bewerbung.verlauf.create(zeitpunkt=bewerbung.eingegangen, status=Bewerbung.Status.EINGEGANGEN)
    recipient = Recipient.of_submission(bewerbung.email, bewerbung.sprache)
    emails.BewerbungEingegangen(recipient, bewerbung=bewerbung, titel=titel).send()
    return bewerbung
