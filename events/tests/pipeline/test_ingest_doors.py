"""The pipeline's doors: /api/reports/, /api/sources/, the Reports page and the Review queue.
Hostile text from feeds and articles must be inert on every page."""

import datetime
import re

import pytest
from django.test import Client

from events import services
from events.ingest import pipeline
from events.models import Claim, Report, ReportState, ReviewState, Source
from events.services.reports import report_submit
from events.services.sources import source_create
from events.tests.factories import EventFactory, UserFactory, country
from events.tests.ingest.feed_server import ARTICLE_PARAGRAPHS, article_html, rss
from tracker.celery import app


@pytest.fixture
def eager():
    """Tasks run in this process as soon as they are queued (the worker tests use a real one)."""
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def macron(db):
    return services.person_create(name="Emmanuel Macron", country=country("FR"), role="President")


def test_submitting_a_url_answers_202_and_the_worker_extracts_it(
    editor_client, server, eager, macron, django_capture_on_commit_callbacks
):
    url = server.add("/a.html", article_html("Nairobi summit", ARTICLE_PARAGRAPHS))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = editor_client.post(
            "/api/reports/", {"url": url}, content_type="application/json"
        )
    assert response.status_code == 202, response.content
    body = response.json()
    assert body["state"] == ReportState.NEW and body["created"] is True
    assert len(callbacks) == 1  # queued on commit, not before
    report = Report.objects.get(pk=body["id"])
    assert report.state == ReportState.EXTRACTED
    assert report.claims.filter(invitation__invitee=macron, status="accepted").exists()
    again = editor_client.post(
        "/api/reports/", {"url": url + "?utm_source=x"}, content_type="application/json"
    )
    assert (
        again.status_code == 202
        and again.json()["id"] == report.pk
        and again.json()["created"] is False
    )


def test_submitting_a_text_with_metadata_is_extracted(
    editor_client, eager, macron, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            "/api/reports/",
            {
                "text": "\n\n".join(ARTICLE_PARAGRAPHS),
                "title": "Macron to Nairobi",
                "outlet": "Test Wire",
                "published": "2026-11-20T10:00:00Z",
            },
            content_type="application/json",
        )
    assert response.status_code == 202
    report = Report.objects.get(pk=response.json()["id"])
    assert report.state == ReportState.EXTRACTED and report.outlet == "Test Wire"
    claim = report.claims.get(invitation__invitee=macron)
    assert claim.as_of == datetime.date(2026, 11, 20) and claim.source_outlet == "Test Wire"


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"url": ""},
        {"url": "file:///etc/passwd"},
        {"url": "ftp://127.0.0.1/x"},
        {"url": "http://10.0.0.1/admin"},
        {"url": "http://169.254.169.254/latest/meta-data/"},
        {"url": "http://[::ffff:10.0.0.1]/"},
        {"url": "not a url"},
        {"text": "x", "published": "yesterday"},
        {"text": "x", "published": "2999-01-01T00:00:00Z"},
        {"url": "http://a.example/" + "x" * 3000},
    ],
)
def test_bad_submissions_are_a_400(editor_client, payload, settings):
    settings.DAIS_FETCH_ALLOW_LOOPBACK = False
    response = editor_client.post("/api/reports/", payload, content_type="application/json")
    assert response.status_code == 400, response.content
    assert Report.objects.count() == 0


def test_only_editors_use_the_report_and_source_api(db):
    reader = Client()
    reader.force_login(UserFactory())
    for client in (Client(), reader):
        assert client.get("/api/reports/").status_code in (401, 403)
        assert client.post(
            "/api/reports/", {"text": "x"}, content_type="application/json"
        ).status_code in (401, 403)
        assert client.get("/api/sources/").status_code in (401, 403)
    assert Report.objects.count() == 0


def test_reports_can_be_listed_and_filtered(editor_client):
    report_submit(text="\n\n".join(ARTICLE_PARAGRAPHS), title="One")
    report_submit(url="https://wire.example/two", title="Two")
    listed = editor_client.get("/api/reports/").json()
    rows = listed["results"] if isinstance(listed, dict) else listed
    assert {r["title"] for r in rows} == {"One", "Two"}
    fetched = editor_client.get("/api/reports/?state=fetched").json()
    rows = fetched["results"] if isinstance(fetched, dict) else fetched
    assert [r["title"] for r in rows] == ["One"]
    assert editor_client.get("/api/reports/?state=bogus").status_code == 400
    assert editor_client.get("/api/reports/?source=x").status_code == 400
    detail = editor_client.get(f"/api/reports/{rows[0]['id']}/").json()
    assert "Emmanuel Macron" in detail["text"]


def test_editors_manage_sources_through_the_api(editor_client, settings):
    settings.DAIS_FETCH_ALLOW_LOOPBACK = False
    created = editor_client.post(
        "/api/sources/",
        {
            "name": "Wire",
            "url": "https://wire.example/feed.xml",
            "kind": "atom",
            "poll_interval": 600,
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    source_id = created.json()["id"]
    dup = {"name": "Dup", "url": "https://wire.example/feed.xml"}
    response = editor_client.post("/api/sources/", dup, content_type="application/json")
    assert response.status_code == 409 and response.json()["errors"]["url"], response.content
    for bad in (
        {"name": "Local", "url": "http://127.0.0.1:8001/feed.xml"},
        {"name": "File", "url": "file:///etc/passwd"},
        {"name": "Kind", "url": "https://b.example/f", "kind": "csv"},
        {"name": "Fast", "url": "https://c.example/f", "poll_interval": 1},
    ):
        response = editor_client.post("/api/sources/", bad, content_type="application/json")
        assert response.status_code == 400, (bad, response.content)
    patched = editor_client.patch(
        f"/api/sources/{source_id}/", {"active": False}, content_type="application/json"
    )
    assert patched.status_code == 200 and patched.json()["active"] is False
    assert editor_client.delete(f"/api/sources/{source_id}/").status_code == 204
    assert Source.objects.get().active is False  # kept, with its reports


def pending_claim(macron):
    report, _ = report_submit(
        text="\n\n".join(ARTICLE_PARAGRAPHS), title="Nairobi", url="https://wire.example/n"
    )
    pipeline.process_report(report.pk)
    return Claim.objects.get(invitation__invitee=macron, status="accepted")


def test_the_review_queue_shows_the_evidence_highlighted_and_approve_applies_it(
    editor_client, macron
):
    claim = pending_claim(macron)
    page = editor_client.get("/review/")
    assert page.status_code == 200
    html = page.content.decode()
    assert f"<mark>{claim.evidence}</mark>" in html
    response = editor_client.post(f"/review/{claim.pk}/", {"decision": "approve"})
    assert response.status_code == 302
    claim.refresh_from_db()
    claim.invitation.refresh_from_db()
    assert claim.review_state == ReviewState.APPROVED and claim.reviewed_by.username == "editor"
    assert claim.invitation.status == "accepted"
    assert f"claim-{claim.pk}" not in editor_client.get("/review/").content.decode()


def test_reject_keeps_the_claim_for_the_record(editor_client, macron):
    claim = pending_claim(macron)
    editor_client.post(f"/review/{claim.pk}/", {"decision": "reject"})
    claim.refresh_from_db()
    assert claim.review_state == ReviewState.REJECTED
    assert claim.invitation.status == "invited"
    report_page = editor_client.get(
        f"/reports/{claim.report_id}/?claim={claim.pk}"
    ).content.decode()
    assert f"<mark>{claim.evidence}</mark>" in report_page and "Rejected" in report_page


def test_a_decision_needs_post_csrf_and_a_valid_choice(editor, macron):
    claim = pending_claim(macron)
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.get(f"/review/{claim.pk}/").status_code == 405
    assert client.post(f"/review/{claim.pk}/", {"decision": "approve"}).status_code == 403
    client = Client()
    client.force_login(editor)
    assert client.post(f"/review/{claim.pk}/", {"decision": "maybe"}).status_code == 302
    assert client.post("/review/999999/", {"decision": "approve"}).status_code == 404
    claim.refresh_from_db()
    assert claim.review_state == ReviewState.PENDING


def test_an_impossible_approval_is_a_message_not_a_500(editor_client, macron):
    event = EventFactory(start_date=datetime.date.today() + datetime.timedelta(days=40))
    invitation, _ = services.invitation_get_or_create(event=event, invitee=macron)
    claim = services.claim_record(
        invitation=invitation, status="invited", as_of=datetime.date.today(), origin="extracted"
    )
    Claim.objects.filter(pk=claim.pk).update(status="attended")  # as if the event moved
    response = editor_client.post(f"/review/{claim.pk}/", {"decision": "approve"}, follow=True)
    assert response.status_code == 200 and "cannot be approved" in response.content.decode()


def test_the_pages_are_for_editors_only(db, macron):
    claim = pending_claim(macron)
    reader = Client()
    reader.force_login(UserFactory())
    for client in (Client(), reader):
        for url in ("/reports/", f"/reports/{claim.report_id}/", "/review/"):
            assert client.get(url).status_code in (302, 403), url
        assert client.post(f"/review/{claim.pk}/", {"decision": "approve"}).status_code in (
            302,
            403,
        )
    claim.refresh_from_db()
    assert claim.review_state == ReviewState.PENDING


XSS_TITLE = '&lt;script&gt;alert("feed-title")&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; Macron summit'
XSS_PARAGRAPHS = [
    ARTICLE_PARAGRAPHS[0],
    ARTICLE_PARAGRAPHS[1].replace(
        "the Elysee said.",
        'on Friday &lt;script&gt;alert("evidence")&lt;/script&gt;&lt;b onmouseover=alert(2)&gt;.',
    ),
    *ARTICLE_PARAGRAPHS[2:],
]


def test_xss_in_a_feed_item_and_in_an_article_is_inert_on_every_page(editor_client, server, macron):
    server.add(
        "/evil.html",
        article_html(
            "Evil <script>alert('h1')</script>",
            XSS_PARAGRAPHS,
            extra="<script>alert('article')</script><img src=x onerror=alert(3)><iframe src='javascript:alert(4)'></iframe>",
        ),
    )
    inline = (
        "".join(f"<p>{p}</p>" for p in XSS_PARAGRAPHS[::-1]) + "<script>alert('inline')</script>"
    )
    server.add(
        "/feed.xml",
        rss(
            [
                {
                    "title": XSS_TITLE,
                    "link": server.url("/evil.html"),
                    "summary": "&lt;script&gt;alert(5)&lt;/script&gt;",
                },
                {
                    "title": XSS_TITLE + " 2",
                    "link": "http://wire.example/inline",
                    "content": inline,
                },
                {"title": "js link", "link": "javascript:alert(6)", "content": inline + " more"},
            ]
        ),
        content_type="application/rss+xml",
    )
    source = source_create(name="<script>alert('source')</script>", url=server.url("/feed.xml"))
    for report_id in pipeline.poll_source(source.pk).new_report_ids:
        pipeline.process_report(report_id)
    reports = list(Report.objects.all())
    assert len(reports) == 2 and all(r.state == ReportState.EXTRACTED for r in reports)
    claims = list(Claim.objects.filter(report__in=reports))
    assert claims, "the hostile reports still yield claims"
    pages = ["/reports/", "/review/", "/api/reports/"]
    pages += [f"/reports/{r.pk}/" for r in reports] + [f"/api/reports/{r.pk}/" for r in reports]
    pages += [f"/reports/{c.report_id}/?claim={c.pk}" for c in claims]
    for url in pages:
        if url.startswith("/api/"):
            # JSON carries the plain text as data; browsers never render it as HTML.
            data = editor_client.get(url, HTTP_ACCEPT="application/json")
            assert data["Content-Type"] == "application/json"
            assert data["X-Content-Type-Options"] == "nosniff"
            browser = editor_client.get(url, HTTP_ACCEPT="text/html,*/*;q=0.8")
            assert browser.status_code == 200 and browser["Content-Type"] == "application/json"
            html_only = editor_client.get(url, HTTP_ACCEPT="text/html")
            assert html_only.status_code == 406, url  # never HTML, in the API's error shape
            assert html_only["Content-Type"] == "application/json"
            continue
        response = editor_client.get(url, HTTP_ACCEPT="text/html")
        assert response.status_code == 200, url
        html = response.content.decode()
        assert not re.search(
            r"<script>\s*alert|<img[^>]*onerror|<b onmouseover|<iframe|javascript:", html, re.I
        ), url
    assert (
        "&lt;script&gt;alert(&quot;evidence&quot;)"
        in editor_client.get("/review/").content.decode()
    )


def test_a_network_error_is_retried_with_backoff_then_the_report_fails(server, eager, db):
    from events.tasks import MAX_RETRIES, backoff, process_report

    url = server.add("/down.html", "busy", status=503)
    report, _ = report_submit(url=url)
    process_report.delay(report.pk)
    report.refresh_from_db()
    assert report.state == ReportState.FAILED and "503" in report.error
    assert len([p for p, _ in server.requests if p == "/down.html"]) == MAX_RETRIES + 1
    delays = [backoff(n) for n in range(8) for _ in range(20)]
    assert all(0 <= d <= 600 for d in delays) and len({round(d, 3) for d in delays}) > 100


def test_a_client_error_is_not_retried(server, eager, db):
    from events.tasks import process_report

    url = server.add("/gone.html", "gone", status=404)
    report, _ = report_submit(url=url)
    process_report.delay(report.pk)
    report.refresh_from_db()
    assert report.state == ReportState.FAILED
    assert len(server.requests) == 1
