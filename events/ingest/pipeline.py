"""The ingestion pipeline as plain functions: poll a source, process a report.

    feed bytes --fetch--> parse_feed --> report_submit (one per new entry)
    report --fetch article (when the feed had no full text)--> report_store_text
           --extract_report--> report_apply_extraction (events.services.reports:
           linking.plan, then the writes) --> claims (applied or pending)

Tasks in events.tasks and the management commands call these; they never
decide anything themselves.
"""

from __future__ import annotations

import datetime
import logging
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Count, Max
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from events.ingest.article import article_text
from events.ingest.extract import Knowledge, extract_report
from events.ingest.feed_parser import FeedError, parse_feed
from events.ingest.fetch import FetchError, fetch
from events.ingest.linking import knowledge_people
from events.models import Person, Report, ReportState, Source
from events.services.base import ingest_transaction
from events.services.reports import (
    report_apply_extraction,
    report_fail,
    report_store_text,
    report_submit,
    reports_known,
)
from events.services.sources import source_claim, source_record_failure, source_record_success

logger = logging.getLogger(__name__)

FEED_ACCEPT = (
    "application/feed+json, application/atom+xml, application/rss+xml, application/xml;q=0.9, "
    "text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"
)


@dataclass
class PollResult:
    source_id: int
    claimed: bool = False
    not_modified: bool = False
    entries: int = 0
    new_report_ids: list[int] = field(default_factory=list)
    error: str = ""


def poll_source(source_id: int) -> PollResult:
    """Poll one feed. Claims the source first, so a second caller at the same
    moment returns at once with claimed=False. Network errors do not raise: they
    are recorded on the source, which backs off."""
    result = PollResult(source_id=source_id)
    source = source_claim(source_id=source_id)
    if source is None:
        return result
    result.claimed = True
    try:
        response = fetch(
            source.url, etag=source.etag, last_modified=source.last_modified, accept=FEED_ACCEPT
        )
        if response.not_modified:
            result.not_modified = True
            source_record_success(
                source=source, etag=response.etag, last_modified=response.last_modified
            )
            return result
        feed = parse_feed(response.body, content_type=response.content_type)
    except (FetchError, FeedError) as exc:
        result.error = str(exc)
        logger.warning("poll %s (%s) failed: %s", source.pk, source.url, exc)
        source_record_failure(source=source, error=f"{type(exc).__name__}: {exc}")
        return result
    except Exception as exc:
        source_record_failure(source=source, error=f"{type(exc).__name__}: {exc}")
        raise
    result.entries = len(feed.entries)
    with ingest_transaction():  # one commit for the feed, a savepoint per entry
        _submit_entries(source, feed, result)
    source_record_success(source=source, etag=response.etag, last_modified=response.last_modified)
    return result


def _submit_entries(source: Source, feed, result: PollResult) -> None:
    known = reports_known(
        urls=[urljoin(source.url, e.url) for e in feed.entries if e.url],
        texts=[e.text.strip() for e in feed.entries if e.has_full_text],
    )
    for entry in feed.entries:
        try:
            report, created = report_submit(
                url=urljoin(source.url, entry.url),
                text=entry.text if entry.has_full_text else "",
                known=known,
                title=entry.title,
                outlet=feed.title or source.name,
                published=min(entry.published, timezone.now()) if entry.published else None,
                language=entry.language,
                source=source,
            )
        except ValidationError as exc:  # e.g. a javascript: link: skip the entry, keep the rest
            logger.info("poll %s: entry %r skipped: %s", source.pk, entry.url[:200], exc)
            continue
        if created or report.state in (ReportState.NEW, ReportState.FETCHED):
            result.new_report_ids.append(report.pk)


def due_source_ids(now: datetime.datetime | None = None) -> list[int]:
    return list(Source.objects.due(now).order_by("next_poll_at", "id").values_list("id", flat=True))


@dataclass
class ProcessResult:
    report_id: int
    state: str = ""
    claims_created: int = 0
    claims_applied: int = 0
    skipped: bool = False


def process_report(report_id: int, *, force: bool = False) -> ProcessResult:
    """Fetch (if needed), extract and apply one report. Safe to run twice: an
    extracted report is left alone unless force=True (re-extraction replaces
    its pending claims). A FetchError with retryable=True propagates so the
    task can retry it; other fetch errors mark the report failed."""
    result = ProcessResult(report_id=report_id)
    report = Report.objects.filter(pk=report_id).first()
    if report is None or (report.state == ReportState.EXTRACTED and not force):
        result.skipped = True
        result.state = report.state if report else ""
        return result
    if not report.text:
        if not report.url:
            report_fail(report_id=report.pk, error="No text and no URL.")
            result.state = ReportState.FAILED
            return result
        try:
            response = fetch(report.url if not report.urls else report.urls[0])
        except FetchError as exc:
            if exc.retryable:
                raise
            report_fail(report_id=report.pk, error=f"{type(exc).__name__}: {exc}")
            result.state = ReportState.FAILED
            return result
        title, text, language = article_text(response.body, url=response.url)
        if not text:
            report_fail(report_id=report.pk, error="No article text found on the page.")
            result.state = ReportState.FAILED
            return result
        fetched = {"text": text, "title": title, "language": language, "urls": response.urls}
        report.text, report.title = text, report.title or title[:500]
    else:
        fetched = None
    published = (report.published or report.created_at or timezone.now()).date()
    extraction = extract_report(
        report.text, published=published, title=report.title, knowledge=current_knowledge()
    )
    if fetched is not None:
        survivor = report_store_text(report=report, **fetched)
        if survivor.pk != report.pk:  # a syndicated copy of a report we already have
            result.skipped = True
            result.report_id = survivor.pk
            result.state = survivor.state
            return result
        report = survivor
    # Not inside the transaction above: the events and people the plan names are
    # committed at once, so their locks are never held while waiting for another.
    applied = report_apply_extraction(report=report, extraction=extraction)
    result.state = ReportState.EXTRACTED
    result.claims_created = applied.claims_created
    result.claims_applied = applied.claims_applied
    return result


def warm_up() -> None:
    """Build what the first report would otherwise pay for (the extractor's
    gazetteers, the people of the database, the article parser), so a fresh
    worker process answers its first task as fast as its hundredth."""
    current_knowledge()
    article_text(b"<html><body><article><p>Warm.</p></article></body></html>", url="")


_knowledge_lock = threading.Lock()
_knowledge_cache: dict = {}


def current_knowledge():
    """Knowledge.default() plus the people in the database, rebuilt when people change.

    Asking the database whether people changed costs a query, so it is asked at
    most every DAIS_KNOWLEDGE_RECHECK_SECONDS; a person saved or deleted in this
    process (signals below) makes the next call ask at once. People another
    process adds are known here within those seconds."""
    now = time.monotonic()
    with _knowledge_lock:
        if "value" in _knowledge_cache and now < _knowledge_cache.get("recheck_at", 0):
            return _knowledge_cache["value"]
    stamp = Person.objects.aggregate(n=Count("id"), last=Max("updated_at"))
    key = (stamp["n"], stamp["last"])
    with _knowledge_lock:
        if _knowledge_cache.get("key") != key or "value" not in _knowledge_cache:
            _knowledge_cache["value"] = Knowledge.default().with_people(knowledge_people())
            _knowledge_cache["key"] = key
        _knowledge_cache["recheck_at"] = now + settings.DAIS_KNOWLEDGE_RECHECK_SECONDS
        return _knowledge_cache["value"]


@receiver([post_save, post_delete], sender=Person, dispatch_uid="dais-knowledge-recheck")
def _people_changed(**kwargs) -> None:
    with _knowledge_lock:
        _knowledge_cache.pop("recheck_at", None)
