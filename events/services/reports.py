"""Writers of reports: stored once per article (by canonical URL and by
text), their fetched text, their failures, and the claims extracted from them."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.db.models import Q
from django.utils import timezone

from events import names
from events.ingest import autoapply, linking
from events.ingest.article import canonical_url, content_hash
from events.models import (
    Claim,
    Event,
    Origin,
    Person,
    PersonKind,
    Report,
    ReportState,
    ReviewState,
    Source,
)
from events.services.base import creating, ingest_transaction
from events.services.claims import claim_record
from events.services.events import event_create
from events.services.invitations import invitation_get_or_create, invitations_between
from events.services.people import delegation_for_country, person_create
from events.validation import full_clean

logger = logging.getLogger(__name__)


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
    hosts_dropped: int = 0  # claims about a host of their own event: never recorded
    events_created: int = 0
    people_created: int = 0


def _event_of(new: linking.NewEvent | Event) -> tuple[Event, bool]:
    """(event, created): a planned event is created unless another worker
    created it since the plan was made."""
    if isinstance(new, Event):
        return new, False
    with creating("event", new.kind):  # find_event always matches on the kind
        found = linking.find_event(new.extracted)
        if found:  # another worker created it a moment ago
            return found, False
        event = event_create(
            title=new.title,
            kind=new.kind,
            start_date=new.start_date,
            date_precision=new.date_precision,
            end_date=new.end_date,
            country=new.country,
            city=new.city,
            needs_review=True,
        )
    return event, True


def _person_of(new, people: linking.PeopleIndex) -> tuple[Person, bool]:
    """(person, created): a planned person or delegation is created unless it
    exists by now (created for an earlier claim, or by another worker)."""
    if isinstance(new, Person):
        return new, False
    if isinstance(new, linking.NewDelegation):
        with creating("delegation", new.country.code):
            return delegation_for_country(country=new.country, kind=PersonKind.DELEGATION), False
    found = people.find(new.name, new.country_code)
    if found:
        return found, False
    with creating("person", names.name_key(new.name)):  # one lock per spelling of a name
        found = linking.find_person(new.name, new.country_code)  # created a moment ago?
        created = found is None
        if created:
            found = person_create(name=new.name[:200], country=new.country, needs_review=True)
    people.people.append(found)
    return found, created


def report_apply_extraction(*, report: Report, extraction, reviewer=None) -> ApplyResult:
    """Turn an extraction into claims linked to this report. Re-running it
    replaces the report's pending claims and never duplicates reviewed ones.

    A claim about an event that existed before is approved at once when the
    auto-apply rule (events.ingest.autoapply: at or above DAIS_AUTO_APPLY_CONFIDENCE
    and none of the known failure shapes) finds it safe; everything else waits in
    the review queue with the reason. A claim naming a host of the event as its
    invitee is dropped, whatever the extractor says.

    linking.plan() finds what the extraction names, without a lock. The events
    and people it does not know are then created here, marked for review, each
    in a short transaction under its own advisory lock (base.creating), so
    workers only wait for each other when both create the same thing. The
    claims are then written in one transaction.
    """
    result = ApplyResult()
    as_of = (report.published or report.created_at or timezone.now()).date()
    as_of = min(as_of, timezone.localdate())
    plan = linking.plan(extraction, published=as_of)
    events = {}
    for key, planned in plan.events.items():
        event, created = _event_of(planned)
        events[key] = (event, created)
        result.events_created += created
    result.claims_skipped.extend(plan.skipped)
    linked = []  # (claim, event, event_created, invitee, inviter)
    for link in plan.claims:
        event, event_created = events[link.event_key]
        invitee, person_created = _person_of(link.invitee, plan.people)
        result.people_created += person_created
        inviter = link.inviter
        if inviter is None and link.inviter_name:
            inviter = plan.people.find(link.inviter_name, None)  # created for an earlier claim
        if inviter is not None and inviter.pk == invitee.pk:
            inviter = None
        linked.append((link.claim, event, event_created, invitee, inviter))

    threshold = settings.DAIS_AUTO_APPLY_CONFIDENCE
    context = autoapply.ReportContext.of(
        extraction=extraction,
        text=report.text,
        title=report.title,
        published=as_of,
        floor=threshold,
    )
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
        invitations = invitations_between(
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
            known = not event_created and not event.needs_review
            verdict = autoapply.claim_verdict(
                claim, event=event, invitee=invitee, event_known=known, context=context
            )
            if verdict.host:
                logger.info(
                    "Report %s: %s hosts %s, not recorded as a guest", report.pk, invitee, event
                )
                result.hosts_dropped += 1
                result.claims_skipped.append(f"{invitee}: {verdict.note}")
                continue
            invitation, _ = invitation_get_or_create(
                event=event, invitee=invitee, inviter=inviter, known=invitations
            )
            invitation.event = event  # same row: spares claim_record a query
            evidence = (claim.evidence or "").strip()
            if (invitation.pk, claim.status, evidence) in reviewed:
                continue
            apply = verdict.apply
            try:
                claim_record(
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
                    review_note=verdict.note,
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
