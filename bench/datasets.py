"""The benchmark databases: created, migrated and filled by bench/generate.py
on first use, then reused (the scale is remembered in the database comment)."""

from __future__ import annotations

import os
import subprocess
import sys
from urllib.parse import urlsplit, urlunsplit

import psycopg

from bench.common import ROOT

SCALES = {
    # name suffix: (events, invitations, claims, people)
    "large": (10_000, 100_000, 1_000_000, 5_000),
    "small": (1_000, 10_000, 10_000, 5_000),
    "quick": (120, 1_200, 2_400, 600),
    "quick_small": (40, 400, 400, 600),
}


def base_url() -> str:
    """The server and base database name: DATABASE_URL, else local dais_bench."""
    url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/dais_bench")
    if not url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("The benchmarks need PostgreSQL: set DATABASE_URL=postgres://...")
    return url


def url_for(scale: str) -> str:
    parts = urlsplit(base_url())
    name = parts.path.lstrip("/") or "dais_bench"
    for suffix in SCALES:  # dais_bench_large -> dais_bench
        name = name.removesuffix(f"_{suffix}")
    return urlunsplit(parts._replace(path=f"/{name}_{scale}"))


def _admin(url: str):
    parts = urlsplit(url)
    return psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True)


def ensure(scale: str, log=print) -> str:
    """The URL of the database for `scale`, generating it if needed."""
    url = url_for(scale)
    name = urlsplit(url).path.lstrip("/")
    wanted = "dais-bench " + "/".join(str(n) for n in SCALES[scale])
    with _admin(url) as conn:
        row = conn.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            [name],
        ).fetchone()
        if row is None:
            conn.execute(f'CREATE DATABASE "{name}"')
    env = {**os.environ, "DATABASE_URL": url}
    python = sys.executable
    subprocess.run(  # also when it exists: new indexes reach old databases
        [python, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    if row and row[0] == wanted:
        return url
    events, invitations, claims, people = SCALES[scale]
    log(f"generating {name}: {events} events, {invitations} invitations, {claims} claims")
    subprocess.run(
        [
            python,
            "-m",
            "bench.generate",
            "--events",
            str(events),
            "--invitations",
            str(invitations),
            "--claims",
            str(claims),
            "--people",
            str(people),
            "--replace",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    with _admin(url) as conn:
        conn.execute(f"COMMENT ON DATABASE \"{name}\" IS '{wanted}'")
    return url
