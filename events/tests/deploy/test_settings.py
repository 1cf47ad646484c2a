"""Settings come from the environment, strictly."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from tracker import env

ROOT = Path(__file__).resolve().parents[3]


def manage(*args: str, **environ: str) -> subprocess.CompletedProcess:
    clean = {
        k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}
    }
    clean.update(environ)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "dais.example.org",
}


def test_check_deploy_is_clean_with_production_values():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_it_refuses_to_start_without_a_secret_key_when_debug_is_off():
    result = manage("check", DEBUG="false")
    assert result.returncode == 2
    assert "SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bad_boolean_names_the_variable():
    result = manage("check", DEBUG="maybe")
    assert result.returncode == 2
    assert "DEBUG: expected a boolean" in result.stderr


def test_an_unsupported_database_url_names_the_variable():
    result = manage("check", DATABASE_URL="mysql://db/dais")
    assert result.returncode == 2
    assert "DATABASE_URL" in result.stderr


def test_a_bad_broker_url_names_the_variable():
    result = manage("check", CELERY_BROKER_URL="http://nope")
    assert result.returncode == 2
    assert "CELERY_BROKER_URL" in result.stderr


def test_migrations_are_complete():
    result = manage("makemigrations", "--check", "--dry-run")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("reader", "value", "message"),
    [
        (lambda: env.env_int("DAIS_X", 1), "ten", "DAIS_X: expected a whole number"),
        (lambda: env.env_int("DAIS_X", 1, minimum=0), "-1", "DAIS_X: must be at least 0"),
        (lambda: env.env_float("DAIS_X", 0.5), "2", "DAIS_X: must be between"),
        (lambda: env.env_bool("DAIS_X", True), "perhaps", "DAIS_X: expected a boolean"),
    ],
)
def test_strict_readers_reject_bad_values(monkeypatch, reader, value, message):
    monkeypatch.setenv("DAIS_X", value)
    with pytest.raises(ImproperlyConfigured, match=message):
        reader()


def test_a_value_can_come_from_a_file(monkeypatch, tmp_path):
    secret = tmp_path / "key"
    secret.write_text("s3cret\n")
    monkeypatch.setenv("DAIS_X_FILE", str(secret))
    assert env.env_str("DAIS_X") == "s3cret"


def test_a_missing_secret_file_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("DAIS_X_FILE", str(tmp_path / "absent"))
    with pytest.raises(ImproperlyConfigured, match="DAIS_X_FILE: cannot read"):
        env.env_str("DAIS_X")


def test_lists_are_comma_separated(monkeypatch):
    monkeypatch.setenv("DAIS_X", "a.example, b.example,,")
    assert env.env_list("DAIS_X", []) == ["a.example", "b.example"]
