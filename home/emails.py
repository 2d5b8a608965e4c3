"""The mails of the home app (portal/notifications.py)."""

from portal.notifications import Notification, link


class BarrierenmeldungEingang(Notification):
    """To whoever reported a barrier: received, answered within a month."""

    template = "home/email/barrierenmeldung"


class BarrierenmeldungFuerRedaktion(Notification):
    """To the feedback contact: a report arrived; it is read in the CMS (sign-in with a second factor)."""

    template = "home/email/barrierenmeldung_eingang"

    def get_context(self, recipient):
        meldung = self.context["meldung"]
        return {**self.context, "url": link("barrierenmeldung:edit", meldung.pk)}
