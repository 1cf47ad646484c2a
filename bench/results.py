"""bench/RESULTS.md: one `## name` section per benchmark, each script
replacing only its own section, plus a description of the machine."""

from __future__ import annotations

import os
import platform
import re
import subprocess
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
HEADER = (
    "# Benchmark results\n\n"
    "Written by the scripts in bench/ (`make bench`). Every figure is a ratio of two "
    "things measured side by side in one run on the same machine.\n"
)


def update_section(name: str, markdown: str, *, path: Path | None = None) -> Path:
    """Replace the `## name` section of bench/RESULTS.md (or add it at the end)."""
    path = path or RESULTS
    text = path.read_text(encoding="utf-8") if path.exists() else HEADER
    body = f"## {name}\n\n{markdown.strip()}\n"
    pattern = re.compile(rf"^## {re.escape(name)}\n.*?(?=^## |\Z)", re.M | re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: body + "\n", text, count=1).rstrip() + "\n"
    else:
        text = text.rstrip() + "\n\n" + body
    path.write_text(text, encoding="utf-8")
    return path


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _postgres_version() -> str:
    try:
        from django.db import connection

        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SHOW server_version")
                return "PostgreSQL " + cursor.fetchone()[0]
        return connection.vendor
    except Exception:  # noqa: BLE001 - Django not set up: say so, do not fail
        return "database unknown"


def machine_info() -> str:
    """One markdown paragraph: CPU, cores, memory, OS, Python, Django, database, commit."""
    import django

    try:
        mem_kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{mem_kb / 1024 / 1024:.1f} GiB RAM"
    except (OSError, ValueError, IndexError):
        memory = "RAM unknown"
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            cwd=Path(__file__).resolve().parent,
            check=False,
        ).stdout.strip()
    except OSError:
        commit = ""
    try:
        load = "load average {} at the start".format(Path("/proc/loadavg").read_text().split()[0])
    except (OSError, IndexError):
        load = "load unknown"
    return (
        f"{_cpu_model()}, {os.cpu_count()} cores ({load}), {memory}; {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}, Django {django.get_version()}, "
        f"{_postgres_version()}; commit {commit or 'unknown'}"
    )
