"""The mails of the housing area (portal/notifications.py)."""

from portal.notifications import Notification


class WohnungsangebotEingang(Notification):
    """To the landlord: what we received."""

    template = "wohnraum/email/wohnungsangebot"
