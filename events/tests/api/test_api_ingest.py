"""/api/reports/ and /api/sources/ follow the API's conventions: editors only,
strict input, the shared error shape, pagination, filters, 409 for conflicts,
and a submitted URL is checked without touching the network."""

import socket

import pytest

from events.models import Report, ReportState, Source
from events.services.reports import report_submit
from events.services.sources import source_create
from events.tests.api.support import assert_error


@pytest.fixture
def no_dns(monkeypatch):
    """Fails the test if anything resolves a host name (numeric parsing is fine)."""
    real = socket.getaddrinfo
    asked: list[str] = []

    def spy(host, *args, **kwargs):
        flags = kwargs.get("flags", args[3] if len(args) > 3 else 0)
        if not flags & socket.AI_NUMERICHOST:
            asked.append(host)
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", spy)
    yield asked
    assert asked == [], f"resolved during the request: {asked}"


def test_it_accepts_a_url_with_202_and_queues_it_on_commit_without_fetching(
    editor_client, no_dns, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        response = editor_client.post(
            "/api/reports/", {"url": "https://news.example/xi?utm_source=x"}, format="json"
        )
    assert response.status_code == 202, response.content
    body = response.json()
    assert body["created"] is True and body["state"] == ReportState.NEW
    assert body["url"] == "https://news.example/xi" and body["claims"] == 0
    assert len(callbacks) == 1  # the worker gets it after the commit, not during the request
    again = editor_client.post("/api/reports/", {"url": "https://news.example/xi"}, format="json")
    assert again.status_code == 202 and again.json()["id"] == body["id"]
    assert again.json()["created"] is False


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/admin/",
        "http://2130706433/",
        "http://0x7f.1/",
        "http://localhost/",
        "http://[::1]/",
        "http://192.168.1.1/router",
        "http://[::ffff:10.0.0.1]/",
        "http://metadata.internal/",
        "http://intranet/",
        "https://user:pw@news.example/",
        "ftp://news.example/a",
        "javascript:alert(1)",
    ],
)
def test_it_refuses_a_url_it_must_not_fetch_with_a_400_on_url(
    editor_client, url, settings, no_dns, django_capture_on_commit_callbacks
):
    settings.DAIS_FETCH_ALLOW_LOOPBACK = False
    with django_capture_on_commit_callbacks() as callbacks:
        response = editor_client.post("/api/reports/", {"url": url}, format="json")
    assert_error(response, 400, "url")
    assert callbacks == [] and Report.objects.count() == 0


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"url": 5}, "url"),
        ({"text": True}, "text"),
        ({"text": "a\x00b"}, "text"),
        ({"text": "   "}, "url"),
        ({"text": "x" * 200_001}, "text"),
        ({"text": "x", "title": ["t"]}, "title"),
        ({"text": "x", "published": "2026-11-20"}, "published"),
        ({"text": "x", "published": "0001-01-01T00:00:00+01:00"}, "published"),
        ({"text": "x", "published": "2999-01-01T00:00:00Z"}, "published"),
    ],
)
def test_it_refuses_a_malformed_report_with_a_field_message(editor_client, payload, field):
    response = editor_client.post("/api/reports/", payload, format="json")
    assert_error(response, 400, field)
    assert Report.objects.count() == 0


def test_only_editors_read_or_write_reports_and_sources(anon, user_client):
    for path in ("/api/reports/", "/api/sources/"):
        assert_error(anon.get(path), 401)
        assert_error(user_client.get(path), 403)
        assert_error(user_client.post(path, {"text": "x"}, format="json"), 403)


def test_report_lists_are_paged_and_filtered_strictly(editor_client):
    source = source_create(name="Wire", url="https://wire.example/feed")
    report_submit(url="https://wire.example/a", source=source)
    report_submit(text="Some text.", title="T")
    page = editor_client.get("/api/reports/?page_size=1").json()
    assert page["count"] == 2 and len(page["results"]) == 1 and page["next"]
    by_source = editor_client.get(f"/api/reports/?source={source.pk}").json()["results"]
    assert [r["url"] for r in by_source] == ["https://wire.example/a"]
    fetched = editor_client.get("/api/reports/?state=fetched").json()["results"]
    assert [r["title"] for r in fetched] == ["T"]
    assert_error(editor_client.get("/api/reports/?state=bogus"), 400, "state")
    assert_error(editor_client.get("/api/reports/?source=0"), 400, "source")
    assert_error(editor_client.get("/api/reports/?page=99"), 404)
    assert_error(editor_client.get("/api/reports/999999/"), 404)


def test_sources_conflict_on_a_second_url_and_on_polling_an_inactive_one(
    editor_client, django_capture_on_commit_callbacks
):
    created = editor_client.post(
        "/api/sources/", {"name": "Wire", "url": "https://wire.example/feed"}, format="json"
    )
    assert created.status_code == 201, created.content
    source_id = created.json()["id"]
    twin = editor_client.post(
        "/api/sources/", {"name": "Twin", "url": "https://wire.example/feed"}, format="json"
    )
    assert assert_error(twin, 409, "url")["code"] == "conflict"
    with django_capture_on_commit_callbacks() as callbacks:
        polled = editor_client.post(f"/api/sources/{source_id}/poll/")
    assert polled.status_code == 202 and len(callbacks) == 1
    assert editor_client.delete(f"/api/sources/{source_id}/").status_code == 204
    assert_error(editor_client.post(f"/api/sources/{source_id}/poll/"), 409)
    assert editor_client.get("/api/sources/?active=false").json()["count"] == 1
    assert_error(editor_client.get("/api/sources/?active=maybe"), 400, "active")
    assert_error(editor_client.put(f"/api/sources/{source_id}/", {"name": "X"}, format="json"), 405)


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"name": "   ", "url": "https://a.example/f"}, "name"),
        ({"name": "A", "url": "https://a.example/f", "active": "yes"}, "active"),
        ({"name": "A", "url": "https://a.example/f", "poll_interval": "900"}, "poll_interval"),
        ({"name": "A", "url": "https://a.example/f", "poll_interval": 59}, "poll_interval"),
        ({"name": "A", "url": "https://a.example/f", "kind": "csv"}, "kind"),
        ({"name": "A", "url": "http://10.1.2.3/feed"}, "url"),
    ],
)
def test_it_refuses_a_malformed_source_with_a_field_message(editor_client, payload, field):
    assert_error(editor_client.post("/api/sources/", payload, format="json"), 400, field)
    assert Source.objects.count() == 0
