"""Fixtures shared by the page tests."""

import pytest

from events.tests.pages import scenario_pages


@pytest.fixture
def scenario(db):
    """The events, people and claims of scenario_pages, built in the test's transaction."""
    return scenario_pages.build()
