"""The LBF as a Verein: membership application, the Vorstand's register and fees, the members' area.

Verein documents are Wagtail documents in the collection named by PORTAL_VEREIN_COLLECTION, which a
migration restricts to the Vereinsmitglied and Vorstand groups; Wagtail's serve view checks that
restriction on every download, and documents are never served from a media URL.
"""

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import Group
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Max, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.documents import get_document_model

from portal import roles
from portal.exports import csv_download, csv_safe
from portal.models import public_pages
from portal.permissions import role_required
from portal.public_forms import handle_public_form
from portal.translation import in_source_language, localized_url

from . import emails
from .forms import (
    AblehnenForm,
    BeitragForm,
    MeineDatenForm,
    MitgliedsantragForm,
    MitgliedVerwaltenForm,
    SprechrundeForm,
)
from .models import Beitrag, Mitglied, Sprechrunde

vorstand_required = role_required(roles.VORSTAND)
members_required = role_required(roles.VEREINSMITGLIED, roles.VORSTAND)
OFFEN = [Mitglied.Status.BEANTRAGT, Mitglied.Status.AKTIV, Mitglied.Status.RUHEND]
REGISTER_PAGE_SIZE = 50


def antrag(request, page):
    beitraege = {art: page.beitrag(art) for art in Mitglied.Art.values}
    satzung = in_source_language(page).satzung
    datenschutz = public_pages().filter(slug="datenschutz", locale__language_code=settings.LANGUAGE_CODE).first()
    links = {
        "satzung_url": satzung.url if satzung else "",
        "datenschutz_url": localized_url(request, datenschutz) if datenschutz else "",
    }

    class Form(MitgliedsantragForm):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, beitraege=beitraege, **links, **kwargs)

    def store(form):
        mitglied = form.save(commit=False)
        bestehend = Mitglied.objects.filter(email=mitglied.email, status__in=OFFEN).first()
        if bestehend is not None:
            # Said only to the address itself: the form must not tell anyone who is a member.
            emails.MitgliedsantragDoppelt(bestehend).send()
            return
        mitglied.einwilligung_am = timezone.now()
        mitglied.sprache = get_language()
        try:
            with transaction.atomic():
                mitglied.save()
        except IntegrityError:  # the same application twice at the same moment: one is enough
            return
        emails.Mitgliedsantrag(mitglied, beitrag=beitraege[mitglied.art]).send()
        emails.NeuerMitgliedsantrag(mitglied, offen=offene_antraege()).send()

    return handle_public_form(
        request, page, Form, "mitgliedsantrag", store, "ehrenamt/verein/antrag.html", "antrag_danke"
    )


def verknuepfen(mitglied):
    """Give the member's account (same verified email) the members' role."""
    from allauth.account.models import EmailAddress

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


# The Vorstand


def offene_antraege():
    return Mitglied.objects.filter(status=Mitglied.Status.BEANTRAGT).count()


@vorstand_required
def register(request):
    status = request.GET.get("status", "")
    queryset = Mitglied.objects.all()
    if status in Mitglied.Status.values:
        queryset = queryset.filter(status=status)
    page = Paginator(queryset, REGISTER_PAGE_SIZE).get_page(request.GET.get("seite"))
    return render(
        request,
        "ehrenamt/verein/register.html",
        {
            "page_obj": page,
            "status": status,
            "status_choices": Mitglied.Status.choices,
            "query_prefix": f"status={status}" if status else "",
            "antraege": offene_antraege(),
        },
    )


def _verwaltbar(mitglied):
    """Status, dates and fees are kept for members; an application is accepted or declined first."""
    return mitglied.status in MitgliedVerwaltenForm.MITGLIED_STATUS


def _mitglied(request, mitglied, form=None, beitrag_form=None):
    verwaltbar = _verwaltbar(mitglied)
    return render(
        request,
        "ehrenamt/verein/mitglied.html",
        {
            "mitglied": mitglied,
            "form": (form or MitgliedVerwaltenForm(instance=mitglied)) if verwaltbar else None,
            "beitrag_form": (
                beitrag_form
                or BeitragForm(initial={"jahr": timezone.localdate().year, "betrag": _beitrag_fuer(mitglied)})
            )
            if verwaltbar
            else None,
            "beitraege": mitglied.beitraege.all(),
        },
    )


@vorstand_required
def mitglied(request, pk):
    mitglied = get_object_or_404(Mitglied, pk=pk)
    if request.method == "POST" and not _verwaltbar(mitglied):
        messages.error(request, _("Please accept or decline the application first."))
        return redirect("verein:mitglied", pk=pk)
    form = MitgliedVerwaltenForm(request.POST or None, instance=mitglied)
    if request.method == "POST" and form.is_valid():
        form.save()
        rolle_pruefen(mitglied.user)
        messages.success(request, _("Saved."))
        return redirect("verein:mitglied", pk=pk)
    return _mitglied(request, mitglied, form=form)


@vorstand_required
@require_POST
def entscheiden(request, pk):
    """Accepting: one button on the application. Declining has its own confirmation (`ablehnen`)."""
    mitglied = get_object_or_404(Mitglied, pk=pk, status=Mitglied.Status.BEANTRAGT)
    if request.POST.get("entscheidung") != "annehmen":
        return redirect("verein:ablehnen", pk=pk)
    if not aufnehmen(mitglied):  # decided a moment ago (a second click, or a colleague)
        messages.info(request, _("This application has already been decided."))
        return redirect("verein:mitglied", pk=pk)
    hat_konto = verknuepfen(mitglied)
    emails.MitgliedAufgenommen(mitglied, hat_konto=hat_konto).send()
    messages.success(
        request,
        _("%(name)s is now member no. %(number)s and has been told by email.")
        % {"name": mitglied, "number": mitglied.mitgliedsnummer},
    )
    return redirect("verein:mitglied", pk=pk)


@vorstand_required
def ablehnen(request, pk):
    """Confirm declining an application, with the reason the applicant is sent in their language."""
    mitglied = get_object_or_404(Mitglied, pk=pk)
    if mitglied.status != Mitglied.Status.BEANTRAGT:
        messages.info(request, _("This application has already been decided."))
        return redirect("verein:mitglied", pk=pk)
    form = AblehnenForm(request.POST or None, instance=mitglied)
    if request.method == "POST" and form.is_valid():
        grund = form.cleaned_data["ablehnungsgrund"]
        entschieden = Mitglied.objects.filter(pk=pk, status=Mitglied.Status.BEANTRAGT).update(
            status=Mitglied.Status.ABGELEHNT, ablehnungsgrund=grund
        )
        if not entschieden:
            messages.info(request, _("This application has already been decided."))
            return redirect("verein:mitglied", pk=pk)
        mitglied.refresh_from_db()
        emails.MitgliedAbgelehnt(mitglied).send()
        messages.success(request, _("The application has been declined and the applicant told by email."))
        return redirect("verein:mitglied", pk=pk)
    return render(request, "ehrenamt/verein/ablehnen.html", {"mitglied": mitglied, "form": form})


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
                    mitglied=mitglied, jahr=heute.year, defaults={"betrag": _beitrag_fuer(mitglied)}
                )
            return True
        except IntegrityError:
            if versuch == versuche - 1:
                raise


def _beitrag_fuer(mitglied):
    from .models import VereinPage

    page = VereinPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if page is None:
        return 0
    return page.beitrag(mitglied.art)


@vorstand_required
@require_POST
def beitrag(request, pk):
    mitglied = get_object_or_404(Mitglied, pk=pk)
    if not _verwaltbar(mitglied):
        messages.error(request, _("Please accept or decline the application first."))
        return redirect("verein:mitglied", pk=pk)
    form = BeitragForm(request.POST)
    unpaying = form.is_valid() and form.cleaned_data["bezahlt"] == BeitragForm.OFFEN
    if unpaying and mitglied.beitraege.filter(jahr=form.cleaned_data["jahr"], bezahlt_am__isnull=False).exists():
        form.add_error(
            "bezahlt", _("This fee is already recorded as paid. To correct the day, choose “Paid” and enter it.")
        )
    if not form.is_valid():
        return _mitglied(request, mitglied, beitrag_form=form)
    Beitrag.objects.update_or_create(
        mitglied=mitglied,
        jahr=form.cleaned_data["jahr"],
        defaults={"betrag": form.cleaned_data["betrag"], "bezahlt_am": form.cleaned_data["bezahlt_am"]},
    )
    messages.success(request, _("The fee has been recorded."))
    return redirect("verein:mitglied", pk=pk)


def _jahr(request):
    try:
        jahr = int(request.GET.get("jahr", ""))
    except ValueError:
        jahr = timezone.localdate().year
    return jahr if 2000 <= jahr <= 2100 else timezone.localdate().year


@vorstand_required
def offene_beitraege(request):
    """Active and dormant members without a paid fee for the year."""
    jahr = _jahr(request)
    bezahlt = Beitrag.objects.filter(jahr=jahr, bezahlt_am__isnull=False).values("mitglied_id")
    mitglieder = (
        Mitglied.objects.filter(status__in=[Mitglied.Status.AKTIV, Mitglied.Status.RUHEND])
        .exclude(pk__in=bezahlt)
        .prefetch_related(Prefetch("beitraege", queryset=Beitrag.objects.filter(jahr=jahr), to_attr="im_jahr"))
    )
    return render(request, "ehrenamt/verein/offene_beitraege.html", {"mitglieder": mitglieder, "jahr": jahr})


@vorstand_required
def export(request):
    jahr = _jahr(request)
    response, writer = csv_download(f"mitglieder-{jahr}.csv")
    writer.writerow(
        [
            _("Membership number"),
            _("First name"),
            _("Last name"),
            _("Street and number"),
            _("Postcode"),
            _("Town"),
            _("Email"),
            _("Date of birth"),
            _("Type of membership"),
            _("Status"),
            _("Joined"),
            _("Left"),
            _("Fee %(year)s") % {"year": jahr},
            _("Paid on"),
        ]
    )
    mitglieder = Mitglied.objects.exclude(status=Mitglied.Status.ABGELEHNT).prefetch_related(
        Prefetch("beitraege", queryset=Beitrag.objects.filter(jahr=jahr), to_attr="im_jahr")
    )
    for m in mitglieder:
        beitrag = m.im_jahr[0] if m.im_jahr else None
        writer.writerow(
            [
                m.mitgliedsnummer or "",
                csv_safe(m.vorname),
                csv_safe(m.nachname),
                csv_safe(m.strasse),
                csv_safe(m.plz),
                csv_safe(m.ort),
                csv_safe(m.email),
                m.geburtsdatum.isoformat(),
                m.get_art_display(),
                m.get_status_display(),
                m.eintritt.isoformat() if m.eintritt else "",
                m.austritt.isoformat() if m.austritt else "",
                beitrag.betrag if beitrag else "",
                beitrag.bezahlt_am.isoformat() if beitrag and beitrag.bezahlt_am else "",
            ]
        )
    return response


@vorstand_required
def sprechrunden(request):
    form = SprechrundeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect("verein:sprechrunden")
    return render(
        request,
        "ehrenamt/verein/sprechrunden.html",
        {"form": form, "termine": Sprechrunde.objects.filter(beginn__gte=timezone.now() - datetime.timedelta(days=1))},
    )


# Members


def _meine(user):
    return Mitglied.objects.filter(user=user, status__in=[Mitglied.Status.AKTIV, Mitglied.Status.RUHEND]).first()


@members_required
def bereich(request):
    collection_docs = get_document_model().objects.filter(collection__name=settings.PORTAL_VEREIN_COLLECTION)
    return render(
        request,
        "ehrenamt/verein/bereich.html",
        {
            "mitglied": _meine(request.user),
            "ist_vorstand": request.user.is_superuser or roles.has_role(request.user, roles.VORSTAND),
            "dokumente": collection_docs.order_by("-created_at"),
            "termine": Sprechrunde.objects.filter(beginn__gte=timezone.now())[:10],
        },
    )


@members_required
def meine_daten(request):
    mitglied = _meine(request.user)
    if mitglied is None:
        messages.info(request, _("There is no membership linked to your account."))
        return redirect("verein:bereich")
    form = MeineDatenForm(request.POST or None, instance=mitglied)
    if request.method == "POST" and form.is_valid():
        if Mitglied.objects.filter(email=form.cleaned_data["email"], status__in=OFFEN).exclude(pk=mitglied.pk).exists():
            form.add_error("email", _("This email address belongs to another membership."))
        else:
            form.save()
            messages.success(request, _("Your details have been saved."))
            return redirect("verein:bereich")
    return render(request, "ehrenamt/verein/meine_daten.html", {"form": form, "mitglied": mitglied})


@members_required
def austreten(request):
    mitglied = _meine(request.user)
    if mitglied is None:
        messages.info(request, _("There is no membership linked to your account."))
        return redirect("verein:bereich")
    if request.method == "POST":
        mitglied.status = Mitglied.Status.AUSGETRETEN
        mitglied.austritt = timezone.localdate()
        mitglied.save(update_fields=["status", "austritt"])
        rolle_pruefen(request.user)
        emails.MitgliedAusgetreten(mitglied).send()
        messages.success(request, _("You have left the Verein. Thank you for your support."))
        return redirect("profile")
    return render(request, "ehrenamt/verein/austreten.html", {"mitglied": mitglied})
