"""The mails of recruitment (portal/notifications.py)."""

from portal.notifications import Notification


class BewerbungEingegangen(Notification):
    """To the applicant: we received the application with the CV."""

    template = "personal/email/eingang"
