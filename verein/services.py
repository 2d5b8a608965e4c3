"""Changes to memberships: accepting an application, linking an account, the members' role."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from portal import roles

from .models import Beitrag, Mitglied
from .selectors import beitrag_fuer


def verknuepfen(mitglied):
    """Give the member's account (same verified email) the members' role."""
    address = EmailAddress.objects.filter(email__iexact=mitglied.email, verified=True).select_related("user").first()
    if address is None:
        return False
    mitglied.user = address.user
    mitglied.save(update_fields=["user"])
    address.user.groups.add(Group.objects.get(name=roles.VEREINSMITGLIED))
    return True


def rolle_pruefen(user):
    """Members' role only while the person has an active or dormant membership."""
    if user is None:
        return
    gruppe = Group.objects.get(name=roles.VEREINSMITGLIED)
    if Mitglied.objects.filter(user=user, status__in=[Mitglied.Status.AKTIV, Mitglied.Status.RUHEND]).exists():
        user.groups.add(gruppe)
    else:
        user.groups.remove(gruppe)


def aufnehmen(mitglied, versuche=5):
    """Accept an open application: the next free membership number (unique in the database; tried
    again if two are accepted at the same moment), active from today, this year's fee due.
    False if it was decided meanwhile: only one decision changes an application."""
    for versuch in range(versuche):
        try:
            with transaction.atomic():
                naechste = (Mitglied.objects.aggregate(n=Max("mitgliedsnummer"))["n"] or 1000) + 1
                heute = timezone.localdate()
                if not Mitglied.objects.filter(pk=mitglied.pk, status=Mitglied.Status.BEANTRAGT).update(
                    mitgliedsnummer=naechste, status=Mitglied.Status.AKTIV, eintritt=heute
                ):
                    return False
                mitglied.refresh_from_db()
                Beitrag.objects.get_or_create(
                    mitglied=mitglied, jahr=heute.year, defaults={"betrag": beitrag_fuer(mitglied)}
                )
            return True
        except IntegrityError:
            if versuch == versuche - 1:
                raise
