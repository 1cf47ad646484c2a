"""Writers of feed sources: created and changed by editors, claimed for a poll
and updated after it by the pipeline."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from events.models import FeedKind, Source

POLL_LEASE = datetime.timedelta(minutes=2)


@transaction.atomic
def source_create(
    *,
    name: str,
    url: str,
    kind: str = FeedKind.RSS,
    poll_interval: int = 900,
    active: bool = True,
) -> Source:
    source = Source(
        name=name.strip(), url=url.strip(), kind=kind, poll_interval=poll_interval, active=active
    )
    source.full_clean()
    source.save()
    return source


def source_claim(*, source_id: int, now: datetime.datetime | None = None) -> Source | None:
    """Claim a source for one poll with a conditional update: of two beats or
    workers that try at once, exactly one gets it. None when someone else has
    it (or it is inactive or gone)."""
    now = now or timezone.now()
    claimed = (
        Source.objects.filter(pk=source_id, active=True)
        .filter(Q(polling_until__isnull=True) | Q(polling_until__lt=now))
        .update(polling_until=now + POLL_LEASE)
    )
    if not claimed:
        return None
    return Source.objects.get(pk=source_id)


def source_record_success(*, source: Source, etag: str = "", last_modified: str = "") -> None:
    now = timezone.now()
    Source.objects.filter(pk=source.pk).update(
        etag=etag[:500],
        last_modified=last_modified[:100],
        last_polled_at=now,
        next_poll_at=now + datetime.timedelta(seconds=source.poll_interval),
        polling_until=None,
        last_error="",
        consecutive_failures=0,
        updated_at=now,
    )


def source_record_failure(*, source: Source, error: str) -> None:
    """The poll failed: keep the error for editors and back off exponentially."""
    now = timezone.now()
    failures = source.consecutive_failures + 1
    delay = min(source.poll_interval * 2 ** min(failures, 16), settings.DAIS_SOURCE_MAX_BACKOFF)
    Source.objects.filter(pk=source.pk).update(
        last_polled_at=now,
        next_poll_at=now + datetime.timedelta(seconds=delay),
        polling_until=None,
        last_error=error[:2000],
        consecutive_failures=failures,
        updated_at=now,
    )


_SOURCE_FIELDS = {"name", "kind", "url", "active", "poll_interval"}


@transaction.atomic
def source_update(*, source: Source, **changes) -> Source:
    unknown = set(changes) - _SOURCE_FIELDS
    if unknown:
        raise ValidationError({name: "This field cannot be changed." for name in sorted(unknown)})
    for name, value in changes.items():
        setattr(source, name, value.strip() if isinstance(value, str) else value)
    if "url" in changes:  # a new feed: forget the old one's validators
        source.etag = source.last_modified = ""
    if changes.get("active"):
        source.consecutive_failures = 0
        source.next_poll_at = None
    source.full_clean()
    source.save()
    return source


def source_poll_soon(*, source_id: int) -> None:
    """Make a source due now (the poll command's --source)."""
    Source.objects.filter(pk=source_id).update(next_poll_at=None)
