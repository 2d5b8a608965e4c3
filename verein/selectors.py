"""Queries of the Verein: open applications, memberships that count, the fee a member owes."""

from django.conf import settings

from .models import Mitglied, VereinPage

# An application or membership that is still open: one per email address.
OFFEN = [Mitglied.Status.BEANTRAGT, Mitglied.Status.AKTIV, Mitglied.Status.RUHEND]


def offene_antraege():
    return Mitglied.objects.filter(status=Mitglied.Status.BEANTRAGT).count()


def meine_mitgliedschaft(user):
    """The account's active or dormant membership, if any."""
    return Mitglied.objects.filter(user=user, status__in=[Mitglied.Status.AKTIV, Mitglied.Status.RUHEND]).first()


def beitrag_fuer(mitglied):
    """The annual fee the Verein page names for the member's type of membership (0 without a page)."""
    page = VereinPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if page is None:
        return 0
    return page.beitrag(mitglied.art)
