from django.conf import settings
from django.db import transaction
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
    moved = []
    for einsatz_pk in kommend.values_list("pk", flat=True):
        try:
            moved += services.abmelden(einsatz_pk, None, durch_koordination=True, benachrichtigen=False)
        except services.Abgelehnt:  # the shift started a moment ago: it stays in the record
            continue
    # The reasons they gave for cancelling go with the name.
    Einsatz.objects.filter(freiwillige=instance).exclude(abmeldegrund="").update(abmeldegrund="")
    # Only once the deletion is committed: a rolled-back deletion must not have told anyone.
    transaction.on_commit(lambda: services.benachrichtige_nachgerueckte(moved))
