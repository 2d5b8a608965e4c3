"""The mails of the training catalogue (portal/notifications.py)."""

from portal.notifications import Notification, link


class KursterminMail(Notification):
    def get_context(self, recipient):
        termin = self.context["termin"]
        return {
            **super().get_context(recipient),
            "link": link("fortbildung:meine"),
            "ics": link("fortbildung:termin_ics", termin.pk),
        }


class KursterminNachgerueckt(KursterminMail):
    """Moved up from the waiting list of a session."""

    template = "fortbildung/email/nachgerueckt"


class KursterminGeaendert(KursterminMail):
    """A session's time or place changed, or it was cancelled."""

    template = "fortbildung/email/geaendert"


class PflichtkursErinnerung(Notification):
    """A mandatory course is still missing (at most once a week)."""

    template = "fortbildung/email/erinnerung"

    def get_context(self, recipient):
        return {**super().get_context(recipient), "link": link("fortbildung:katalog")}
