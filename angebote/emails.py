"""The mails of the offers area (portal/notifications.py)."""

from portal.notifications import Notification


class MoebelspendeEingang(Notification):
    """To the donor: what we received."""

    template = "angebote/email/moebelspende"


class AnliegenEingang(Notification):
    """To the neighbour who wrote: we received your message."""

    template = "angebote/email/anliegen"


class AnliegenFuerSozialhausmeister(Notification):
    """To the Sozialhausmeister: something arrived; the message itself stays in the inbox."""

    template = "angebote/email/anliegen_eingang"
