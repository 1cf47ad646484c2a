"""GET /healthz checks the real database and broker. The 'down' cases run the
app in a subprocess pointed at a port where nothing listens."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
NOTHING_LISTENS = "127.0.0.1:9"  # the discard port; nothing runs a server there

PROBE = """
import django, json
django.setup()
from django.test import Client
r = Client().get("/healthz", HTTP_HOST="127.0.0.1")
print(json.dumps({"status": r.status_code, "body": r.json()}))
"""


def healthz_in_subprocess(**environ: str) -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tracker.settings", **environ}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.django_db
def test_healthz_answers_200_when_database_and_broker_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "broker": "ok"}}


def test_healthz_answers_503_when_the_broker_is_down():
    result = healthz_in_subprocess(CELERY_BROKER_URL=f"redis://{NOTHING_LISTENS}/0")
    assert result["status"] == 503
    assert result["body"]["status"] == "unavailable"
    assert result["body"]["checks"]["broker"] != "ok"


def test_healthz_answers_503_when_the_database_is_down():
    result = healthz_in_subprocess(DATABASE_URL=f"postgres://postgres@{NOTHING_LISTENS}/dais")
    assert result["status"] == 503
    assert result["body"]["checks"]["database"] != "ok"


@pytest.mark.django_db
def test_healthz_refuses_post(client):
    assert client.post("/healthz").status_code == 405
