"""Shared pytest fixtures. Tests run on PostgreSQL when DATABASE_URL is set
(as in CI), on SQLite otherwise."""

import pytest


@pytest.fixture
def editor(db):
    from events.tests.factories import UserFactory

    return UserFactory(username="editor", editor=True)
