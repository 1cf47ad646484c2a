"""bench/RESULTS.md: one file, one section per benchmark, rewritten in place.

    from bench.results import machine_info, update_section
    update_section("R4 ingestion", markdown)

A section starts at a line `## <name>` and runs to the next `## ` line. The
machine description (`## Machine`) is refreshed by every call, so the file
always says where its latest figures were measured.
"""

from __future__ import annotations

import os
import platform
import re
import subprocess
import sys
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
_HEADER = (
    "# Benchmark results\n\n"
    "Every figure is a ratio of two things measured side by side in one run on the same "
    "machine, given as min / median / max over repeated runs. Written by the `bench/` "
    "scripts (see docs/benchmarks.md); do not edit by hand.\n"
)


def _first_line(cmd: list[str]) -> str:
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return (out.stdout or out.stderr).strip().splitlines()[0] if (out.stdout or out.stderr) else ""


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _postgres_version() -> str:
    try:
        from django.db import connection

        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SHOW server_version")
                return cursor.fetchone()[0]
    except Exception:  # noqa: BLE001 - Django not set up, or no database: say so
        pass
    return _first_line(["psql", "--version"]) or "unknown"


def _redis_version() -> str:
    try:
        import redis

        url = os.environ.get("DAIS_BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
        return str(redis.Redis.from_url(url, socket_timeout=2).info("server")["redis_version"])
    except Exception:  # noqa: BLE001 - no server: say so
        return _first_line(["redis-server", "--version"]) or "unknown"


def machine_info() -> str:
    """A markdown list describing this machine and the software the figures depend on."""
    try:
        import django

        django_version = django.get_version()
    except ImportError:  # pragma: no cover
        django_version = "not installed"
    try:
        import celery

        celery_version = celery.__version__
    except ImportError:  # pragma: no cover
        celery_version = "not installed"
    lines = [
        f"- CPU: {_cpu_model()}, {os.cpu_count()} cores (nproc)",
        f"- OS: {platform.platform()}",
        f"- Python {sys.version.split()[0]}, Django {django_version}, Celery {celery_version}",
        f"- PostgreSQL {_postgres_version()}, Redis {_redis_version()}",
    ]
    return "\n".join(lines)


def _split(text: str) -> tuple[str, list[tuple[str, str]]]:
    """(preamble, [(name, body), ...]) of a RESULTS.md text."""
    parts = re.split(r"(?m)^## (.+)\n", text)
    preamble, sections = parts[0], []
    for i in range(1, len(parts), 2):
        sections.append((parts[i].strip(), parts[i + 1]))
    return preamble, sections


def update_section(name: str, markdown: str, *, path: Path | None = None) -> Path:
    """Replace (or append) the section `## name` of RESULTS.md with `markdown`,
    and refresh the `## Machine` section. Other sections are kept as they are."""
    path = path or RESULTS
    text = path.read_text(encoding="utf-8") if path.exists() else _HEADER
    preamble, sections = _split(text)
    new = {"Machine": machine_info().strip() + "\n\n", name: markdown.strip() + "\n\n"}
    names = [n for n, _ in sections]
    for key in ("Machine", name):
        if key not in names:
            sections.insert(0, (key, "")) if key == "Machine" else sections.append((key, ""))
            names = [n for n, _ in sections]
    body = "".join(f"## {n}\n\n{new.get(n, b).lstrip(chr(10))}" for n, b in sections)
    path.write_text(preamble.rstrip("\n") + "\n\n" + body.rstrip("\n") + "\n", encoding="utf-8")
    return path
