"""The mails of the case register (portal/notifications.py). They name no case and no person."""

from portal.notifications import Notification, link


class AufgabenFaellig(Notification):
    """To a case worker: a task is due, with a link to their tasks."""

    template = "faelle/email/aufgaben"

    def get_context(self, recipient):
        return {"link": link("faelle:aufgaben")}
