"""HR's mails to an applicant (portal/notifications.py); the confirmation of a new application is
in stellen/emails.py."""

from django.utils.translation import gettext as _

from portal import calendars
from portal.notifications import Notification
from portal.translation import with_translations


def gespraech_kalender(bewerbung, titel, url=""):
    """The interview as a calendar (.ics), in the active language; one UID per application, so a
    new date replaces the old one in the calendar."""
    event = calendars.Event(
        uid=f"personal-gespraech-{bewerbung.pk}@{calendars.UID_DOMAIN}",
        start=bewerbung.gespraech_beginn,
        end=bewerbung.gespraech_ende,
        summary=_("Job interview: %(titel)s") % {"titel": titel},
        description=_("Human resources of the City of Plochingen"),
        location=bewerbung.gespraech_ort,
        url=url,
        sequence=bewerbung.gespraech_sequenz,
        status="CONFIRMED",
        modified=bewerbung.gespraech_geaendert_am,
    )
    return calendars.ics(_("Job interview"), [event])


class StatusMitteilung(Notification):
    """To the applicant, in the language of the application: the new status of the application
    and/or the (new) interview, with the interview as a calendar file; HR previews it first.
    Context: bewerbung, status (the new status or ""), gespraech (True if the interview is new),
    nachricht (HR's personal message, may be empty)."""

    template = "personal/email/status"

    def _titel(self):
        bewerbung = self.context["bewerbung"]
        if bewerbung.stelle is None:
            return bewerbung.stelle_titel
        return with_translations([bewerbung.stelle])[0].title

    def get_context(self, recipient):
        return {**super().get_context(recipient), "titel": self._titel()}

    def attachments(self, recipient):
        bewerbung = self.context["bewerbung"]
        if not (self.context.get("gespraech") or self.context.get("status") == "gespraech"):
            return []
        if bewerbung.gespraech_beginn is None:
            return []
        return [("vorstellungsgespraech.ics", gespraech_kalender(bewerbung, self._titel()), "text/calendar")]
