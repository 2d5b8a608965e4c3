"""The mails of the Verein (portal/notifications.py)."""

from portal.notifications import Notification, Recipient, link
from portal.roles import VORSTAND, users_with_role

from .models import Vereinskonto


def mitglied_recipient(mitglied):
    """The member's address, in the account's language if they have one, else the application's."""
    language = getattr(mitglied.user, "preferred_language", "") if mitglied.user_id else ""
    return Recipient.of_submission(mitglied.email, language or mitglied.sprache)


class VereinMail(Notification):
    def __init__(self, mitglied, **context):
        super().__init__(mitglied_recipient(mitglied), mitglied=mitglied, **context)


class Mitgliedsantrag(VereinMail):
    """To the applicant: what we received."""

    template = "verein/email/mitgliedsantrag"


class MitgliedsantragDoppelt(VereinMail):
    """To the address only: an application or membership exists already."""

    template = "verein/email/mitgliedsantrag_doppelt"


class NeuerMitgliedsantrag(Notification):
    """To every member of the Vorstand: an application waits. Names no one."""

    template = "verein/email/neuer_mitgliedsantrag"

    def __init__(self, mitglied, *, offen):
        super().__init__(list(users_with_role(VORSTAND)), mitglied=mitglied, offen=offen)

    def get_context(self, recipient):
        return {
            "offen": self.context["offen"],
            "link": link("verein:mitglied", self.context["mitglied"].pk),
            "register": link("verein:register") + "?status=beantragt",
        }


class MitgliedAufgenommen(VereinMail):
    """The welcome: membership number, and how to pay this year's fee (the Vereinskonto setting)."""

    template = "verein/email/mitglied_aufgenommen"

    def __init__(self, mitglied, **context):
        beitrag = mitglied.beitraege.filter(jahr=mitglied.eintritt.year).first() if mitglied.eintritt else None
        konto = Vereinskonto.load()
        referenz = konto.referenz(mitglied, beitrag.jahr) if beitrag else ""
        super().__init__(mitglied, beitrag=beitrag, konto=konto, referenz=referenz, **context)

    def get_context(self, recipient):
        return {**super().get_context(recipient), "signup": link("account_signup")}


class MitgliedAbgelehnt(VereinMail):
    """With the Vorstand's reason, as they wrote it."""

    template = "verein/email/mitglied_abgelehnt"


class MitgliedAusgetreten(VereinMail):
    template = "verein/email/mitglied_ausgetreten"
