"""What the writers share: validation, unique slugs, the pipeline's relaxed
commit and the advisory lock that keeps two workers from creating one thing twice."""

from __future__ import annotations

import contextlib
import hashlib

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.utils.text import slugify

from events.validation import full_clean


def unique_slug(model, base: str, *, max_length: int) -> str:
    """`base` slugified, or `base-N` with the smallest free N >= 2: one query
    for every slug already taken under this base."""
    base = (slugify(base) or "item")[: max_length - 8].strip("-") or "item"
    taken = set(
        model.objects.filter(Q(slug=base) | Q(slug__startswith=f"{base}-"))
        .order_by()
        .values_list("slug", flat=True)
    )
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def save_with_unique_slug(obj, base: str, *, max_length: int, attempts: int = 3) -> None:
    """Validate and insert `obj` under a free slug; when a concurrent writer takes
    that slug between the look-up and the insert, take the next one."""
    model = type(obj)
    for attempt in range(attempts):
        obj.slug = unique_slug(model, base, max_length=max_length)
        if attempt == 0:
            full_clean(obj)
        try:
            with transaction.atomic():
                obj.save()
            return
        except IntegrityError:
            if attempt == attempts - 1 or not model.objects.filter(slug=obj.slug).exists():
                raise


@contextlib.contextmanager
def ingest_transaction(*, savepoint: bool = True):
    """transaction.atomic() for the pipeline's writes. When it is the outermost
    block on PostgreSQL, the commit does not wait for the WAL to reach the disk
    (synchronous_commit off for this transaction only, unless
    DAIS_INGEST_SYNCHRONOUS_COMMIT): a crash of the database server can lose the
    last fraction of a second of ingestion, never corrupt it, and every step is
    redone (feeds are polled again, reports left unextracted are resumed). An
    editor's own writes are never relaxed. savepoint=False when nested: for a
    block that lets every error propagate (the caller's transaction is lost anyway)."""
    outermost = not connection.in_atomic_block
    with transaction.atomic(savepoint=savepoint):
        if (
            outermost
            and connection.vendor == "postgresql"
            and not settings.DAIS_INGEST_SYNCHRONOUS_COMMIT
        ):
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        yield


@contextlib.contextmanager
def creating(*key: object):
    """A short transaction holding a PostgreSQL advisory lock on `key` (what is
    being created: an event kind, a person's name). Linking reads without a
    lock; only a miss takes the lock, looks again and creates, and commits at
    once (when not inside a caller's transaction), so two workers never create
    the same event or person twice, and never wait for each other otherwise."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            digest = hashlib.blake2b(repr(key).encode(), digest_size=8).digest()
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_advisory_xact_lock(%s)",
                    [int.from_bytes(digest, "big", signed=True)],
                )
        yield
