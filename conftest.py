"""Shared pytest fixtures. Tests run on PostgreSQL when DATABASE_URL is set
(as in CI), on SQLite otherwise."""

import os

import pytest


def require_service(available: bool, reason: str) -> None:
    """Skip a test whose service (Redis, Chromium...) is missing on a laptop;
    under CI=true a missing service is a failure, never a skip."""
    if available:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true and a required service is missing: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def editor(db):
    from events.tests.factories import UserFactory

    return UserFactory(username="editor", editor=True)
