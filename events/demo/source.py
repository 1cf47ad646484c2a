"""The demo source: a feed served from events/demo/feed/ by
`python manage.py serve_demo_feeds` on 127.0.0.1:8001."""

from __future__ import annotations

from events.models import FeedKind, Source
from events.services.sources import source_create

DEMO_FEED_URL = "http://127.0.0.1:8001/feed.xml"


def ensure_demo_source() -> Source:
    """Create the demo Source (idempotent). Polling it needs DAIS_FETCH_ALLOW_LOOPBACK=true."""
    existing = Source.objects.filter(url=DEMO_FEED_URL).first()
    if existing:
        return existing
    return source_create(
        name="Dais demo wire", url=DEMO_FEED_URL, kind=FeedKind.RSS, poll_interval=120
    )
