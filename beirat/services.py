"""Invitations, minutes through the Wagtail workflow, and publishing a recommendation."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.models import Locale

from portal.roles import BEIRAT, users_with_role

from . import emails
from .models import BeiratPage, Beschluss, BeschlussVerlauf, EmpfehlungPage, Protokoll, ProtokollPunkt, Rueckmeldung


class KeineFreigabeMoeglich(Exception):
    """The approval workflow for minutes is missing or has no active step."""


class SitzungNochNichtVorbei(Exception):
    """Minutes are approved only after the meeting took place."""


def mitglieder():
    """Everyone with a Beirat role: they are invited and answer."""
    return users_with_role(BEIRAT).order_by("last_name", "first_name", "pk")


def einladen(sitzung):
    """One invitation per member, in their language, with the meeting as .ics. Returns how many."""
    with transaction.atomic():
        erneut = sitzung.einladung_versendet_am is not None
        if erneut:
            sitzung.sequenz += 1
        sitzung.einladung_versendet_am = timezone.now()
        sitzung.save(update_fields=["sequenz", "einladung_versendet_am", "geaendert_am"])
        tagesordnung = list(sitzung.tagesordnung.all())
        return emails.Einladung(list(mitglieder()), sitzung=sitzung, erneut=erneut, tagesordnung=tagesordnung).send()


def rueckmelden(sitzung, user, antwort, kommentar="", vertretung=None):
    """Record (or change) a member's answer. Only who sends apologies names a deputy."""
    if antwort != Rueckmeldung.Antwort.NEIN:
        vertretung = None
    rueckmeldung, _created = Rueckmeldung.objects.update_or_create(
        sitzung=sitzung,
        user=user,
        defaults={"antwort": antwort, "kommentar": kommentar.strip(), "vertretung": vertretung},
    )
    return rueckmeldung


# --- Minutes -----------------------------------------------------------------------------------


def protokoll_punkte(sitzung, entwurf=None):
    """The agenda items the minutes speak about, each with what the draft says on it so far.

    An entry of the draft belongs to the agenda item of the same title, else of the same number;
    entries with text whose item has left the agenda since are kept at the end, so no text is lost."""
    bisher = list(entwurf.punkte.all()) if entwurf is not None and entwurf.pk else []

    def eintrag(nummer, titel, punkt):
        inhalt = {feld: getattr(punkt, feld) if punkt else "" for feld in ProtokollPunkt.INHALT}
        return {"nummer": nummer, "titel": titel, **inhalt}

    tagesordnung = list(sitzung.tagesordnung.all())
    passend = {}
    # By title first for every item, then by number among the entries left: an item inserted
    # before others does not take their text.
    for gleich in (lambda p, top: p.titel == top.titel, lambda p, top: p.nummer == top.nummer):
        for top in tagesordnung:
            if top.pk not in passend and (treffer := next((p for p in bisher if gleich(p, top)), None)):
                passend[top.pk] = treffer
                bisher.remove(treffer)
    punkte = [eintrag(top.nummer, top.titel, passend.get(top.pk)) for top in tagesordnung]
    return punkte + [eintrag(p.nummer, p.titel, p) for p in bisher if not p.leer]


def protokoll_speichern(sitzung, text, user, punkte=None):
    """Save a new version of the minutes as a revision; the approved version stays live.

    `punkte` are dicts with nummer, titel, diskussion, beschlossen, verantwortlich (None keeps the
    entries as they are). Returns None while the minutes wait for approval: the chair approves what
    they read."""
    with transaction.atomic():
        protokoll, created = Protokoll.objects.select_for_update().get_or_create(
            sitzung=sitzung, defaults={"text": text, "live": False}
        )
        if not created:
            state = protokoll.current_workflow_state
            if state is not None and state.status == state.STATUS_IN_PROGRESS:
                return None
            protokoll = protokoll.entwurf
            protokoll.text = text
        if punkte is not None:
            protokoll.punkte = [
                ProtokollPunkt(sort_order=n, **{k: punkt[k] for k in ("nummer", "titel", *ProtokollPunkt.INHALT)})
                for n, punkt in enumerate(punkte)
            ]
        if not protokoll.live:
            protokoll.save(update_fields=["text", "punkte"])
        protokoll.save_revision(user=user)
    return protokoll


def aenderungswunsch(protokoll):
    """The chair's request for changes (the task state with its comment), while it is open."""
    state = protokoll.current_workflow_state if protokoll else None
    if state is None or state.status != state.STATUS_NEEDS_CHANGES or state.current_task_state is None:
        return None
    return state.current_task_state


def zur_freigabe(protokoll, user):
    """Start the approval workflow (or resume it after changes were requested)."""
    with transaction.atomic():
        protokoll = Protokoll.objects.select_for_update().get(pk=protokoll.pk)
        state = protokoll.current_workflow_state
        if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
            state.resume(user=user)
            return state
        if state is not None:
            return state
        workflow = protokoll.get_workflow()
        if workflow is None or not workflow.tasks.filter(active=True).exists():
            raise KeineFreigabeMoeglich
        return workflow.start(protokoll, user)


def freigabe_aktionen(protokoll, user):
    """The workflow actions this user may take on the minutes now. Approval waits until the meeting is over."""
    state = protokoll.current_workflow_state
    if state is None or state.status != state.STATUS_IN_PROGRESS or state.current_task_state is None:
        return []
    task = state.current_task_state.task.specific
    return [name for name, _label, _comment in task.get_actions(protokoll, user)]


def freigabe_entscheiden(protokoll, user, aktion, kommentar=""):
    if aktion == "approve" and not protokoll.sitzung.vorbei:
        raise SitzungNochNichtVorbei
    with transaction.atomic():
        Protokoll.objects.select_for_update().get(pk=protokoll.pk)
        state = protokoll.current_workflow_state
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state, user, aktion, comment=kommentar)


# --- Recommendations ----------------------------------------------------------------------------


def folgestatus_setzen(beschluss, status, notiz, user, datum=None):
    with transaction.atomic():
        eintrag = BeschlussVerlauf(beschluss=beschluss, notiz=notiz, autor=user)
        if datum:
            eintrag.datum = datum
        if status and status != beschluss.folgestatus:
            eintrag.status = status
            beschluss.folgestatus = status
            beschluss.save(update_fields=["folgestatus"])
        eintrag.save()
    return eintrag


def veroeffentlichen(beschluss, user):
    """Make the recommendation a public page below the German Beirat page (editors translate it)."""
    seite = beschluss.oeffentliche_seite()
    if seite is not None:
        return seite
    german = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    parent = BeiratPage.objects.live().filter(locale=german).first()
    if parent is None:
        return None
    paragraphs = [p.strip() for p in beschluss.text.split("\n\n") if p.strip()]
    seite = EmpfehlungPage(
        title=beschluss.titel,
        slug=_freier_slug(parent, beschluss),
        datum=timezone.localtime(beschluss.sitzung.beginn).date(),
        zusammenfassung=paragraphs[0][:400] if paragraphs else beschluss.titel,
        body=[("paragraph", f"<p>{escape(p).replace(chr(10), '<br>')}</p>") for p in paragraphs],
        beschluss=beschluss,
        owner=user,
    )
    parent.add_child(instance=seite)
    # The view checked the Vorsitz role: the chair publishes without being a CMS editor.
    seite.save_revision(user=user).publish(user=user, skip_permission_checks=True)
    if beschluss.folgestatus == Beschluss.Folgestatus.OFFEN:
        folgestatus_setzen(beschluss, Beschluss.Folgestatus.UEBERGEBEN, "", user)
    return seite


def _freier_slug(parent, beschluss):
    base = (
        slugify(beschluss.titel.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss"))[:60].strip(
            "-"
        )
        or "empfehlung"
    )
    slug, n = base, 2
    while parent.get_children().filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
