"""The pipeline end to end in one process: a local feed server, PostgreSQL, the extractor."""

import datetime
import json

import pytest
from django.core.management import call_command
from django.utils import timezone

from events import services
from events.ingest import pipeline
from events.models import Claim, Event, Person, Report, ReportState, ReviewState, Source
from events.services.reports import report_submit
from events.services.sources import POLL_LEASE, source_claim, source_create
from events.tests.factories import EventFactory, UserFactory, country
from events.tests.ingest.feed_server import (
    ARTICLE_PARAGRAPHS,
    BILLION_LAUGHS,
    MALFORMED,
    article_html,
    rss,
)

TITLE = "Macron to attend Africa Forward summit in Nairobi"


@pytest.fixture
def people(db):
    macron = services.person_create(
        name="Emmanuel Macron", country=country("FR"), role="President", aliases=["Macron"]
    )
    merz = services.person_create(name="Friedrich Merz", country=country("DE"), role="Chancellor")
    return macron, merz


@pytest.fixture
def wire(server, people):
    """A feed with one summary item (the article is fetched) under a tracking URL."""
    server.add("/articles/nairobi.html", article_html(TITLE, ARTICLE_PARAGRAPHS))
    server.add(
        "/feed.xml",
        rss([{"title": TITLE, "link": server.url("/articles/nairobi.html?utm_source=rss")}]),
        content_type="application/rss+xml",
        etag='"feed-v1"',
    )
    return source_create(name="Test Wire", url=server.url("/feed.xml"))


def poll_and_process(source: Source) -> pipeline.PollResult:
    Source.objects.filter(pk=source.pk).update(next_poll_at=None)
    result = pipeline.poll_source(source.pk)
    for report_id in result.new_report_ids:
        pipeline.process_report(report_id)
    return result


def macron_claims():
    return Claim.objects.filter(invitation__invitee__name="Emmanuel Macron")


def test_a_poll_creates_reports_and_claims(wire):
    result = poll_and_process(wire)
    assert result.claimed and result.entries == 1
    report = Report.objects.get()
    assert report.state == ReportState.EXTRACTED
    assert report.url.endswith("/articles/nairobi.html")  # tracking parameter gone
    assert "utm_source=rss" in report.urls[0]
    assert "Emmanuel Macron has accepted" in report.text
    assert report.source == wire and report.outlet == "Test Wire"
    claim = macron_claims().get(status="accepted")
    assert claim.report == report and claim.origin == "extracted"
    assert "Emmanuel Macron has accepted" in claim.evidence
    event = claim.invitation.event
    assert (event.kind, event.country_id, event.start_date) == (
        "summit",
        "KE",
        datetime.date(2027, 6, 12),
    )
    assert event.needs_review and claim.review_state == ReviewState.PENDING
    wire.refresh_from_db()
    assert wire.etag == '"feed-v1"' and wire.consecutive_failures == 0 and wire.next_poll_at


def test_polling_again_creates_nothing_new(wire, server):
    poll_and_process(wire)
    counts = (Report.objects.count(), Claim.objects.count(), Event.objects.count())
    again = poll_and_process(wire)
    assert again.not_modified and again.new_report_ids == []
    # Without the validators (a server that ignores them) the same entries are still known.
    Source.objects.filter(pk=wire.pk).update(etag="")
    server.routes["/feed.xml"].etag = ""
    again = poll_and_process(wire)
    assert not again.not_modified and again.new_report_ids == []
    assert (Report.objects.count(), Claim.objects.count(), Event.objects.count()) == counts


def test_a_tracking_parameter_variant_is_the_same_report(wire, server):
    poll_and_process(wire)
    variant = server.url("/articles/nairobi.html?utm_campaign=x&fbclid=abc")
    report, created = report_submit(url=variant)
    assert not created and report == Report.objects.get()
    assert variant in report.urls and len(report.urls) == 2


def test_a_syndicated_copy_with_the_same_text_is_one_report(wire, server):
    poll_and_process(wire)
    server.add("/partner/copy.html", article_html("Partner copy", ARTICLE_PARAGRAPHS))
    copy, created = report_submit(url=server.url("/partner/copy.html"))
    assert created
    done = pipeline.process_report(copy.pk)
    assert done.skipped
    report = Report.objects.get()
    assert report.urls[-1] == server.url("/partner/copy.html") and len(report.urls) == 2
    assert macron_claims().filter(status="accepted").count() == 1


def test_a_syndicated_copy_in_a_feed_with_full_text_is_one_report(server, people):
    text = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    server.add(
        "/feed.xml",
        rss(
            [
                {"title": TITLE, "link": "http://wire.example/a/1", "content": text},
                {"title": TITLE, "link": "http://partner.example/b/2", "content": text},
            ]
        ),
        content_type="application/rss+xml",
    )
    source = source_create(name="Wire", url=server.url("/feed.xml"))
    poll_and_process(source)
    report = Report.objects.get()
    assert report.urls == ["http://wire.example/a/1", "http://partner.example/b/2"]


def test_re_extracting_replaces_pending_claims_and_never_duplicates_them(wire):
    poll_and_process(wire)
    report = Report.objects.get()
    before = sorted(Claim.objects.values_list("invitation_id", "status"))
    reviewed = macron_claims().get(status="accepted")
    services.claim_review(claim=reviewed, approve=False)
    for _ in range(2):
        pipeline.process_report(report.pk, force=True)
    after = sorted(Claim.objects.values_list("invitation_id", "status"))
    assert after == before
    assert Claim.objects.filter(pk=reviewed.pk, review_state=ReviewState.REJECTED).exists()
    # An extracted report is left alone unless forced.
    assert pipeline.process_report(report.pk).skipped


def test_claims_about_a_known_event_above_the_threshold_are_applied(wire, settings):
    settings.DAIS_AUTO_APPLY_CONFIDENCE = 0.0
    known = EventFactory(
        title="Africa Forward Summit",
        kind="summit",
        start_date=datetime.date(2027, 6, 12),
        city="Nairobi",
        country=country("KE"),
    )
    poll_and_process(wire)
    claim = macron_claims().get(status="accepted")
    assert claim.invitation.event == known
    assert claim.review_state == ReviewState.APPROVED
    assert claim.invitation.status == "accepted"
    assert Event.objects.count() == 1


def test_claims_below_the_threshold_wait_for_review(wire, settings):
    settings.DAIS_AUTO_APPLY_CONFIDENCE = 1.0
    EventFactory(
        kind="summit", start_date=datetime.date(2027, 6, 12), city="Nairobi", country=country("KE")
    )
    poll_and_process(wire)
    claim = macron_claims().get(status="accepted")
    assert claim.review_state == ReviewState.PENDING
    assert claim.invitation.status == "invited"


def test_unknown_people_are_created_for_review_and_known_ones_found_by_alias(server, db):
    services.person_create(
        name="Emmanuel Jean-Michel Macron", country=country("FR"), aliases=["Emmanuel Macron"]
    )
    server.add("/a.html", article_html(TITLE, ARTICLE_PARAGRAPHS))
    report, _ = report_submit(url=server.url("/a.html"))
    pipeline.process_report(report.pk)
    claim = Claim.objects.get(
        invitation__invitee__name="Emmanuel Jean-Michel Macron", status="accepted"
    )
    assert not claim.invitation.invitee.needs_review
    assert Person.objects.filter(needs_review=True).count() == Person.objects.count() - 1


def test_a_failing_source_backs_off_shows_its_error_and_never_stops_the_others(
    wire, server, settings
):
    settings.DAIS_FETCH_TIMEOUT = 1
    server.add("/bomb.xml", BILLION_LAUGHS, content_type="application/xml")
    server.add("/broken.xml", MALFORMED, content_type="application/xml")
    server.add("/slow.xml", rss([]), content_type="application/xml", delay=3)
    server.add("/image.xml", b"\x89PNG", content_type="image/png")
    bad = [
        source_create(name=name, url=server.url(path))
        for name, path in [
            ("Bomb", "/bomb.xml"),
            ("Broken", "/broken.xml"),
            ("Slow", "/slow.xml"),
            ("Image", "/image.xml"),
            ("Gone", "/missing.xml"),
        ]
    ]
    for source_id in pipeline.due_source_ids():
        for report_id in pipeline.poll_source(source_id).new_report_ids:
            pipeline.process_report(report_id)
    assert Report.objects.filter(state=ReportState.EXTRACTED).count() == 1
    for source in bad:
        source.refresh_from_db()
        assert source.consecutive_failures == 1 and source.last_error, source.name
        assert source.next_poll_at > timezone.now() + datetime.timedelta(
            seconds=source.poll_interval
        )
        assert source.polling_until is None
    Source.objects.filter(pk=bad[0].pk).update(next_poll_at=None)
    pipeline.poll_source(bad[0].pk)
    bad[0].refresh_from_db()
    assert bad[0].consecutive_failures == 2 and "entity" in bad[0].last_error


def test_a_source_is_claimed_by_one_poller_at_a_time(wire):
    first = source_claim(source_id=wire.pk)
    assert first is not None
    assert source_claim(source_id=wire.pk) is None
    assert not pipeline.poll_source(wire.pk).claimed
    later = timezone.now() + POLL_LEASE + datetime.timedelta(seconds=1)
    assert source_claim(source_id=wire.pk, now=later) is not None  # a dead poller's lease ends


def test_an_article_that_is_not_html_fails_its_report(server, people):
    server.add("/file.pdf", b"%PDF-1.4", content_type="application/pdf")
    report, _ = report_submit(url=server.url("/file.pdf"))
    result = pipeline.process_report(report.pk)
    report.refresh_from_db()
    assert result.state == report.state == ReportState.FAILED
    assert "not HTML" in report.error


def test_the_ingest_command_runs_the_pipeline_on_files_and_urls(server, people, tmp_path, capsys):
    server.add("/a.html", article_html(TITLE, ARTICLE_PARAGRAPHS))
    path = tmp_path / "report.json"
    path.write_text(
        json.dumps(
            {
                "title": "Merz skips summit",
                "published": "2026-11-20",
                "source": "Wire",
                "url": "https://wire.example/merz",
                "text": "\n\n".join(ARTICLE_PARAGRAPHS[::-1]),
            }
        )
    )
    call_command("ingest", server.url("/a.html"), str(path))
    out = capsys.readouterr().out
    assert out.count("extracted") == 2
    assert Report.objects.count() == 2
    assert Report.objects.get(url="https://wire.example/merz").published.date() == datetime.date(
        2026, 11, 20
    )


def test_the_poll_command_polls_one_source(wire, capsys):
    call_command("poll", "--source", str(wire.pk))
    assert "1 entries" in capsys.readouterr().out
    assert Report.objects.filter(state=ReportState.EXTRACTED).count() == 1


def test_the_demo_source_is_created_once(db):
    from events.demo.source import DEMO_FEED_URL, ensure_demo_source

    assert ensure_demo_source() == ensure_demo_source()
    assert Source.objects.get().url == DEMO_FEED_URL


def test_the_demo_feed_parses_into_realistic_reports():
    from pathlib import Path

    from events.ingest.feed_parser import parse_feed

    folder = Path(__file__).resolve().parents[2] / "demo" / "feed"
    feed = parse_feed((folder / "feed.xml").read_bytes())
    assert len(feed.entries) == 7
    for entry in feed.entries:
        if not entry.has_full_text:
            page = folder / entry.url.split("8001/", 1)[1].split("?")[0]
            assert page.is_file(), page


def test_a_report_submitted_twice_by_two_editors_is_one_report(db):
    user = UserFactory()
    a, created_a = report_submit(text=" ".join(ARTICLE_PARAGRAPHS), submitted_by=user)
    b, created_b = report_submit(text=" ".join(ARTICLE_PARAGRAPHS) + "  ")
    assert created_a and not created_b and a == b


def test_an_event_is_linked_by_kind_date_and_a_close_name_when_the_place_is_missing(db):
    from events.ingest import linking
    from events.ingest.extract.model import ExtractedEvent

    delhi = EventFactory(
        title="Republic Day parade, New Delhi 2027",
        kind="parade",
        start_date=datetime.date(2027, 1, 26),
        city="New Delhi",
        country=country("IN"),
    )
    EventFactory(title="Other parade", kind="parade", start_date=datetime.date(2027, 1, 27))
    found = linking.find_event(
        ExtractedEvent(
            "e1", "Republic Day parade", "parade", datetime.date(2027, 1, 26), None, None
        )
    )
    assert found == delhi
    assert (
        linking.find_event(
            ExtractedEvent(
                "e1", "Republic Day parade", "summit", datetime.date(2027, 1, 26), None, None
            )
        )
        is None
    )
    far = ExtractedEvent(
        "e1", "Republic Day parade", "parade", datetime.date(2027, 3, 1), None, None
    )
    assert linking.find_event(far) is None
