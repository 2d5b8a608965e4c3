"""The mails of the Beirat (portal/notifications.py)."""

from portal.formats import day_and_hours
from portal.notifications import Notification, link

from .selectors import kalender


class Einladung(Notification):
    """Invitation to a meeting, with the meeting as .ics (METHOD:PUBLISH: members answer in the portal)."""

    template = "beirat/email/einladung"

    def get_context(self, recipient):
        sitzung = self.context["sitzung"]
        return {
            **super().get_context(recipient),
            "zeit": day_and_hours(sitzung.beginn, sitzung.ende),
            "link": link("beirat:sitzung", sitzung.pk),
        }

    def attachments(self, recipient):
        return [("sitzung.ics", kalender(self.context["sitzung"]), "text/calendar; charset=utf-8; method=PUBLISH")]


class ProtokollMail(Notification):
    def get_context(self, recipient):
        return {**super().get_context(recipient), "link": link("beirat:sitzung", self.context["protokoll"].sitzung_id)}


class ProtokollZurFreigabe(ProtokollMail):
    """To the Vorsitz: minutes wait for approval."""

    template = "beirat/email/protokoll_freigabe"


class ProtokollEntschieden(ProtokollMail):
    """To the Schriftführung: the minutes were approved or changes were asked for."""

    template = "beirat/email/protokoll_entschieden"


class ProtokollFreigegeben(ProtokollMail):
    """To every member: the minutes of a meeting are approved, to read in the portal or as a PDF."""

    template = "beirat/email/protokoll_freigegeben"

    def get_context(self, recipient):
        sitzung_id = self.context["protokoll"].sitzung_id
        return {**super().get_context(recipient), "pdf_link": link("beirat:protokoll_pdf", sitzung_id)}
