"""The auto-apply rule inside the pipeline, on PostgreSQL: plain claims about a known event are
applied, refused ones wait for review with their reason, hosts are never recorded."""

import datetime
import logging

import pytest
from django.urls import reverse

from events import services
from events.ingest import pipeline
from events.ingest.extract import ExtractedClaim, ExtractedEvent, Extraction
from events.models import Claim, Invitation, ReviewState
from events.tests.factories import EventFactory, UserFactory, country

PUBLISHED = datetime.datetime(2026, 11, 20, 9, 0, tzinfo=datetime.UTC)
TEXT = (
    "NAIROBI, Nov 20 (Test Wire) – Kenya will host the Africa Forward summit in Nairobi on "
    "12 June 2027, the foreign ministry said on Friday.\n\n"
    "French President Emmanuel Macron has accepted an invitation to attend the summit, the "
    "Elysee said.\n\n"
    "Ghana's President John Mahama is expected to attend the summit, according to two "
    "diplomats."
)


@pytest.fixture
def summit(db):
    return EventFactory(
        title="Africa Forward summit 2027, Nairobi",
        kind="summit",
        start_date=datetime.date(2027, 6, 12),
        city="Nairobi",
        country=country("KE"),
    )


def submit(text: str) -> int:
    report, _ = services.report_submit(
        text=text, title="Macron to attend Africa Forward summit", published=PUBLISHED
    )
    return report.pk


def test_a_plain_claim_is_applied_and_a_hedged_one_waits_with_its_reason(summit, client):
    report_id = submit(TEXT)
    done = pipeline.process_report(report_id)
    assert (done.claims_created, done.claims_applied) == (2, 1)
    macron = Claim.objects.get(invitation__invitee__name="Emmanuel Macron")
    assert macron.invitation.event == summit
    assert macron.review_state == ReviewState.APPROVED and macron.review_note == ""
    assert macron.invitation.status == "accepted"
    mahama = Claim.objects.get(invitation__invitee__name="John Mahama")
    assert mahama.review_state == ReviewState.PENDING
    assert mahama.review_note.startswith("hedged or second-hand wording")
    assert mahama.invitation.status == "invited"
    # editors read the reason in the review queue
    client.force_login(UserFactory(editor=True))
    page = client.get(reverse("ingest:review")).content.decode()
    assert "Not applied automatically: hedged or second-hand wording" in page


def test_a_claim_on_an_event_the_report_dates_differently_waits(db):
    known = EventFactory(
        kind="summit",
        start_date=datetime.date(2027, 6, 13),  # linked (within 3 days), but not the stated day
        city="Nairobi",
        country=country("KE"),
    )
    pipeline.process_report(submit(TEXT))
    macron = Claim.objects.get(invitation__invitee__name="Emmanuel Macron")
    assert macron.invitation.event == known
    assert macron.review_state == ReviewState.PENDING
    assert macron.review_note == "the report does not state the event's day"


def test_a_claim_on_a_new_event_waits_for_the_event_to_be_reviewed(db):
    pipeline.process_report(submit(TEXT))
    macron = Claim.objects.get(invitation__invitee__name="Emmanuel Macron")
    assert macron.invitation.event.needs_review
    assert macron.review_state == ReviewState.PENDING
    assert macron.review_note == "the event is new and awaits review"


def _extraction(event: ExtractedEvent, *claims: tuple[str, str, str, str]) -> Extraction:
    return Extraction(
        events=[event],
        claims=[
            ExtractedClaim(
                event=event.key,
                invitee=name,
                invitee_country=code,
                inviter=None,
                status=status,
                evidence=evidence,
                confidence=0.85,
            )
            for name, code, status, evidence in claims
        ],
    )


def test_hosts_are_never_recorded_whatever_the_extractor_says(db, caplog):
    putin = services.person_create(
        name="Vladimir Putin", country=country("RU"), role="President of Russia"
    )
    services.person_create(name="Aleksandar Vučić", country=country("RS"), role="President")
    parade = EventFactory(
        title="Victory Day parade 2026, Moscow",
        kind="parade",
        start_date=datetime.date(2026, 5, 9),
        city="Moscow",
        country=country("RU"),
    )
    report, _ = services.report_submit(
        text="Moscow will hold its Victory Day parade on May 9. Putin attended. Vucic attended.",
        published=datetime.datetime(2026, 5, 10, tzinfo=datetime.UTC),
    )
    extraction = _extraction(
        ExtractedEvent(
            key="e1",
            name="Victory Day parade 2026, Moscow",
            kind="parade",
            start_date=datetime.date(2026, 5, 9),
            city="Moscow",
            country="RU",
            date_precision="day",
        ),
        ("Vladimir Putin", "RU", "attended", "Vladimir Putin attended the parade in Moscow."),
        ("Aleksandar Vučić", "RS", "attended", "Aleksandar Vucic attended the parade in Moscow."),
    )
    with caplog.at_level(logging.INFO, logger="events.services.reports"):
        result = services.report_apply_extraction(report=report, extraction=extraction)
    assert result.hosts_dropped == 1, result.claims_skipped
    assert (result.claims_created, result.claims_applied) == (1, 1), result.claims_skipped
    assert not Invitation.objects.filter(invitee=putin).exists()
    assert Invitation.objects.get(event=parade).invitee.name == "Aleksandar Vučić"
    assert "Vladimir Putin hosts" in caplog.text
    report.refresh_from_db()
    assert "Vladimir Putin: the invitee hosts the event" in report.error


def test_the_person_sworn_in_is_never_their_own_guest(db):
    EventFactory(
        title="Inauguration of Ana Ferreira 2026, Brasília",
        kind="inauguration",
        start_date=datetime.date(2026, 1, 1),
        city="Brasília",
        country=country("BR"),
    )
    report, _ = services.report_submit(
        text="Ana Ferreira was sworn in on January 1.",
        published=datetime.datetime(2026, 1, 2, tzinfo=datetime.UTC),
    )
    extraction = _extraction(
        ExtractedEvent(
            key="e1",
            name="Inauguration of Ana Ferreira 2026, Brasília",
            kind="inauguration",
            start_date=datetime.date(2026, 1, 1),
            city="Brasília",
            country="BR",
            date_precision="day",
        ),
        ("Ana Ferreira", "BR", "attended", "Ana Ferreira attended her inauguration."),
    )
    result = services.report_apply_extraction(report=report, extraction=extraction)
    assert (result.hosts_dropped, result.claims_created) == (1, 0)
    assert not Invitation.objects.exists()
