"""The mails of event registration (portal/notifications.py): to the address given in the form,
in the language it was filled in, with the event's title and links in that language."""

from portal.notifications import Notification, Recipient, page_link
from portal.translation import with_translations

from . import selectors


class AnmeldungMail(Notification):
    route = "register_cancel"

    def __init__(self, anmeldung):
        super().__init__(Recipient.of_submission(anmeldung.email, anmeldung.sprache), anmeldung=anmeldung)

    def get_context(self, recipient):
        anmeldung = self.context["anmeldung"]
        event = anmeldung.veranstaltung
        return {
            **super().get_context(recipient),
            "page": with_translations([event], recipient.language)[0],
            "link": page_link(event, self.route, anmeldung.token),
            "details": selectors.details(event, anmeldung.datum),
            "calendar_link": page_link(event, "ics_date", anmeldung.datum.isoformat()),
        }


class AnmeldungBestaetigen(AnmeldungMail):
    """Double opt-in: confirm the registration."""

    template = "veranstaltungen/email/bestaetigen"
    route = "register_confirm"


class AnmeldungVorhanden(AnmeldungMail):
    """Someone registered this address again for a date it is registered for: said only to the
    address, so the form does not tell anyone who is registered. Shows the registration's own link
    (confirm it, or cancel it), nothing of what was typed the second time."""

    template = "veranstaltungen/email/vorhanden"

    def __init__(self, anmeldung):
        super().__init__(anmeldung)
        if anmeldung.status == anmeldung.Status.UNBESTAETIGT:
            self.route = "register_confirm"


class Platz(AnmeldungMail):
    template = "veranstaltungen/email/platz"


class Warteliste(AnmeldungMail):
    template = "veranstaltungen/email/warteliste"


class AnmeldungNachgerueckt(AnmeldungMail):
    """A place became free: moved up from the waiting list."""

    template = "veranstaltungen/email/nachgerueckt"
