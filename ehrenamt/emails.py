"""The mails of volunteering, Patenschaften and the Verein (portal/notifications.py)."""

from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives

from portal.notifications import Notification, Recipient, link
from portal.roles import EHRENAMTSKOORDINATION, VORSTAND

from .templatetags.ehrenamt_tags import schichtzeit


class VolunteerMail(Notification):
    """To a volunteer, in their language, with links to their own pages. Names no one else."""

    def get_context(self, recipient):
        context = {
            **super().get_context(recipient),
            "meine_einsaetze": link("ehrenamt:meine_einsaetze"),
            "offene_schichten": link("ehrenamt:schichten"),
            "meine_patenschaften": link("ehrenamt:meine_patenschaften"),
        }
        if schicht := context.get("schicht"):
            context["zeit"] = schichtzeit(schicht)
            context["ort"] = schicht.ortsangabe(recipient.language)
            context["schicht_url"] = link("ehrenamt:schicht", schicht.pk)
        return context


class SchichtNachgerueckt(VolunteerMail):
    """Moved up from the waiting list."""

    template = "ehrenamt/email/nachgerueckt"


class SchichtGeaendert(VolunteerMail):
    template = "ehrenamt/email/geaendert"


class SchichtAbgesagt(VolunteerMail):
    template = "ehrenamt/email/abgesagt"


class SchichtAusgetragen(VolunteerMail):
    """The coordination took the volunteer off a shift."""

    template = "ehrenamt/email/ausgetragen"


class SchichtEingetragen(VolunteerMail):
    """The coordination signed the volunteer up (`position` set: on the waiting list)."""

    template = "ehrenamt/email/eingetragen"


class SchichtErinnerung(VolunteerMail):
    """The day before the shift."""

    template = "ehrenamt/email/erinnerung"


class Freigegeben(VolunteerMail):
    """The coordination approved the volunteer."""

    template = "ehrenamt/email/freigegeben"

    def get_context(self, recipient):
        return {**super().get_context(recipient), "link": link("ehrenamt:schichten")}


class NichtFreigegeben(VolunteerMail):
    template = "ehrenamt/email/abgelehnt"


class PatenschaftBegonnen(VolunteerMail):
    """To the Pate: matched with a household."""

    template = "ehrenamt/email/patenschaft"


def koordination():
    """Every active account of the Ehrenamtskoordination, each written to in its own language."""
    return list(get_user_model().objects.filter(groups__name=EHRENAMTSKOORDINATION, is_active=True).distinct())


class NeueBewerbung(Notification):
    """To the coordinators: an application waits. Names no one."""

    template = "ehrenamt/email/neue_bewerbung"

    def __init__(self, profil):
        super().__init__(koordination(), profil=profil)

    def get_context(self, recipient):
        return {"link": link("ehrenamt:freiwillige_detail", self.context["profil"].pk)}


class PlatzAbgesagt(Notification):
    """To the coordinators: a volunteer gave up their place, why, and whether the waiting list filled it."""

    template = "ehrenamt/email/platz_abgesagt"

    def __init__(self, einsatz, *, grund, nachgerueckt, frei):
        person = einsatz.freiwillige
        super().__init__(
            koordination(),
            schicht=einsatz.schicht,
            name=person.get_full_name() or person.email,
            grund=grund,
            nachgerueckt=[e.freiwillige.get_full_name() or e.freiwillige.email for e in nachgerueckt],
            frei=max(frei, 0),
        )

    def get_context(self, recipient):
        schicht = self.context["schicht"]
        return {
            **self.context,
            "zeit": schichtzeit(schicht),
            "link": link("ehrenamt:schicht_koordination", schicht.pk),
        }


class NachrichtDerKoordination(Notification):
    """A coordinator writes to the volunteers of a shift: their own words, one mail each."""

    def render(self, recipient):
        return EmailMultiAlternatives(
            self.context["betreff"], self.context["text"], to=[recipient.email], reply_to=self.reply_to
        )


# --- Verein ---------------------------------------------------------------------------------------


def mitglied_recipient(mitglied):
    """The member's address, in the account's language if they have one, else the application's."""
    language = getattr(mitglied.user, "preferred_language", "") if mitglied.user_id else ""
    return Recipient.of_submission(mitglied.email, language or mitglied.sprache)


class VereinMail(Notification):
    def __init__(self, mitglied, **context):
        super().__init__(mitglied_recipient(mitglied), mitglied=mitglied, **context)


class Mitgliedsantrag(VereinMail):
    """To the applicant: what we received."""

    template = "ehrenamt/email/mitgliedsantrag"


class MitgliedsantragDoppelt(VereinMail):
    """To the address only: an application or membership exists already."""

    template = "ehrenamt/email/mitgliedsantrag_doppelt"


class NeuerMitgliedsantrag(Notification):
    """To every member of the Vorstand: an application waits. Names no one."""

    template = "ehrenamt/email/neuer_mitgliedsantrag"

    def __init__(self, mitglied, *, offen):
        vorstand = get_user_model().objects.filter(groups__name=VORSTAND, is_active=True).distinct()
        super().__init__(list(vorstand), mitglied=mitglied, offen=offen)

    def get_context(self, recipient):
        return {
            "offen": self.context["offen"],
            "link": link("verein:mitglied", self.context["mitglied"].pk),
            "register": link("verein:register") + "?status=beantragt",
        }


class MitgliedAufgenommen(VereinMail):
    """The welcome: membership number, and how to pay this year's fee (the Vereinskonto setting)."""

    template = "ehrenamt/email/mitglied_aufgenommen"

    def __init__(self, mitglied, **context):
        from .models import Vereinskonto

        beitrag = mitglied.beitraege.filter(jahr=mitglied.eintritt.year).first() if mitglied.eintritt else None
        konto = Vereinskonto.load()
        referenz = konto.referenz(mitglied, beitrag.jahr) if beitrag else ""
        super().__init__(mitglied, beitrag=beitrag, konto=konto, referenz=referenz, **context)

    def get_context(self, recipient):
        return {**super().get_context(recipient), "signup": link("account_signup")}


class MitgliedAbgelehnt(VereinMail):
    """With the Vorstand's reason, as they wrote it."""

    template = "ehrenamt/email/mitglied_abgelehnt"


class MitgliedAusgetreten(VereinMail):
    template = "ehrenamt/email/mitglied_ausgetreten"
