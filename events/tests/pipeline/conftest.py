"""Fixtures shared by the pipeline tests."""

import pytest

from events.tests.ingest.feed_server import FeedServer


@pytest.fixture
def server(settings):
    """A local feed and article server the fetcher may reach (loopback allowed)."""
    settings.DAIS_FETCH_ALLOW_LOOPBACK = True
    s = FeedServer().start()
    yield s
    s.stop()
