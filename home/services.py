"""Writes of the home app."""

from django.utils.translation import get_language

from portal.notifications import Recipient

from . import emails


def barriere_melden(form, page):
    """Store a reported barrier, then confirm it to the reporter (in their language) and announce it to
    the feedback contact; the report itself stays in the Redaktion's inbox in the CMS."""
    meldung = form.save(commit=False)
    meldung.sprache = get_language()
    meldung.save()
    if meldung.email:
        emails.BarrierenmeldungEingang(Recipient.of_submission(meldung.email, meldung.sprache), meldung=meldung).send()
    if address := page.feedback_email():
        emails.BarrierenmeldungFuerRedaktion(Recipient.of_address(address), meldung=meldung).send()
    return meldung
