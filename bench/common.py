"""Shared by the bench scripts: Django set up for benchmarking, and timing of
two things side by side (interleaved, warmed up, median of many)."""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/dais_bench_large"

# Production-like settings for in-process timing: DEBUG off (no query log),
# no HTTPS redirect, and an anonymous throttle that never triggers.
BENCH_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "bench-only-secret-key-not-for-production-0123456789",
    "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "SECURE_SSL_REDIRECT": "false",
    "SESSION_COOKIE_SECURE": "false",
    "CSRF_COOKIE_SECURE": "false",
    "DAIS_API_THROTTLE_ANON": "1000000/second",
    "DAIS_API_THROTTLE_USER": "1000000/second",
}


def parser(description: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--quick", action="store_true", help="tiny scale smoke run (seconds)")
    p.add_argument("--repeat", type=int, default=None, help="repetitions (ratio per repetition)")
    p.add_argument("--inner", type=int, default=None, help="timed calls per side per repetition")
    p.add_argument(
        "--no-write", action="store_true", help="print only; leave bench/RESULTS.md alone"
    )
    return p


def setup_django(database_url: str | None = None) -> None:
    """Configure Django for the benchmark (call before importing models)."""
    for key, value in BENCH_ENV.items():
        os.environ.setdefault(key, value)
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    import django
    from django.conf import settings

    django.setup()
    settings.ROOT_URLCONF = "bench.urls"  # the product's URLs plus the baselines


def client():
    from django.test import Client

    return Client(HTTP_HOST="127.0.0.1")


def get_ok(c, url: str) -> bytes:
    response = c.get(url)
    if response.status_code != 200:
        raise SystemExit(f"GET {url}: {response.status_code} {response.content[:300]!r}")
    return b"".join(response.streaming_content) if response.streaming else response.content


def compare(
    a: Callable[[], object], b: Callable[[], object], repeat: int, inner: int, warmup: int = 3
) -> dict:
    """Time a and b alternately; per repetition the ratio of their medians.
    Returns ms medians per side and the ratios (min/median/max over repetitions)."""
    for _ in range(warmup):
        a()
        b()
    ratios, a_ms, b_ms = [], [], []
    clock = time.perf_counter
    for r in range(repeat):
        ta, tb = [], []
        for i in range(inner):
            first, second = (a, b) if (i + r) % 2 == 0 else (b, a)
            t0 = clock()
            first()
            t1 = clock()
            second()
            t2 = clock()
            if first is a:
                ta.append(t1 - t0)
                tb.append(t2 - t1)
            else:
                tb.append(t1 - t0)
                ta.append(t2 - t1)
        ma, mb = statistics.median(ta), statistics.median(tb)
        a_ms.append(ma * 1000)
        b_ms.append(mb * 1000)
        ratios.append(ma / mb)
    return {"ratios": ratios, "a_ms": a_ms, "b_ms": b_ms}


def summary(values: list[float], fmt: str = "{:.2f}") -> str:
    return f"{fmt.format(min(values))} / {fmt.format(statistics.median(values))} / {fmt.format(max(values))}"


def verdict(ratios: list[float], target: float) -> str:
    return "met" if statistics.median(ratios) <= target else "NOT met"
