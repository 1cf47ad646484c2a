"""Feed parsing and text helpers: pure functions, no database."""

import json

import pytest

from events.ingest.article import canonical_url, content_hash, html_to_text, sanitize_html
from events.ingest.feed_parser import FeedError, parse_feed
from events.tests.ingest.feed_server import BILLION_LAUGHS, EXTERNAL_ENTITY, MALFORMED, atom, rss

LONG = "<p>" + "Leaders met in Nairobi to discuss trade and climate. " * 20 + "</p>"


def test_it_parses_rss_with_full_text_and_summaries():
    feed = parse_feed(
        rss(
            [
                {"title": "Full", "link": "http://a.example/1", "content": LONG},
                {"title": "Short", "link": "http://a.example/2", "summary": "Just a teaser."},
            ]
        ).encode()
    )
    assert feed.title == "Test Wire" and feed.language == "en"
    full, short = feed.entries
    assert full.has_full_text and "<p>" not in full.text
    assert not short.has_full_text and short.text == "Just a teaser."
    assert full.published.year == 2026


def test_it_parses_atom():
    feed = parse_feed(
        atom([{"title": "A &amp; B", "link": "http://a.example/1", "content": LONG}]).encode()
    )
    assert feed.entries[0].title == "A & B"
    assert feed.entries[0].url == "http://a.example/1"
    assert feed.entries[0].has_full_text


def test_it_parses_json_feed():
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "JSON Wire",
        "items": [
            {
                "id": "1",
                "url": "http://a.example/1",
                "title": "One",
                "content_html": LONG,
                "date_published": "2026-11-20T10:00:00Z",
            },
            {"id": "2", "url": "http://a.example/2", "title": "Two", "summary": "Teaser"},
            {"id": "3", "title": "No URL"},
        ],
    }
    feed = parse_feed(json.dumps(doc).encode(), content_type="application/feed+json")
    assert [e.url for e in feed.entries] == ["http://a.example/1", "http://a.example/2"]
    assert feed.entries[0].has_full_text and feed.entries[0].published.day == 20


@pytest.mark.parametrize("body", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_it_refuses_xml_with_entity_declarations(body):
    with pytest.raises(FeedError, match="entity"):
        parse_feed(body.encode())


def test_it_refuses_an_entity_declaration_hidden_in_utf16():
    with pytest.raises(FeedError):
        parse_feed(
            BILLION_LAUGHS.replace('version="1.0"?>', 'version="1.0" encoding="utf-16"?>').encode(
                "utf-16"
            )
        )


@pytest.mark.parametrize(
    "body", [MALFORMED, "not a feed at all", '{"version": "nope"}', "{broken json"]
)
def test_it_refuses_malformed_documents(body):
    with pytest.raises(FeedError):
        parse_feed(body.encode())


def test_it_turns_html_into_plain_text_without_scripts():
    text = html_to_text(
        '<p>Hello <b>world</b></p><script>alert(1)</script><p onclick="x()">Bye</p>'
    )
    assert text == "Hello world\n\nBye"


def test_sanitized_html_keeps_no_script_or_handler():
    html = sanitize_html(
        '<p onclick="x()">Hi<script>alert(1)</script><a href="javascript:alert(1)">l</a></p>'
    )
    assert "script" not in html and "onclick" not in html and "javascript" not in html


def test_canonical_url_drops_tracking_parameters_and_fragments():
    assert canonical_url("HTTPS://News.Example:443/a?utm_source=x&b=2&a=1&fbclid=z#top") == (
        "https://news.example/a?a=1&b=2"
    )
    assert canonical_url("http://news.example") == "http://news.example/"


def test_content_hash_ignores_case_spacing_and_punctuation():
    text = "Macron accepted the invitation to the summit in Nairobi, officials said on Friday. " * 2
    assert content_hash(text) == content_hash("  " + text.upper().replace(",", " ,"))
    assert content_hash(text) != content_hash(text + " More.")
    assert content_hash("too short") == ""
