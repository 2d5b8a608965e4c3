"""A place freed without a cancellation — the account was deleted — goes to those waiting."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone

from .models import Kursanmeldung, Kurstermin
from .services import nachruecken


@receiver(post_delete, sender=Kursanmeldung)
def platz_frei(sender, instance, **kwargs):
    if instance.status != Kursanmeldung.Status.ANGEMELDET:
        return
    termin_pk = instance.termin_id

    def weitergeben():
        if Kurstermin.objects.filter(pk=termin_pk, beginn__gt=timezone.now()).exists():
            nachruecken(termin_pk)

    transaction.on_commit(weitergeben)
