"""A quick smoke run of the benchmark scripts (bench/) at tiny scale: they run,
R1's answer equals its one-query baseline, and each prints its ratios. The
figures themselves are not pass/fail here (see `make bench`)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="the benchmarks run on PostgreSQL only",
)


def run(script: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", f"bench.{script}", "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "DATABASE_URL": os.environ["DATABASE_URL"]},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_it_runs_r1_and_finds_the_api_equal_to_its_baseline():
    out = run("r1_api")
    assert "same JSON" in out and "checked equal" in out
    assert "R1 API/baseline ratio min/median/max:" in out


def test_it_runs_r2_on_the_home_page_and_an_event_page():
    out = run("r2_pages")
    assert "R2 home page page/baseline ratio" in out
    assert "R2 event page" in out


def test_it_runs_r3_on_two_databases():
    out = run("r3_growth")
    assert "R3 api large/small ratio" in out
    assert "R3 home large/small ratio" in out
