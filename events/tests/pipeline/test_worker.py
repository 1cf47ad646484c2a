"""The pipeline through a real Celery worker (prefork, 2 processes) on Redis and
PostgreSQL, with a local feed server. Crash and broker-restart tests included.

The worker runs as a subprocess against the pytest database, so these tests
commit their rows (transaction=True) and restore the data afterwards."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from celery import Celery
from django.db import connection

from events import services
from events.models import Claim, Event, Report, ReportState, Source
from events.services.sources import source_create
from events.tests.factories import country
from events.tests.ingest.feed_server import ARTICLE_PARAGRAPHS, FeedServer, article_html, rss
from events.tests.support import REDIS_URL, redis_up, require_service

pytestmark = [
    pytest.mark.celery_worker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROOT = Path(__file__).resolve().parents[3]
CELERY = str(Path(sys.executable).with_name("celery"))
BATCH = 50


def wait_until(
    predicate, timeout: float, what: str, log: Path | None = None, interval: float = 0.2
):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    tail = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
    pytest.fail(f"timed out after {timeout}s waiting for {what}\n--- worker log ---\n{tail}")


class Worker:
    """A `celery worker` subprocess in its own process group."""

    def __init__(self, broker: str, log: Path, visibility: int = 5):
        db = connection.settings_dict
        self.env = {
            **os.environ,
            "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
            "CELERY_BROKER_URL": broker,
            "CELERY_VISIBILITY_TIMEOUT": str(visibility),
            "DAIS_FETCH_ALLOW_LOOPBACK": "true",
            "DJANGO_SETTINGS_MODULE": "tracker.settings",
            "LOG_LEVEL": "WARNING",
        }
        if db.get("PASSWORD"):
            self.env["DATABASE_URL"] = self.env["DATABASE_URL"].replace(
                f"{db['USER']}@", f"{db['USER']}:{db['PASSWORD']}@"
            )
        self.log = log
        self.proc: subprocess.Popen | None = None

    def start(self) -> Worker:
        handle = open(self.log, "a")  # noqa: SIM115 - closed with the process
        self.proc = subprocess.Popen(
            [
                CELERY,
                "-A",
                "tracker",
                "worker",
                "--pool=prefork",
                "-c",
                "2",
                "-l",
                "info",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "-n",
                f"dais-test-{os.getpid()}-{time.monotonic_ns()}@%h",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        handle.close()
        wait_until(
            lambda: "ready." in self.log.read_text(errors="replace"), 60, "the worker", self.log
        )
        return self

    def kill(self) -> None:
        """SIGKILL the whole worker: the main process and its pool children."""
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def server():
    s = FeedServer().start()
    yield s
    s.stop()


@pytest.fixture
def broker():
    require_service(
        connection.vendor == "postgresql", "the worker tests need PostgreSQL (set DATABASE_URL)"
    )
    require_service(redis_up(REDIS_URL), f"Redis is not reachable at {REDIS_URL}")
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    yield REDIS_URL
    redis.Redis.from_url(REDIS_URL).flushdb()


@pytest.fixture
def worker(broker, tmp_path):
    w = Worker(broker, tmp_path / "worker.log").start()
    yield w
    w.stop()


@pytest.fixture
def people(transactional_db):
    return [
        services.person_create(name="Emmanuel Macron", country=country("FR"), role="President"),
        services.person_create(name="Friedrich Merz", country=country("DE"), role="Chancellor"),
    ]


def sender(broker_url: str) -> Celery:
    return Celery("dais-test-sender", broker=broker_url)


def batch_feed(server: FeedServer, n: int = BATCH, delay: float = 0.0) -> Source:
    """A feed of n summary items; each article is a distinct dispatch about the same summit."""
    items = []
    for i in range(n):
        paragraphs = [
            *ARTICLE_PARAGRAPHS,
            f"This is dispatch number {i} of the series, filed by desk {i * 7}.",
        ]
        server.add(
            f"/articles/{i}.html",
            article_html(f"Nairobi summit dispatch {i}", paragraphs),
            delay=delay,
        )
        items.append(
            {"title": f"Dispatch {i}", "link": server.url(f"/articles/{i}.html?utm_source=feed")}
        )
    server.add("/feed.xml", rss(items), content_type="application/rss+xml", etag='"batch-1"')
    return source_create(name="Batch Wire", url=server.url("/feed.xml"))


def extracted() -> int:
    return Report.objects.filter(state=ReportState.EXTRACTED).count()


def assert_every_report_once(n: int) -> None:
    reports = list(Report.objects.all())
    assert len(reports) == n
    assert len({r.url for r in reports}) == n
    assert all(r.state == ReportState.EXTRACTED for r in reports), Counter(r.state for r in reports)
    per_claim = Counter(Claim.objects.values_list("report_id", "invitation_id", "status"))
    assert per_claim and max(per_claim.values()) == 1, "a claim was recorded twice"
    macron = Counter(
        Claim.objects.filter(
            invitation__invitee__name="Emmanuel Macron", status="accepted"
        ).values_list("report_id", flat=True)
    )
    assert len(macron) == n and set(macron.values()) == {1}
    assert Event.objects.filter(kind="summit", city__iexact="Nairobi").count() == 1


def test_a_poll_through_the_worker_creates_reports_and_claims_and_polling_again_nothing(
    worker, server, people, capsys
):
    source = batch_feed(server)
    started = time.monotonic()
    sender(worker.env["CELERY_BROKER_URL"]).send_task("events.tasks.poll_source", args=[source.pk])
    wait_until(lambda: extracted() == BATCH, 120, f"{BATCH} extracted reports", worker.log)
    elapsed = time.monotonic() - started
    assert_every_report_once(BATCH)
    with capsys.disabled():
        print(
            f"\n[worker] {BATCH} reports polled, fetched, extracted in {elapsed:.1f}s: "
            f"{BATCH / elapsed:.1f} reports/s (prefork -c 2)"
        )
    counts = (Report.objects.count(), Claim.objects.count(), Event.objects.count())
    Source.objects.filter(pk=source.pk).update(next_poll_at=None)
    requests_before = len(server.requests)
    sender(worker.env["CELERY_BROKER_URL"]).send_task("events.tasks.poll_due_sources")
    wait_until(lambda: len(server.requests) > requests_before, 30, "the second poll", worker.log)
    wait_until(
        lambda: Source.objects.get(pk=source.pk).polling_until is None,
        30,
        "the poll to finish",
        worker.log,
    )
    time.sleep(1.0)
    assert server.requests[-1][1].get("If-None-Match") == '"batch-1"'
    assert (Report.objects.count(), Claim.objects.count(), Event.objects.count()) == counts


def test_a_worker_killed_in_the_middle_of_a_batch_loses_and_duplicates_nothing(
    broker, server, people, tmp_path, capsys
):
    source = batch_feed(server, delay=0.15)
    log = tmp_path / "worker.log"
    first = Worker(broker, log).start()
    try:
        sender(broker).send_task("events.tasks.poll_source", args=[source.pk])
        wait_until(lambda: extracted() >= 10, 90, "10 extracted reports", log)
        first.kill()
        at_kill = (Report.objects.count(), extracted())
        assert at_kill[1] < BATCH, "the batch finished before the kill: make it slower"
    finally:
        first.kill()
    second = Worker(broker, log).start()
    try:
        wait_until(lambda: extracted() == BATCH, 150, "all reports after the restart", log)
    finally:
        second.stop()
    assert_every_report_once(BATCH)
    with capsys.disabled():
        print(
            f"\n[crash] SIGKILL with {at_kill[0]} reports stored, {at_kill[1]} extracted; "
            f"after restart {Report.objects.count()} reports, {extracted()} extracted, "
            f"{Claim.objects.count()} claims"
        )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RedisServer:
    """A private, persistent redis-server we may stop and start (never the shared one)."""

    def __init__(self, folder: Path):
        self.port = free_port()
        self.folder = folder
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--dir",
                str(self.folder),
                "--appendonly",
                "yes",
                "--appendfsync",
                "always",
                "--save",
                "",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        wait_until(lambda: redis_up(self.url), 20, "redis-server")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=20)


def test_a_broker_restart_during_a_batch_loses_nothing(server, people, tmp_path, capsys):
    require_service(connection.vendor == "postgresql", "the worker tests need PostgreSQL")
    require_service(shutil.which("redis-server") is not None, "redis-server is not installed")
    redis_server = RedisServer(tmp_path)
    redis_server.start()
    log = tmp_path / "worker.log"
    w = Worker(redis_server.url, log)
    try:
        w.start()
        source = batch_feed(server, delay=0.15)
        sender(redis_server.url).send_task("events.tasks.poll_source", args=[source.pk])
        wait_until(lambda: extracted() >= 10, 90, "10 extracted reports", log)
        redis_server.stop()
        at_stop = extracted()
        time.sleep(2)
        redis_server.start()
        wait_until(lambda: extracted() == BATCH, 150, "all reports after the broker restart", log)
    finally:
        w.stop()
        redis_server.stop()
    assert at_stop < BATCH, "the batch finished before the restart: make it slower"
    assert_every_report_once(BATCH)
    with capsys.disabled():
        print(f"\n[broker] restart with {at_stop} extracted; after it {extracted()} of {BATCH}")
