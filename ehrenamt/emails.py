"""The mails of volunteering, Patenschaften and the Verein (portal/notifications.py)."""

from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives

from portal.notifications import Notification, Recipient, link
from portal.roles import EHRENAMTSKOORDINATION

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


class NeueBewerbung(Notification):
    """To the coordinators: an application waits. Names no one."""

    template = "ehrenamt/email/neue_bewerbung"

    def __init__(self, profil):
        koordination = get_user_model().objects.filter(groups__name=EHRENAMTSKOORDINATION, is_active=True).distinct()
        super().__init__(list(koordination), profil=profil)

    def get_context(self, recipient):
        return {"link": link("ehrenamt:freiwillige_detail", self.context["profil"].pk)}


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


class MitgliedAufgenommen(VereinMail):
    template = "ehrenamt/email/mitglied_aufgenommen"

    def get_context(self, recipient):
        return {**super().get_context(recipient), "signup": link("account_signup")}


class MitgliedAbgelehnt(VereinMail):
    template = "ehrenamt/email/mitglied_abgelehnt"


class MitgliedAusgetreten(VereinMail):
    template = "ehrenamt/email/mitglied_ausgetreten"
