"""Fixtures shared by every test. Tests run on PostgreSQL when DATABASE_URL is set
(as in CI), on SQLite otherwise."""

import pytest

from events.tests.factories import UserFactory


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", editor=True)
