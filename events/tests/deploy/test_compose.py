"""docker-compose.yml stays a valid description of the topology."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def compose_command() -> list[str] | None:
    if shutil.which("docker"):
        probe = subprocess.run(["docker", "compose", "version"], capture_output=True, timeout=30)
        if probe.returncode == 0:
            return ["docker", "compose"]
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    return None


def compose_config(**environ: str) -> subprocess.CompletedProcess:
    """`docker compose config` with only PATH and the given variables set."""
    command = compose_command()
    if command is None:
        pytest.skip("no docker compose client on this machine (.ci/run installs one)")
    return subprocess.run(
        [*command, "config"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/local/bin:/usr/bin:/bin", **environ},
    )


def test_docker_compose_config_is_valid():
    result = compose_config(SECRET_KEY="compose-config-check")
    assert result.returncode == 0, result.stderr
    for service in ("web", "worker", "beat", "postgres", "redis"):
        assert f"  {service}:" in result.stdout
    assert "healthcheck" in result.stdout


def test_docker_compose_requires_a_secret_key():
    result = compose_config()
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
