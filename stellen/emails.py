"""The mail on a new application (portal/notifications.py); HR's mails are in intern/personal/emails.py."""

from portal.notifications import Notification


class BewerbungEingegangen(Notification):
    """To the applicant: we received the application with the CV."""

    template = "stellen/email/eingang"
