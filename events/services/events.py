"""Writers of events."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from events.models import EVENT_FIELDS, Country, DatePrecision, Event, Lifecycle, Person
from events.services.base import full_clean, save_with_unique_slug


@transaction.atomic
def event_create(
    *,
    title: str,
    kind: str,
    start_date: datetime.date,
    country: Country,
    city: str = "",
    end_date: datetime.date | None = None,
    date_precision: str = DatePrecision.DAY,
    host: Person | None = None,
    lifecycle: str = Lifecycle.SCHEDULED,
    description: str = "",
    needs_review: bool = False,
    slug: str | None = None,
) -> Event:
    event = Event(
        title=title.strip(),
        kind=kind,
        start_date=start_date,
        end_date=end_date,
        date_precision=date_precision,
        city=city.strip(),
        country=country,
        host=host,
        lifecycle=lifecycle,
        description=description,
        needs_review=needs_review,
    )
    if slug:
        event.slug = slug
        full_clean(event)
        event.save()
    else:
        save_with_unique_slug(event, f"{title} {start_date:%Y}", max_length=320)
    return event


_EVENT_FIELDS = {*EVENT_FIELDS, "needs_review"}


@transaction.atomic
def event_update(*, event: Event, **changes) -> Event:
    """Change an event's fields; the calendar SEQUENCE grows when anything changed."""
    unknown = set(changes) - _EVENT_FIELDS
    if unknown:
        raise ValidationError({name: "This field cannot be changed." for name in sorted(unknown)})
    changed = False
    for name, value in changes.items():
        if getattr(event, name) != value:
            setattr(event, name, value)
            changed = True
    if not changed:
        return event
    full_clean(event)
    event.sequence = F("sequence") + 1
    event.save()
    event.refresh_from_db()
    return event


def event_touch(*, event_id: int) -> None:
    """An invitation changed: the event's ETag and calendar SEQUENCE must move."""
    Event.objects.filter(pk=event_id).update(sequence=F("sequence") + 1, updated_at=timezone.now())
