"""What tests need from the machine: a service that must be running, and Redis."""

import os

import pytest

REDIS_URL = os.environ.get("DAIS_TEST_REDIS_URL", "redis://127.0.0.1:6379/3")


def require_service(available: bool, reason: str) -> None:
    """Skip a test whose service (Redis, Chromium...) is missing on a laptop;
    under CI=true a missing service is a failure, never a skip."""
    if available:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true and a required service is missing: {reason}", pytrace=False)
    pytest.skip(reason)


def redis_up(url: str) -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(url, socket_timeout=2).ping())
    except Exception:
        return False
