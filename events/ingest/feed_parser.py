"""Parse RSS 2.0, Atom 1.0 and JSON Feed documents from bytes we fetched.

XML with entity declarations (billion laughs, external entities) is refused
before feedparser sees it. Entries come out as FeedEntry with plain text; the
HTML of an entry is never stored as is.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass

import feedparser
from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET

from events.ingest.article import html_to_text

# An entry whose text is at least this long is taken as the full article;
# shorter ones are summaries and the article page is fetched.
FULL_TEXT_MIN_CHARS = 600
_ENTITY_DECL = re.compile(rb"<!\s*ENTITY", re.IGNORECASE)


class FeedError(Exception):
    """The document is not a feed we can read (malformed, hostile, empty)."""


@dataclass
class FeedEntry:
    url: str
    title: str = ""
    published: datetime.datetime | None = None
    text: str = ""  # plain text of the entry's content or summary
    language: str = ""

    @property
    def has_full_text(self) -> bool:
        return len(self.text) >= FULL_TEXT_MIN_CHARS


@dataclass
class ParsedFeed:
    title: str
    language: str
    entries: list[FeedEntry]


def parse_feed(body: bytes, *, content_type: str = "") -> ParsedFeed:
    stripped = body.lstrip()
    if "json" in content_type.lower() or stripped.startswith(b"{"):
        return _parse_json_feed(body)
    _refuse_entities(body)
    parsed = feedparser.parse(body, response_headers={"content-type": content_type or "text/xml"})
    if not parsed.entries:
        if parsed.get("bozo"):
            raise FeedError(f"Malformed feed: {parsed.get('bozo_exception')}")
        if not parsed.get("version"):
            raise FeedError("Not an RSS or Atom feed.")
    feed = parsed.feed
    language = (feed.get("language") or "")[:16]
    entries = []
    for item in parsed.entries:
        url = (item.get("link") or "").strip()
        if not url:
            continue
        html = ""
        if item.get("content"):
            html = max((c.get("value") or "" for c in item.content), key=len)
        summary = item.get("summary") or ""
        text = html_to_text(html) if html else ""
        if len(text) < len(html_to_text(summary)):
            text = html_to_text(summary)
        entries.append(
            FeedEntry(
                url=url,
                title=html_to_text(item.get("title") or "")[:500],
                published=_struct_time(item.get("published_parsed") or item.get("updated_parsed")),
                text=text,
                language=language,
            )
        )
    return ParsedFeed(
        title=html_to_text(feed.get("title") or "")[:200], language=language, entries=entries
    )


def _refuse_entities(body: bytes) -> None:
    if _ENTITY_DECL.search(body):
        raise FeedError("Feed XML with entity declarations is refused.")
    try:
        SafeET.fromstring(body, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise FeedError(f"Feed XML refused: {type(exc).__name__}") from None
    except Exception:  # noqa: S110 - malformed XML: feedparser's loose parser decides
        pass


def _struct_time(value) -> datetime.datetime | None:
    if not value:
        return None
    try:
        return datetime.datetime(*value[:6], tzinfo=datetime.UTC)
    except (TypeError, ValueError):
        return None


def _parse_json_feed(body: bytes) -> ParsedFeed:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise FeedError(f"Malformed JSON Feed: {exc}") from None
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith(
        "https://jsonfeed.org/version/"
    ):
        raise FeedError("Not a JSON Feed (no jsonfeed.org version).")
    items = data.get("items")
    if not isinstance(items, list):
        raise FeedError("JSON Feed without items.")
    language = str(data.get("language") or "")[:16]
    entries = []
    for item in items:
        if not isinstance(item, dict):
            continue
        url = str(item.get("url") or item.get("external_url") or "").strip()
        if not url:
            continue
        text = str(item.get("content_text") or "")
        if not text and item.get("content_html"):
            text = html_to_text(str(item["content_html"]))
        if not text:
            text = str(item.get("summary") or "")
        entries.append(
            FeedEntry(
                url=url,
                title=html_to_text(str(item.get("title") or ""))[:500],
                published=_iso(item.get("date_published") or item.get("date_modified")),
                text=text.strip(),
                language=str(item.get("language") or language)[:16],
            )
        )
    return ParsedFeed(
        title=html_to_text(str(data.get("title") or ""))[:200], language=language, entries=entries
    )


def _iso(value) -> datetime.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=datetime.UTC)
