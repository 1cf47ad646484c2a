"""The pre-commit hooks run what `make lint` runs, with the ruff of requirements-dev.txt."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]


def test_pre_commit_runs_make_lints_ruff_commands_with_the_pinned_ruff():
    pinned = re.search(r"^ruff==(\S+)$", (ROOT / "requirements-dev.txt").read_text(), re.M)
    assert pinned
    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())["repos"][0]["hooks"]
    assert {tuple(h["additional_dependencies"]) for h in hooks} == {(f"ruff=={pinned[1]}",)}
    lint = re.search(r"^lint:.*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(), re.M)
    assert lint
    make_commands = [line.strip().replace("$(VENV)/bin/", "") for line in lint[1].splitlines()]
    assert [h["entry"] for h in hooks] == make_commands
