"""The R4 benchmark at tiny scale: its corpus is fixed, served as feeds and
pages the pipeline reads, and `python -m bench.r4_ingest --quick` runs end to end
(a real Celery worker and the plain loop) against the test database.

Only a smoke test: the benchmark's figures are never a pass/fail here."""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from bench import r4_ingest
from events.tests.support import REDIS_URL, redis_up, require_service

ROOT = Path(__file__).resolve().parents[3]


def test_it_builds_the_same_corpus_every_time():
    first = r4_ingest.build_corpus(40, 4)
    again = r4_ingest.build_corpus(40, 4)
    assert r4_ingest.corpus_digest(first) == r4_ingest.corpus_digest(again)
    assert r4_ingest.corpus_digest(first) != r4_ingest.corpus_digest(r4_ingest.build_corpus(41, 4))
    pages = [p for p in first if "/articles/" in p]
    assert len(pages) == 40
    assert r4_ingest.feed_paths(first) == [
        "/0/feed.xml",
        "/1/atom.xml",
        "/2/feed.xml",
        "/3/atom.xml",
    ]


def test_it_writes_wire_reports_of_three_to_four_hundred_words():
    routes = r4_ingest.build_corpus(60, 3)
    from events.ingest.article import article_text

    lengths = []
    for path, (body, _) in routes.items():
        if "/articles/" in path:
            _title, text, _lang = article_text(body, url="http://127.0.0.1" + path)
            lengths.append(len(text.split()))
    assert min(lengths) >= 280 and max(lengths) <= 450, (min(lengths), max(lengths))


def test_it_serves_the_corpus_on_loopback_and_the_feeds_parse():
    from events.ingest.feed_parser import parse_feed

    routes = r4_ingest.build_corpus(30, 3)
    server = r4_ingest.CorpusServer(routes)
    try:
        for path in r4_ingest.feed_paths(routes):
            with urllib.request.urlopen(server.url(path), timeout=10) as response:
                body = response.read()
            assert body == routes[path][0]
            feed = parse_feed(body, content_type=response.headers["Content-Type"])
            assert len(feed.entries) == 10
            assert any(e.has_full_text for e in feed.entries) or path.endswith("atom.xml")
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(server.url("/nothing-here"), timeout=10)
    finally:
        server.stop()


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_runs_the_quick_benchmark_end_to_end(tmp_path):
    require_service(redis_up(REDIS_URL), f"Redis at {REDIS_URL}")
    db = connection.settings_dict
    auth = f"{db['USER']}:{db['PASSWORD']}" if db.get("PASSWORD") else db["USER"]
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "CELERY_BROKER_URL": REDIS_URL,
    }
    if connection.vendor != "postgresql":
        pytest.skip("the benchmark runs on PostgreSQL only")
    done = subprocess.run(
        [sys.executable, "-m", "bench.r4_ingest", "--quick", "--no-write"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "ratio celery/loop min/median/max" in done.stdout
    run = next(line for line in done.stdout.splitlines() if line.startswith("run 1:"))
    assert "'reports': 20, 'failed': 0" in run
    assert run.count("'failed': 0") == 2
