"""One capacity service, three uses: shifts, training sessions and event dates behave alike."""

import datetime
import itertools
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from ehrenamt import services as ehrenamt_services
from ehrenamt.models import Einsatz
from intern.fortbildung import services as fortbildung_services
from intern.fortbildung.models import Kursanmeldung
from portal.capacity import Places
from tests.factories import (
    KursterminFactory,
    QualifikationsnachweisFactory,
    SchichtFactory,
    UserFactory,
    VeranstaltungenIndexPageFactory,
    VeranstaltungPageFactory,
    volunteer,
)
from veranstaltungen import services as veranstaltungen_services
from veranstaltungen.models import Anmeldung as Veranstaltungsanmeldung

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Use:
    places: Places
    parent: Callable  # (capacity, **fields) -> a new parent
    booking: Callable  # (parent) -> a new, unsaved booking
    changes: Callable = dict  # () -> what the caller saves with a booking


def new_event(capacity):
    index = VeranstaltungenIndexPageFactory(parent=Page.get_first_root_node())
    return VeranstaltungPageFactory(parent=index, anmeldung=True, kapazitaet=capacity)


EMAILS = itertools.count()


def event_registration(event, datum=None):
    return Veranstaltungsanmeldung(
        veranstaltung=event,
        datum=datum or timezone.localdate(event.beginn),
        name="Gast",
        email=f"gast{next(EMAILS)}@example.org",
    )


SHIFTS = Use(
    ehrenamt_services.PLAETZE,
    parent=lambda capacity, **fields: SchichtFactory(kapazitaet=capacity, **fields),
    booking=lambda schicht: Einsatz(schicht=schicht, freiwillige=volunteer()),
)
TRAINING_SESSIONS = Use(
    fortbildung_services.PLAETZE,
    parent=lambda capacity: KursterminFactory(kapazitaet=capacity),
    booking=lambda termin: Kursanmeldung(termin=termin, user=UserFactory()),
)
EVENT_DATES = Use(
    veranstaltungen_services.PLAETZE,
    parent=new_event,
    booking=event_registration,
    changes=lambda: {"bestaetigt": timezone.now()},  # the double opt-in
)
USES = [SHIFTS, TRAINING_SESSIONS, EVENT_DATES]
IDS = ["shifts", "training-sessions", "event-dates"]
# Where the capacity is edited in a form that moves the waiting list up at once.
EDITABLE = [SHIFTS, TRAINING_SESSIONS]
# Where nobody moves up once the parent is cancelled or has started.
CLOSING = EDITABLE


def book(use, parent, booking=None):
    with transaction.atomic():
        parent = use.places.lock(parent.pk)
        return use.places.book(parent, booking or use.booking(parent), **use.changes())


def cancel(use, booking):
    with transaction.atomic():
        parent, booking = use.places.lock_booking(booking)
        return use.places.cancel(parent, booking)


def statuses(use, *results):
    return [use.places.bookings.objects.get(pk=result.booking.pk).status for result in results]


@pytest.mark.parametrize("use", USES, ids=IDS)
def test_when_the_places_are_taken_the_next_ones_wait_in_turn(use):
    parent = use.parent(capacity=2)
    first, second, third, fourth = (book(use, parent) for _ in range(4))
    places = use.places
    assert [r.status for r in (first, second, third, fourth)] == [places.confirmed] * 2 + [places.waiting] * 2
    assert [r.position for r in (first, second, third, fourth)] == [None, None, 1, 2]
    assert places.taken(parent) == 2


@pytest.mark.parametrize("use", USES, ids=IDS)
def test_a_cancelled_place_goes_to_the_first_one_waiting(use):
    parent = use.parent(capacity=1)
    first, second, third = (book(use, parent) for _ in range(3))
    result = cancel(use, first.booking)
    assert result.status == use.places.cancelled
    assert [b.pk for b in result.moved_up] == [second.booking.pk]
    places = use.places
    assert statuses(use, first, second, third) == [places.cancelled, places.confirmed, places.waiting]


@pytest.mark.parametrize("use", USES, ids=IDS)
def test_leaving_the_waiting_list_moves_nobody_up(use):
    parent = use.parent(capacity=1)
    first, second, third = (book(use, parent) for _ in range(3))
    assert cancel(use, second.booking).moved_up == []
    places = use.places
    assert statuses(use, first, second, third) == [places.confirmed, places.cancelled, places.waiting]
    again = book(use, parent, third.booking)  # booking again changes nothing
    assert (again.status, again.position, again.moved_up) == (places.waiting, 1, [])


@pytest.mark.parametrize("use", USES, ids=IDS)
def test_the_waiting_list_moves_up_first_come_first_served(use):
    parent = use.parent(capacity=1)
    first, second, third = (book(use, parent) for _ in range(3))
    # The waiting list keeps its own order (time of signing up or confirming), not the order of the rows.
    earlier = getattr(second.booking, use.places.order[0]) - datetime.timedelta(minutes=1)
    use.places.bookings.objects.filter(pk=third.booking.pk).update(**{use.places.order[0]: earlier})
    assert book(use, parent, third.booking).position == 1
    assert [b.pk for b in cancel(use, first.booking).moved_up] == [third.booking.pk]


@pytest.mark.parametrize("use", USES, ids=IDS)
def test_a_newcomer_does_not_pass_those_waiting(use):
    parent = use.parent(capacity=1)
    first, second, third = (book(use, parent) for _ in range(3))
    type(parent).objects.filter(pk=parent.pk).update(kapazitaet=2)
    newcomer = book(use, parent)
    assert [b.pk for b in newcomer.moved_up] == [second.booking.pk]
    assert (newcomer.status, newcomer.position) == (use.places.waiting, 2)
    assert statuses(use, first, second, third) == [use.places.confirmed, use.places.confirmed, use.places.waiting]


@pytest.mark.parametrize("use", EDITABLE, ids=IDS[:2])
def test_more_places_move_the_waiting_list_up(use):
    parent = use.parent(capacity=1)
    first, second, third, fourth = (book(use, parent) for _ in range(4))
    with transaction.atomic():
        parent = use.places.lock(parent.pk)
        parent.kapazitaet = 3
        parent.save()
        moved_up = use.places.move_up(parent)
    assert [b.pk for b in moved_up] == [second.booking.pk, third.booking.pk]
    assert statuses(use, fourth) == [use.places.waiting]


@pytest.mark.parametrize("use", CLOSING, ids=IDS[:2])
def test_nobody_moves_up_once_it_has_started(use):
    parent = use.parent(capacity=1)
    first, second = book(use, parent), book(use, parent)
    type(parent).objects.filter(pk=parent.pk).update(beginn=timezone.now() - datetime.timedelta(minutes=5))
    assert cancel(use, first.booking).moved_up == []
    assert statuses(use, second) == [use.places.waiting]


def test_moving_up_skips_volunteers_without_the_required_qualification():
    use = SHIFTS
    schicht = use.parent(capacity=1, qualifikation="fuehrungszeugnis")
    first, unqualified, qualified = (book(use, schicht) for _ in range(3))
    for result in (first, qualified):
        QualifikationsnachweisFactory(freiwillige=result.booking.freiwillige)
    assert [b.pk for b in cancel(use, first.booking).moved_up] == [qualified.booking.pk]
    assert statuses(use, unqualified) == [Einsatz.Status.WARTELISTE]


def test_each_event_date_has_its_own_places():
    use = EVENT_DATES
    event = use.parent(capacity=1)
    other_date = timezone.localdate(event.beginn) + datetime.timedelta(days=7)
    first = book(use, event)
    elsewhere = book(use, event, use.booking(event, datum=other_date))
    assert (first.status, elsewhere.status) == (use.places.confirmed, use.places.confirmed)
    waiting = book(use, event, use.booking(event, datum=other_date))
    assert cancel(use, first.booking).moved_up == []
    assert statuses(use, waiting) == [use.places.waiting]
