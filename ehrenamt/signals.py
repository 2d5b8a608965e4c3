from django.conf import settings
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils import timezone

from . import services
from .models import Einsatz


@receiver(pre_delete, sender=settings.AUTH_USER_MODEL)
def account_deleted(sender, instance, **kwargs):
    """Future places go to the waiting list; past sign-ups stay, without the name (SET_NULL),
    so that the hours given remain in the totals."""
    kommend = Einsatz.objects.filter(
        freiwillige=instance,
        status__in=[Einsatz.Status.BESTAETIGT, Einsatz.Status.WARTELISTE],
        schicht__beginn__gt=timezone.now(),
    )
    for einsatz_pk in kommend.values_list("pk", flat=True):
        services.abmelden(einsatz_pk, None, durch_koordination=True)
