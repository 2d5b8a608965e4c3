"""Invitations, minutes through the Wagtail workflow, and publishing a recommendation."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.text import slugify
from icalendar import Event
from wagtail.models import Locale

from portal.exports import new_calendar
from portal.roles import BEIRAT_ROLES

from .models import BeiratPage, Beschluss, BeschlussVerlauf, EmpfehlungPage, Protokoll

logger = logging.getLogger(__name__)

PRODID = "-//Stadt Plochingen//Integrationsportal Beirat//DE"
UID_DOMAIN = "integrationsportal.plochingen.de"


class KeineFreigabeMoeglich(Exception):
    """The approval workflow for minutes is missing or has no active step."""


def one_line(text):
    return " ".join(str(text).split())


def absolute_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def mitglieder():
    """Everyone with a Beirat role: they are invited and answer."""
    return (
        get_user_model()
        .objects.filter(groups__name__in=BEIRAT_ROLES, is_active=True)
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )


def kalender(sitzung):
    """The meeting as an iCalendar file (METHOD:PUBLISH: members answer in the portal)."""
    cal = new_calendar(sitzung.titel, PRODID)
    cal.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"beirat-sitzung-{sitzung.pk}@{UID_DOMAIN}")
    event.add("dtstamp", sitzung.geaendert_am or timezone.now())
    event.add("sequence", sitzung.sequenz)
    event.add("summary", one_line(sitzung.titel))
    event.add("dtstart", timezone.localtime(sitzung.beginn))
    event.add("dtend", timezone.localtime(sitzung.ende))
    event.add("location", one_line(sitzung.ort))
    tops = "\n".join(f"TOP {top.nummer}: {top.titel}" for top in sitzung.tagesordnung.all())
    event.add("description", tops)
    event.add("url", absolute_url(reverse("beirat:sitzung", args=[sitzung.pk])))
    event.add("status", "CONFIRMED")
    cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()


def zeit(sitzung):
    start = timezone.localtime(sitzung.beginn)
    end = timezone.localtime(sitzung.ende)
    hours = f"{start:%H:%M}–{end:%H:%M}"
    if translation.get_language_bidi():
        hours = f"\u2066{hours}\u2069"
    return f"{date_format(start, 'l')}, {date_format(start, 'DATE_FORMAT')}, {hours}"


def einladen(sitzung):
    """One email per member, in their language, with the meeting as .ics.

    Returns (sent, failed). A refused address is logged and does not stop the others.
    """
    erneut = sitzung.einladung_versendet_am is not None
    if erneut:
        sitzung.sequenz += 1
    ics = kalender(sitzung)
    gesendet = fehlgeschlagen = 0
    for user in mitglieder():
        if not user.email:
            continue
        with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
            context = {
                "sitzung": sitzung,
                "user": user,
                "erneut": erneut,
                "zeit": zeit(sitzung),
                "tagesordnung": list(sitzung.tagesordnung.all()),
                "link": absolute_url(reverse("beirat:sitzung", args=[sitzung.pk])),
            }
            subject = one_line(render_to_string("beirat/email/einladung_subject.txt", context))
            body = render_to_string("beirat/email/einladung_body.txt", context)
        message = EmailMessage(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body, None, [user.email])
        message.attach("sitzung.ics", ics, "text/calendar; charset=utf-8; method=PUBLISH")
        try:
            message.send()
        except Exception:  # noqa: BLE001 - one refused address must not stop the others
            logger.exception("Invitation to Beirat member %s could not be sent", user.pk)
            fehlgeschlagen += 1
        else:
            gesendet += 1
    if gesendet:
        sitzung.einladung_versendet_am = timezone.now()
        sitzung.save(update_fields=["sequenz", "einladung_versendet_am", "geaendert_am"])
    return gesendet, fehlgeschlagen


# --- Minutes -----------------------------------------------------------------------------------


def protokoll_speichern(sitzung, text, user):
    """Save a new version of the minutes as a revision; the approved version stays live.

    Returns None while the minutes wait for approval: the chair approves what they read.
    """
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
            if not protokoll.live:
                protokoll.save(update_fields=["text"])
        protokoll.save_revision(user=user)
    return protokoll


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
    """The workflow actions this user may take on the minutes now."""
    state = protokoll.current_workflow_state
    if state is None or state.status != state.STATUS_IN_PROGRESS or state.current_task_state is None:
        return []
    task = state.current_task_state.task.specific
    return [name for name, _label, _comment in task.get_actions(protokoll, user)]


def freigabe_entscheiden(protokoll, user, aktion, kommentar=""):
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
