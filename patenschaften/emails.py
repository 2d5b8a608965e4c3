"""The mails of Patenschaften (portal/notifications.py)."""

from ehrenamt.emails import VolunteerMail
from portal.notifications import link


class PatenschaftBegonnen(VolunteerMail):
    """To the Pate: matched with a household."""

    template = "patenschaften/email/patenschaft"

    def get_context(self, recipient):
        return {**super().get_context(recipient), "meine_patenschaften": link("patenschaften:meine_patenschaften")}
