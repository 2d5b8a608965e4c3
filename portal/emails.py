"""The portal's own mails (portal/notifications.py); allauth's go through portal.adapters."""

from .notifications import Notification, link


class MFAEnrolmentLink(Notification):
    """To a staff account without a second factor: the link that allows setting one up, so that
    a password alone does not suffice (portal/mfa_enrolment.py)."""

    template = "portal/email/mfa_enrolment"

    def get_context(self, recipient):
        return {**self.context, "url": link("mfa_enrolment_confirm", self.context["token"])}
