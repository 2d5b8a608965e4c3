"""The housing area's writes: a landlord's offer arriving, proposing a household, sharing its
details with the landlord and the steps of a placement."""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from intern.audit.models import AuditEintrag, protokolliere
from intern.faelle.models import VERMIETER, Fall
from portal.notifications import Recipient
from portal.storage import save_with_photos

from . import emails
from .models import Vermittlung, Wohnungsangebot, WohnungsangebotFoto, Wohnungssuche

A = AuditEintrag.Aktion


def angebot_eingegangen(angebot, fotos, sprache):
    """Store an offer from the public form (unsaved `angebot`) with its photos, and confirm it to the
    landlord. A photo that cannot be stored keeps the whole offer out (ValidationError at the field "fotos")."""
    angebot.sprache = sprache
    angebot.einwilligung_am = timezone.now()
    save_with_photos(
        angebot, fotos, lambda upload: WohnungsangebotFoto(angebot=angebot, content_type=upload.portal_content_type)
    )
    emails.WohnungsangebotEingang(Recipient.of_submission(angebot.email, angebot.sprache), angebot=angebot).send()


def vorschlagen(user, angebot, suche):
    """The placement of household `suche` for flat `angebot`, created (and audited) if new."""
    vermittlung, created = Vermittlung.objects.get_or_create(
        angebot=angebot, suche=suche, defaults={"erstellt_von": user}
    )
    if created:
        protokolliere(user, A.ANLEGEN, "vermittlung", vermittlung, suche.fall)
    return vermittlung


def geteilt(user, vermittlung):
    """Record that the household's details went to the landlord (the caller checks the consent)."""
    vermittlung.geteilt_am = timezone.now()
    vermittlung.save(update_fields=["geteilt_am"])
    protokolliere(user, A.EXPORT, "vermieter", vermittlung, vermittlung.suche.fall, ["personen", "kontakt"])


def schritt(user, vermittlung, status, datum):
    """Record a step, or say why not. Moving in lets the flat, ends the search and frees a place in
    the follow-up accommodation; everything after the proposal needs the landlord consent."""
    S = Vermittlung.Status
    with transaction.atomic():
        vermittlung = (
            Vermittlung.objects.select_for_update().select_related("suche__fall", "angebot").get(pk=vermittlung.pk)
        )
        fall = vermittlung.suche.fall
        if status not in Vermittlung.NAECHSTE[vermittlung.status]:
            return _("This step does not follow the current one.")
        if status != S.ABGEBROCHEN and not (fall.darf_weitergeben(VERMIETER) and vermittlung.geteilt_am):
            return _(
                "A viewing or tenancy involves the landlord: record the household's consent and the sharing first."
            )
        if (
            status == S.EINGEZOGEN
            and Vermittlung.objects.filter(status=S.EINGEZOGEN)
            .filter(Q(angebot=vermittlung.angebot_id) | Q(suche=vermittlung.suche_id))
            .exists()
        ):
            return _("This flat is already let, or this household has already moved.")
        vermittlung.status = status
        if status == S.BESICHTIGUNG:
            vermittlung.besichtigung_am = datum
            if vermittlung.angebot.status == Wohnungsangebot.Status.NEU:
                vermittlung.angebot.status = Wohnungsangebot.Status.BESICHTIGUNG
                vermittlung.angebot.save()
        elif status == S.MIETVERTRAG:
            vermittlung.mietvertrag_am = datum
        elif status == S.EINGEZOGEN:
            vermittlung.eingezogen_am = datum
            vermittlung.aus_anschlussunterbringung = fall.unterbringung == Fall.Unterbringung.ANSCHLUSS
            fall.unterbringung = Fall.Unterbringung.PRIVAT
            fall.adresse = vermittlung.angebot.adresse
            fall.save(update_fields=["unterbringung", "adresse", "geaendert_am"])
            protokolliere(user, A.AENDERN, "fall", fall, fall, ["unterbringung", "adresse"])
            Wohnungssuche.objects.filter(pk=vermittlung.suche_id).update(aktiv=False)
            vermittlung.angebot.status = Wohnungsangebot.Status.VERMITTELT
            vermittlung.angebot.save()
            # The other proposals for this flat and for this household end here.
            Vermittlung.objects.filter(Q(angebot=vermittlung.angebot_id) | Q(suche=vermittlung.suche_id)).exclude(
                pk=vermittlung.pk
            ).exclude(status=S.EINGEZOGEN).update(status=S.ABGEBROCHEN)
        vermittlung.save()
        protokolliere(user, A.AENDERN, "vermittlung", vermittlung, fall, ["status"])
    return None


def purge_landlord_details(days):
    """A year (`days`) after an offer ended, two for one never closed, the landlord's details go; the
    counts for the statistics stay."""
    cutoff = timezone.now() - datetime.timedelta(days=days)
    stale = timezone.now() - datetime.timedelta(days=2 * days)
    ended = Wohnungsangebot.objects.filter(
        Q(beendet_am__lt=cutoff.date()) | Q(beendet_am__isnull=True, eingegangen__lt=stale)
    ).exclude(email="")
    wohnungen = 0
    for angebot in ended.prefetch_related("fotos"):
        for foto in angebot.fotos.all():
            foto.delete()
        angebot.kontakte.all().delete()
        Wohnungsangebot.objects.filter(pk=angebot.pk).update(adresse="–", name="–", email="", telefon="", notiz="")
        wohnungen += 1
    return f"Removed the landlord's details from {wohnungen} flat offers."


def fall_anonymisieren(fall):
    """A case is anonymised (`faelle_case_anonymise`): its placements lose notes and who shared what;
    open ones are called off."""
    Vermittlung.objects.filter(suche__fall=fall).update(
        nachbetreuung_notiz=None, nachbetreuung_am=None, geteilt_am=None, erstellt_von=None
    )
    Vermittlung.objects.filter(suche__fall=fall, status__in=["vorgeschlagen", "besichtigung", "mietvertrag"]).update(
        status="abgebrochen"
    )
