from allauth.account.signals import email_confirmed
from django.dispatch import receiver

from .models import Mitglied
from .services import verknuepfen


@receiver(email_confirmed)
def link_membership(request, email_address, **kwargs):
    """A member who creates an account with the membership's email gets into the members' area."""
    for mitglied in Mitglied.objects.filter(
        email__iexact=email_address.email,
        status__in=[Mitglied.Status.AKTIV, Mitglied.Status.RUHEND],
        user__isnull=True,
    ):
        verknuepfen(mitglied)
