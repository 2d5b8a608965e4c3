"""Places with a capacity and a waiting list: shifts, training sessions and event dates.

Call everything inside a transaction, after `lock` (or `lock_booking`) has locked the parent row:
PostgreSQL takes SELECT … FOR UPDATE; SQLite starts write transactions IMMEDIATE (see settings),
so writers queue. Counting and saving therefore never interleave. Nothing here sends email: the
result says who moved up, and the caller tells them.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Count
from django.shortcuts import get_object_or_404


@dataclass(frozen=True)
class Result:
    booking: models.Model
    position: int | None = None  # on the waiting list: 1 moves up next
    moved_up: list = field(default_factory=list)

    @property
    def status(self):
        return self.booking.status


@dataclass(frozen=True)
class Places:
    """What one use supplies: its models, its status values and who may move up."""

    parent: type[models.Model]  # the row that is locked and holds the capacity
    bookings: type[models.Model]
    parent_field: str  # the bookings' foreign key to the parent
    capacity: str  # the parent's attribute with the number of places
    confirmed: str
    waiting: str
    cancelled: str
    order: tuple[str, ...]  # the waiting list, first come first served
    pool: tuple[str, ...] = ()  # booking fields that split the parent's places further: an event's date
    select_related: tuple[str, ...] = ()  # loaded with the waiting list
    eligible: Callable[[models.Model, models.Model], bool] | None = None  # (booking, parent): may move up
    closed: Callable[[models.Model], bool] | None = None  # (parent): nobody moves up any more

    def lock(self, pk):
        """The parent row, locked until the transaction ends."""
        return get_object_or_404(self.parent.objects.select_for_update(of=("self",)), pk=pk)

    def lock_booking(self, booking):
        """Lock the booking's parent, then read the booking again: both as they are now."""
        parent = self.lock(getattr(booking, f"{self.parent_field}_id"))
        return parent, self.bookings.objects.select_for_update(of=("self",)).get(pk=booking.pk)

    def taken(self, parent, **pool):
        return self._bookings(parent, pool).filter(status=self.confirmed).count()

    def taken_per(self, parent, name):
        """Taken places per value of the pool field `name` (an event's dates), in one query; for
        showing, not for deciding (that is `book`, under the lock)."""
        taken = self._bookings(parent, {}).filter(status=self.confirmed).values_list(name).annotate(n=Count("pk"))
        return dict(taken.order_by())

    def book(self, parent, booking, *, extra_place=False, **changes):
        """A place if one is free once those waiting have moved up, else the waiting list. Saves the
        booking with `changes`; one that already has a place or waits stays as it is. With
        `extra_place` (a planner's explicit choice) a full parent gets one place more for it."""
        pool = self._pool_of(booking)
        if booking.status in (self.confirmed, self.waiting):
            return Result(booking, self._position(parent, pool, booking))
        moved_up = self.move_up(parent, **pool)
        free = self.taken(parent, **pool) < getattr(parent, self.capacity)
        if not free and extra_place:
            if self.pool:
                raise ValueError("extra_place would raise the places of every pool")
            setattr(parent, self.capacity, getattr(parent, self.capacity) + 1)
            parent.save(update_fields=[self.capacity])
            free = True
        booking.status = self.confirmed if free else self.waiting
        for name, value in changes.items():
            setattr(booking, name, value)
        if booking.pk is None:
            booking.save()
        else:
            booking.save(update_fields=["status", *changes])
        return Result(booking, self._position(parent, pool, booking), moved_up)

    def cancel(self, parent, booking, **changes):
        """Cancel the booking (saved with `changes`) and fill the place it frees."""
        if booking.status == self.cancelled:
            return Result(booking)
        booking.status = self.cancelled
        for name, value in changes.items():
            setattr(booking, name, value)
        booking.save(update_fields=["status", *changes])
        return Result(booking, moved_up=self.move_up(parent, **self._pool_of(booking)))

    def position(self, parent, booking):
        """The booking's place on the waiting list (1 moves up next), or None if it is not waiting."""
        return self._position(parent, self._pool_of(booking), booking)

    def move_up(self, parent, **pool):
        """Fill the free places from the waiting list in its order, skipping those not eligible.
        Returns the bookings that moved up."""
        if self.closed is not None and self.closed(parent):
            return []
        free = getattr(parent, self.capacity) - self.taken(parent, **pool)
        moved_up = []
        if free <= 0:
            return moved_up
        waiting = (
            self._bookings(parent, pool)
            .filter(status=self.waiting)
            .select_related(*self.select_related)
            .select_for_update(of=("self",))
            .order_by(*self.order)
        )
        for booking in waiting:
            if len(moved_up) == free:
                break
            if self.eligible is not None and not self.eligible(booking, parent):
                continue
            booking.status = self.confirmed
            booking.save(update_fields=["status"])
            moved_up.append(booking)
        return moved_up

    def _bookings(self, parent, pool):
        return self.bookings.objects.filter(**{self.parent_field: parent}, **pool)

    def _pool_of(self, booking):
        return {name: getattr(booking, name) for name in self.pool}

    def _position(self, parent, pool, booking):
        if booking.status != self.waiting:
            return None
        waiting = self._bookings(parent, pool).filter(status=self.waiting).order_by(*self.order)
        return list(waiting.values_list("pk", flat=True)).index(booking.pk) + 1
