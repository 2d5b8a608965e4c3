"""The offers app's writes: what the public forms of the Begegnungszentrum and Sozialhausmeister pages
bring in, and the staff inboxes' status changes."""

import datetime

from django.utils import timezone

from portal.notifications import Recipient
from portal.storage import save_with_photos

from . import emails
from .models import AnwohnerAnliegen, Moebelspende, MoebelspendeFoto


def moebelspende_eingegangen(spende, fotos, sprache):
    """Store a furniture donation from the public form (unsaved `spende`) with its photos, and confirm
    it to the donor. A photo that cannot be stored keeps the whole donation out (ValidationError at
    the field "fotos")."""
    spende.sprache = sprache
    save_with_photos(
        spende, fotos, lambda upload: MoebelspendeFoto(spende=spende, content_type=upload.portal_content_type)
    )
    emails.MoebelspendeEingang(Recipient.of_submission(spende.email, spende.sprache), spende=spende).send()


def anliegen_eingegangen(anliegen, sprache, sozialhausmeister_email):
    """Store a neighbour's concern from the public form (unsaved `anliegen`), tell the Sozialhausmeister
    (if there is an address) and confirm it to the neighbour if they left an email address."""
    anliegen.sprache = sprache
    anliegen.save()
    if sozialhausmeister_email:
        emails.AnliegenFuerSozialhausmeister(Recipient.of_address(sozialhausmeister_email), anliegen=anliegen).send()
    if "@" in anliegen.kontakt:
        recipient = Recipient.of_submission(anliegen.kontakt, anliegen.sprache)
        emails.AnliegenEingang(recipient, anliegen=anliegen).send()


def status_setzen(item, status, notiz):
    """Set the status and internal note of an inbox item (a Moebelspende or an AnwohnerAnliegen)."""
    item.status = status
    item.notiz = notiz
    item.save(update_fields=["status", "notiz"])


def purge_submissions(days):
    """Delete furniture donations and neighbours' concerns older than `days`."""
    cutoff = timezone.now() - datetime.timedelta(days=days)
    spenden = 0
    for spende in Moebelspende.objects.filter(eingegangen__lt=cutoff).prefetch_related("fotos"):
        for foto in spende.fotos.all():
            foto.delete()  # removes the file too
        spende.delete()
        spenden += 1
    anliegen, _ = AnwohnerAnliegen.objects.filter(eingegangen__lt=cutoff).delete()
    return f"Deleted {spenden} furniture donations and {anliegen} neighbours' concerns."
