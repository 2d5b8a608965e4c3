"""The mails of volunteering (portal/notifications.py)."""

from django.core.mail import EmailMultiAlternatives

from portal import roles
from portal.notifications import Notification, link

from .templatetags.ehrenamt_tags import schichtzeit


class VolunteerMail(Notification):
    """To a volunteer, in their language, with links to their own pages. Names no one else."""

    def get_context(self, recipient):
        context = {
            **super().get_context(recipient),
            "meine_einsaetze": link("ehrenamt:meine_einsaetze"),
            "offene_schichten": link("ehrenamt:schichten"),
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


def koordination():
    """Every active account of the Ehrenamtskoordination, each written to in its own language."""
    return list(roles.users_with_role(roles.EHRENAMTSKOORDINATION))


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
