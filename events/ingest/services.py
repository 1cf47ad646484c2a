"""Writers of the ingestion side: sources, reports and the claims extracted from them.

Like events.services, these are the only code that writes Source and Report
rows. Each is safe to run twice (a retried task, a redelivered message).
"""

from __future__ import annotations

import contextlib
import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from events import services
from events.ingest import linking
from events.ingest.article import canonical_url, content_hash
from events.models import (
    Claim,
    Country,
    Event,
    FeedKind,
    Origin,
    Report,
    ReportState,
    ReviewState,
    Source,
)
from events.validation import full_clean

logger = logging.getLogger(__name__)

POLL_LEASE = datetime.timedelta(minutes=2)


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


# --- Sources ---------------------------------------------------------------------------


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


# --- Reports ---------------------------------------------------------------------------


def _find_report(*, urls: list[str], digest: str) -> Report | None:
    canon = {canonical_url(u) for u in urls if u}
    if canon:
        found = Report.objects.filter(url__in=canon).order_by("id").first()
        if found:
            return found
    if digest:
        return Report.objects.filter(content_hash=digest).order_by("id").first()
    return None


def reports_known(*, urls: list[str], texts: list[str]) -> set[str]:
    """The canonical URLs and content hashes among these that a report has, in one query."""
    canon = {canonical_url(u) for u in urls if u}
    digests = {d for d in (content_hash(t) for t in texts if t) if d}
    if not canon and not digests:
        return set()
    rows = Report.objects.filter(Q(url__in=canon) | Q(content_hash__in=digests)).values_list(
        "url", "content_hash"
    )
    return {value for row in rows for value in row if value} & (canon | digests)


def _merge_urls(report: Report, urls: list[str]) -> bool:
    known = list(report.urls or [])
    added = [u for u in dict.fromkeys(urls) if u and u not in known]
    if added:
        report.urls = known + added
    return bool(added)


def report_submit(
    *,
    url: str = "",
    text: str = "",
    title: str = "",
    outlet: str = "",
    published: datetime.datetime | None = None,
    language: str = "",
    source: Source | None = None,
    submitted_by=None,
    known: set[str] | None = None,
) -> tuple[Report, bool]:
    """Store a report seen under `url` (and/or with `text`). The same article
    under the same URL, a tracking-parameter variant or a syndicated copy with
    the same text is one Report: the existing one is returned with the URL added.

    `known` (from reports_known, for a whole feed at once): when neither this
    URL nor this text is in it, the report is new and is inserted without
    looking first; a twin stored since then still ends in the unique
    constraint's IntegrityError and a lookup."""
    url = url.strip()
    text = text.strip()
    if not url and not text:
        raise ValidationError({"url": "Give a URL or a text."})
    digest = content_hash(text)
    fresh = known is not None and not ({canonical_url(url) if url else "", digest} & known)
    for attempt in range(3):
        try:
            with ingest_transaction():
                existing = (
                    None if fresh and attempt == 0 else _find_report(urls=[url], digest=digest)
                )
                if existing is not None:
                    existing = Report.objects.select_for_update().get(pk=existing.pk)
                    changed = _merge_urls(existing, [url])
                    if not existing.url and url:
                        existing.url = canonical_url(url)
                        changed = True
                    if changed:
                        existing.save(update_fields=["urls", "url", "updated_at"])
                    return existing, False
                report = Report(
                    source=source,
                    url=canonical_url(url) if url else "",
                    urls=[url] if url else [],
                    title=title.strip()[:500],
                    outlet=outlet.strip()[:200],
                    published=published,
                    text=text,
                    content_hash=digest,
                    language=language[:16],
                    state=ReportState.FETCHED if text else ReportState.NEW,
                    fetched_at=timezone.now() if text else None,
                    submitted_by=submitted_by,
                )
                # _find_report just looked for this URL and text; a racing twin ends
                # in the IntegrityError below
                full_clean(
                    report,
                    exclude=["source", "submitted_by"],
                    validate_unique=False,
                    unique_constraints=False,
                )
                report.save()
                return report, True
        except IntegrityError:
            continue  # another worker stored the same report a moment ago: look again
    raise RuntimeError(f"Could not store report {url!r} after retries.")  # pragma: no cover


def report_store_text(
    *, report: Report, text: str, title: str = "", language: str = "", urls: list[str] = ()
) -> Report:
    """Keep the fetched article text. When another report already has the same
    text (a syndicated copy), this one is merged into it: its URLs move over and
    the survivor is returned (this row is deleted). A twin by text wins over a
    twin by URL."""
    digest = content_hash(text)
    canon = [canonical_url(u) for u in urls if u]
    match = Q(pk=report.pk)
    if digest:
        match |= Q(content_hash=digest)
    if canon:
        match |= Q(url__in=canon)
    with ingest_transaction(savepoint=False):
        rows = list(Report.objects.select_for_update().filter(match).order_by("id"))
        report = next((r for r in rows if r.pk == report.pk), None)
        if report is None:
            raise Report.DoesNotExist(f"Report {report.pk} is gone.")
        others = [r for r in rows if r.pk != report.pk]
        twin = next((r for r in others if digest and r.content_hash == digest), None)
        if twin is None:
            by_url = {r.url: r for r in others if r.url}
            twin = next((by_url[u] for u in canon if u in by_url), None)
        if twin is not None:
            _merge_urls(twin, [*report.urls, *urls])
            twin.save(update_fields=["urls", "updated_at"])
            Claim.objects.filter(report=report).update(report=twin)
            report.delete()
            return twin
        _merge_urls(report, list(urls))
        report.text = text
        report.content_hash = digest
        report.title = report.title or title[:500]
        report.language = report.language or language[:16]
        report.state = ReportState.FETCHED
        report.fetched_at = timezone.now()
        report.error = ""
        report.save()
        return report


def report_fail(*, report_id: int, error: str) -> None:
    Report.objects.filter(pk=report_id).exclude(state=ReportState.EXTRACTED).update(
        state=ReportState.FAILED, error=error[:2000], updated_at=timezone.now()
    )


@dataclass
class ApplyResult:
    claims_created: int = 0
    claims_applied: int = 0
    claims_skipped: list[str] = field(default_factory=list)
    events_created: int = 0
    people_created: int = 0


def report_apply_extraction(*, report: Report, extraction, reviewer=None) -> ApplyResult:
    """Turn an extraction into claims linked to this report. Re-running it
    replaces the report's pending claims and never duplicates reviewed ones.

    A claim at or above DAIS_AUTO_APPLY_CONFIDENCE about an event that existed
    before is approved at once; everything else waits in the review queue.
    Events and people the database does not know are created, marked for review.

    Linking comes first and takes no lock unless it has to create an event or
    a person (linking._creating commits each creation under its own advisory
    lock), so workers only wait for each other when both create the same thing.
    The claims are then written in one transaction.
    """
    result = ApplyResult()
    as_of = (report.published or report.created_at or timezone.now()).date()
    as_of = min(as_of, timezone.localdate())
    events = {}
    for extracted in extraction.events:
        event, created = linking.event_for(extracted, published=as_of)
        if event is not None:
            events[extracted.key] = (event, created)
            result.events_created += created
    people = linking.PeopleIndex(
        [n for c in extraction.claims for n in (c.invitee, c.inviter)],
        [c.invitee_country for c in extraction.claims],
    )
    linked = []  # (claim, event, event_created, invitee, inviter)
    for claim in extraction.claims:
        if claim.event not in events:
            result.claims_skipped.append(f"{claim.invitee}: event not identified")
            continue
        event, event_created = events[claim.event]
        invitee, person_created = linking.person_for(
            claim.invitee, claim.invitee_country, index=people
        )
        if invitee is None:
            result.claims_skipped.append(f"{claim.invitee}: invitee not identified")
            continue
        result.people_created += person_created
        inviter, _ = (
            linking.person_for(claim.inviter, None, create=False, index=people)
            if claim.inviter
            else (None, False)
        )
        if inviter is not None and inviter.pk == invitee.pk:
            inviter = None
        linked.append((claim, event, event_created, invitee, inviter))

    threshold = settings.DAIS_AUTO_APPLY_CONFIDENCE
    with ingest_transaction(savepoint=False):
        report = Report.objects.select_for_update().get(pk=report.pk)
        reviewed, pending = set(), []
        for pk, state, invitation_id, status, evidence in Claim.objects.filter(
            report=report
        ).values_list("pk", "review_state", "invitation_id", "status", "evidence"):
            if state == ReviewState.PENDING:
                pending.append(pk)
            else:
                reviewed.add((invitation_id, status, evidence))
        if pending:
            Claim.objects.filter(pk__in=pending).delete()
        invitations = services.invitations_between(
            event_ids={e.pk for _, e, _, _, _ in linked},
            invitee_ids={p.pk for _, _, _, p, _ in linked},
        )
        # Deadlocks: a new invitation or an applied claim bumps its event's
        # sequence (a row lock until commit). Those events are locked first, in
        # id order, and invitations are then handled in (event, invitee) order,
        # so two reports about the same events wait for each other, never in a cycle.
        linked.sort(key=lambda link: (link[1].pk, link[3].pk))
        touched = sorted(
            {
                event.pk
                for claim, event, created, invitee, _ in linked
                if (event.pk, invitee.pk) not in invitations
                or (not created and not event.needs_review and claim.confidence >= threshold)
            }
        )
        if touched:
            list(
                Event.objects.select_for_update().filter(pk__in=touched).order_by("pk").values("pk")
            )
        for claim, event, event_created, invitee, inviter in linked:
            invitation, _ = services.invitation_get_or_create(
                event=event, invitee=invitee, inviter=inviter, known=invitations
            )
            invitation.event = event  # same row: spares claim_record a query
            evidence = (claim.evidence or "").strip()
            if (invitation.pk, claim.status, evidence) in reviewed:
                continue
            known = not event_created and not event.needs_review
            apply = known and claim.confidence >= threshold
            try:
                services.claim_record(
                    invitation=invitation,
                    status=claim.status,
                    as_of=as_of,
                    source_url=report.url,
                    source_outlet=report.outlet,
                    source_title=report.title,
                    evidence=evidence,
                    confidence=max(0.0, min(1.0, float(claim.confidence))),
                    origin=Origin.EXTRACTED,
                    review_state=ReviewState.APPROVED if apply else ReviewState.PENDING,
                    report=report,
                )
            except ValidationError as exc:  # raised before any write: the transaction is fine
                result.claims_skipped.append(f"{invitee}: {'; '.join(exc.messages)}")
                continue
            result.claims_created += 1
            result.claims_applied += apply
        report.state = ReportState.EXTRACTED
        report.error = "\n".join(result.claims_skipped)[:2000]
        report.save(update_fields=["state", "error", "updated_at"])
    return result


def country_or_none(code: str | None) -> Country | None:
    if not code:
        return None
    return Country.objects.filter(code=code.upper()).first()


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
