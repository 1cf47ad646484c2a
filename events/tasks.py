"""Celery tasks: thin doors into events.ingest.pipeline. They take ids, load,
call, retry. Every one is safe to run twice (acks_late: a message is
acknowledged only after its task finished, and redelivered when the worker died)."""

from __future__ import annotations

import datetime
import logging
import random

from celery import shared_task
from celery.signals import task_postrun, task_prerun, worker_process_init
from django.db import OperationalError, close_old_connections, connections, transaction
from django.utils import timezone

from events.ingest import pipeline
from events.ingest.fetch import FetchError
from events.models import Report, ReportState
from events.services.reports import report_fail

logger = logging.getLogger(__name__)

MAX_RETRIES = 5
STUCK_AFTER = datetime.timedelta(minutes=10)
_TASK = {"acks_late": True, "reject_on_worker_lost": True, "ignore_result": True}


def backoff(retries: int, base: float = 10.0, cap: float = 600.0) -> float:
    """Exponential backoff with full jitter."""
    return random.uniform(0, min(cap, base * 2**retries))


def enqueue_report(report_id: int, *, force: bool = False) -> None:
    """Queue a report once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: process_report.delay(report_id, force=force))


def enqueue_poll(source_id: int) -> None:
    transaction.on_commit(lambda: poll_source.delay(source_id))


@worker_process_init.connect
def _warm_up_worker_process(**kwargs) -> None:
    """Each pool process builds the extractor's knowledge before its first task."""
    try:
        pipeline.warm_up()
    except Exception:  # the database may be down: the first task will build it instead
        logger.warning("warm-up failed", exc_info=True)
    finally:
        connections.close_all()  # never carry a connection from the signal into a task


@task_prerun.connect
@task_postrun.connect
def _retire_old_connections(task=None, **kwargs) -> None:
    """What Django does around a request, around a task: a connection that
    failed or is older than CONN_MAX_AGE is closed, a healthy one is kept
    (CELERY_DB_REUSE_MAX stops Celery closing every connection after every task).
    Not for an eager task: it runs inside its caller's transaction."""
    if task is None or getattr(task.request, "is_eager", False):
        return

    close_old_connections()


@shared_task(bind=True, max_retries=MAX_RETRIES, **_TASK)
def process_report(self, report_id: int, force: bool = False) -> dict:
    try:
        result = pipeline.process_report(report_id, force=force)
    except (FetchError, OperationalError) as exc:
        retryable = isinstance(exc, OperationalError) or exc.retryable
        if retryable and self.request.retries < self.max_retries:
            raise self.retry(exc=exc, countdown=backoff(self.request.retries)) from None
        report_fail(report_id=report_id, error=f"{type(exc).__name__}: {exc}")
        return {"report": report_id, "state": ReportState.FAILED}
    return {"report": result.report_id, "state": result.state, "claims": result.claims_created}


@shared_task(bind=True, max_retries=MAX_RETRIES, **_TASK)
def poll_source(self, source_id: int) -> dict:
    try:
        result = pipeline.poll_source(source_id)
    except OperationalError as exc:
        raise self.retry(exc=exc, countdown=backoff(self.request.retries)) from None
    for report_id in result.new_report_ids:
        enqueue_report(report_id)
    return {"source": source_id, "new": len(result.new_report_ids), "error": result.error}


@shared_task(**_TASK)
def poll_due_sources() -> int:
    """Beat, every minute: queue a poll for every source that is due. Polling
    claims the source, so a source queued twice is still polled once."""
    ids = pipeline.due_source_ids()
    for source_id in ids:
        poll_source.delay(source_id)
    return len(ids)


@shared_task(**_TASK)
def resume_stuck_reports() -> int:
    """Beat: reports left new or fetched for a while (a lost message, a crash
    between storing and queueing) are queued again."""
    cutoff = timezone.now() - STUCK_AFTER
    ids = list(
        Report.objects.filter(
            state__in=[ReportState.NEW, ReportState.FETCHED], updated_at__lt=cutoff
        ).values_list("id", flat=True)[:1000]
    )
    for report_id in ids:
        process_report.delay(report_id)
    return len(ids)
