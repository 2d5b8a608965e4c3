"""Writes of the events: the places of a date (capacity, waiting list that moves up)."""

from portal.capacity import Places

from .models import Anmeldung, VeranstaltungPage

# Places per date; a confirmation or cancellation locks the event row.
PLAETZE = Places(
    parent=VeranstaltungPage,
    bookings=Anmeldung,
    parent_field="veranstaltung",
    capacity="kapazitaet",
    confirmed=Anmeldung.Status.BESTAETIGT,
    waiting=Anmeldung.Status.WARTELISTE,
    cancelled=Anmeldung.Status.STORNIERT,
    order=("bestaetigt", "pk"),
    pool=("datum",),
)
